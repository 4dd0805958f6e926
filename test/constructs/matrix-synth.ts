import type { App, IPolicyValidationContext, Stack } from 'aws-cdk-lib';
import type { DataClassification } from '../../lib/constructs';
import { newStack, tempApp } from './fixtures';
import type { MatrixBuilder } from './matrix-fixtures';

/** One synthesized cell of the matrix: the app (for the pack), the plugin's context and the cdk.out. */
export interface Cell {
  readonly app: App;
  readonly stack: Stack;
  readonly context: IPolicyValidationContext;
  readonly outdir: string;
}

/** Build and synthesize one construct in one tier, the way the CDK CLI does (construct paths in metadata). */
export function synthCell(build: MatrixBuilder, tier: DataClassification): Cell {
  const app = tempApp({ 'aws:cdk:enable-path-metadata': true });
  const stack = newStack(app, 'Cell');
  build(stack, tier);
  const assembly = app.synth();
  const templatePath = assembly.getStackByName(stack.stackName).templateFullPath;
  const context = {
    templatePaths: [templatePath],
    stackTemplates: [{ templatePath, stackConstructPath: stack.node.path }],
    appConstruct: app,
  } as unknown as IPolicyValidationContext;
  return { app, stack, context, outdir: assembly.directory };
}
