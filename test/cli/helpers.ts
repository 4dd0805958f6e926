import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../lib/cli/main';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the CLI in process with captured streams. */
export async function run(
  argv: string[],
  options: { cwd: string; isTTY?: boolean; env?: Record<string, string> },
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
  });
  return { code, stdout, stderr };
}

/** A temp directory that `cleanup()` removes; files written relative to it. */
export class TempDir {
  readonly path: string;

  constructor(prefix = 'apig-cli-') {
    this.path = mkdtempSync(join(tmpdir(), prefix));
  }

  write(relative: string, content: string | object): string {
    const file = join(this.path, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  }

  mkdir(relative: string): string {
    const dir = join(this.path, relative);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  cleanup(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** A REST API with one GET method and a stage; `loggingLevel` undefined = no execution logging. */
export function restTemplate(loggingLevel?: string): object {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Api: {
        Type: 'AWS::ApiGateway::RestApi',
        Properties: { Name: 'orders', EndpointConfiguration: { Types: ['REGIONAL'] } },
      },
      Get: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
          HttpMethod: 'GET',
          AuthorizationType: 'AWS_IAM',
          Integration: { Type: 'MOCK' },
        },
      },
      Deployment: {
        Type: 'AWS::ApiGateway::Deployment',
        Properties: { RestApiId: { Ref: 'Api' } },
        DependsOn: ['Get'],
      },
      Stage: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: {
          RestApiId: { Ref: 'Api' },
          DeploymentId: { Ref: 'Deployment' },
          StageName: 'prod',
          ...(loggingLevel
            ? { MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: loggingLevel }] }
            : {}),
        },
      },
    },
  };
}

/** A template with no API Gateway resources at all. */
export const BUCKET_TEMPLATE = { Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } };

/** `api-guardrails: error E_XXX: <what>. <fix>` and nothing else: one line, no stack trace. */
export const ONE_LINE_ERROR = /^api-guardrails: error (E_[A-Z0-9_]+): [^\n]+\n$/;
