import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Tags, Validations } from 'aws-cdk-lib';
import { MethodLoggingLevel, MockIntegration, RestApi, type StageOptions } from 'aws-cdk-lib/aws-apigateway';
import { ApiGuardrails, type ApiGuardrailsProps } from '../../lib/adapters/cdk-plugin';
import { ALL_API_KINDS, defineRule, type AnyRule } from '../../lib/engine/rule';
import type { Standard } from '../../lib/standard';
import { allRules } from '../../policies/rules';

/** A second, test-only rule, so acknowledgement tests can show that only one rule is suppressed. */
export const stageDescription = defineRule({
  id: 'test-stage-description',
  title: 'Stages have a description',
  rationale: 'Test rule.',
  fix: { cdk: 'Set deployOptions.description.', cloudFormation: 'Set the stage Description.' },
  severity: 'error',
  owasp: ['API9:2023'],
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  check(stage, ctx) {
    if (stage.description === undefined) ctx.fail('Stage has no description.', { location: 'Properties.Description' });
  },
});

export const testRules: readonly AnyRule[] = [...allRules, stageDescription];

/**
 * A standard that runs only the given rules (so the tests do not change as more shipped rules land),
 * with tiers public < restricted; execution-logging cannot be acknowledged for restricted APIs.
 */
export function standardWith(ruleIds: string[], extra: Partial<Standard> = {}): Standard {
  return {
    name: 'test standard',
    version: '0.0.1',
    classification: { tagKey: 'data-classification', tiers: ['public', 'restricted'] },
    ownerTagKey: 'owner',
    unknownAs: 'rule-severity',
    rules: Object.fromEntries(testRules.map((r) => [r.id, { enabled: ruleIds.includes(r.id) }])),
    tiers: { restricted: { rules: { 'execution-logging': { acknowledgeable: false } } } },
    ...extra,
  };
}

export interface TestApp {
  readonly app: App;
  readonly stack: Stack;
  readonly outdir: string;
}

const outdirs: string[] = [];

/** An app with the plugin; `context` e.g. `{ 'aws:cdk:enable-path-metadata': true }` as the CDK CLI sets it. */
export function newApp(props: ApiGuardrailsProps, context: Record<string, unknown> = {}): TestApp {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-cdk-'));
  outdirs.push(outdir);
  const app = new App({ outdir, context });
  Validations.of(app).addPlugins(new ApiGuardrails({ rules: testRules, summary: false, ...props }));
  return { app, stack: new Stack(app, 'Shop'), outdir };
}

export function cleanOutdirs(): void {
  for (const dir of outdirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A RestApi with one GET method; `deployOptions` decide whether execution logging is on. */
export function restApi(stack: Stack, id: string, deployOptions: StageOptions = {}, tier = 'public'): RestApi {
  const api = new RestApi(stack, id, { deployOptions });
  Tags.of(api).add('data-classification', tier);
  Tags.of(api).add('owner', `${id.toLowerCase()}-team`);
  api.root.addMethod('GET', new MockIntegration());
  return api;
}

export const LOGGING = { loggingLevel: MethodLoggingLevel.ERROR, description: 'prod' } satisfies StageOptions;

export interface ReportViolation {
  ruleName: string;
  description: string;
  severity: string;
  ruleMetadata?: Record<string, string>;
  violatingConstructs: {
    constructPath: string;
    cloudFormationResource?: { templatePath: string; logicalId: string; propertyPaths?: string[] };
  }[];
}

/** Our plugin's part of CDK's validation-report.json (written whether synth fails or not). */
export function ourReport(
  outdir: string,
): { conclusion: string; violations: ReportViolation[]; suppressedViolations?: ReportViolation[] } | undefined {
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: { pluginName: string; conclusion: string; violations: ReportViolation[] }[];
  };
  return report.pluginReports.find((r) => r.pluginName === 'ApiGuardrails');
}

/** Synthesize; returns the error CDK threw (validation failed) or undefined. */
export function synth(app: App): Error | undefined {
  try {
    app.synth();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
