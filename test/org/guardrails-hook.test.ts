import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GuardrailsHook, HookFailureMode } from '../../lib/constructs/guardrails-hook';
import { createHookHandler } from '../../lib/hook/handler';
import type { HookRequest } from '../../lib/hook/contract';
import { resolveStandard } from '../../lib/standard';
import { resourceRequest } from '../hook/requests';
import { bundled } from './bundle';

const ENV = { account: '111122223333', region: 'eu-west-1' };
const openMethod = resourceRequest('AWS::ApiGateway::Method', 'Method', {
  RestApiId: 'a1',
  ResourceId: 'r0',
  HttpMethod: 'GET',
  AuthorizationType: 'NONE',
});

async function hookStack(props: ConstructorParameters<typeof GuardrailsHook>[2] = {}): Promise<{
  stack: Stack;
  hook: GuardrailsHook;
  template: Template;
  assetDir: string;
}> {
  const { dir } = await bundled();
  const app = new App();
  const stack = new Stack(app, 'Hook', { env: ENV });
  const hook = new GuardrailsHook(stack, 'Guardrails', { bundleDirectory: join(dir, 'guardrails-hook'), ...props });
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackByName('Hook').template as Record<string, unknown>);
  // The function's code is the stack's only asset: the staged directory in the cloud assembly.
  const staged = readdirSync(assembly.directory).filter((f) => f.startsWith('asset.'));
  expect(staged).toHaveLength(1);
  return { stack, hook, template, assetDir: join(assembly.directory, staged[0]) };
}

describe('GuardrailsHook', () => {
  it('deploys a WARN-mode Lambda hook on stacks and change sets, filtered to API Gateway, API Gateway V2 and WAFv2 types', async () => {
    const { template } = await hookStack();
    template.hasResourceProperties('AWS::CloudFormation::LambdaHook', {
      Alias: 'Private::ApiGuardrails::Hook',
      FailureMode: 'WARN',
      HookStatus: 'ENABLED',
      TargetOperations: ['STACK', 'CHANGE_SET'],
      TargetFilters: {
        Targets: Match.arrayWith([
          { TargetName: 'AWS::ApiGateway::*', Action: 'CREATE', InvocationPoint: 'PRE_PROVISION' },
          { TargetName: 'AWS::ApiGatewayV2::*', Action: 'UPDATE', InvocationPoint: 'PRE_PROVISION' },
          { TargetName: 'AWS::WAFv2::*', Action: 'CREATE', InvocationPoint: 'PRE_PROVISION' },
        ]),
      },
      LambdaFunction: { 'Fn::GetAtt': [Match.stringLikeRegexp('GuardrailsFunction'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 25,
    });
  });

  it('gives CloudFormation a role that may only invoke the hook function', async () => {
    const { template } = await hookStack();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'hooks.cloudformation.amazonaws.com' },
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': ENV.account } }),
          }),
        ],
      },
    });
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p).includes('lambda:InvokeFunction'),
    );
    expect(policies).toHaveLength(1);
    expect(policies[0].Properties.PolicyDocument.Statement).toEqual([
      {
        Action: 'lambda:InvokeFunction',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/GuardrailsFunction/), 'Arn'] },
      },
    ]);
  });

  it('enforces in FAIL mode with resource targets when asked', async () => {
    const { template } = await hookStack({ failureMode: HookFailureMode.FAIL, resourceTargets: true });
    template.hasResourceProperties('AWS::CloudFormation::LambdaHook', {
      FailureMode: 'FAIL',
      TargetOperations: ['STACK', 'CHANGE_SET', 'RESOURCE', 'CLOUD_CONTROL'],
    });
  });

  it('bundles the standard at synth, and the bundled function answers as the in-source handler does', async () => {
    const standard = { ...resolveStandard().standard, name: 'acme-api-standard', version: '2.1' };
    const { assetDir } = await hookStack({ standard });
    expect(readdirSync(assetDir).sort()).toEqual(['hook-config.json', 'index.js']);
    const config = JSON.parse(readFileSync(join(assetDir, 'hook-config.json'), 'utf8'));
    expect(config).toMatchObject({ failOn: 'error', standard: { name: 'acme-api-standard', version: '2.1' } });
    const script = `require(${JSON.stringify(join(assetDir, 'index.js'))}).handler(${JSON.stringify(openMethod)}).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const fromBundle = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    const inSource = await createHookHandler({ standard: resolveStandard(standard) })(openMethod as HookRequest);
    expect(fromBundle).toEqual(inSource);
    expect(fromBundle.message).toContain('acme-api-standard 2.1');
  });

  it('ships a hook bundle under 512 KiB that loads and answers in a fresh process', async () => {
    const { sizes } = await bundled();
    expect(sizes['guardrails-hook']).toBeLessThan(512 * 1024);
    const { assetDir } = await hookStack();
    const script = [
      `const { handler } = require(${JSON.stringify(join(assetDir, 'index.js'))});`,
      `handler(${JSON.stringify(openMethod)}).then((r) => process.stdout.write(JSON.stringify({ status: r.hookStatus })));`,
    ].join('\n');
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(out.status).toBe('FAILED');
  });

  it('fails with E_HOOK_CONFIG, not with a guessed standard, when the function runs without the configuration the construct writes', async () => {
    const { dir } = await bundled();
    const file = join(dir, 'guardrails-hook', 'index.js');
    expect(existsSync(join(dir, 'guardrails-hook', 'hook-config.json'))).toBe(false);
    const script = `require(${JSON.stringify(file)}).handler(${JSON.stringify(openMethod)}).catch((e) => process.stdout.write(e.message))`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toMatch(
      /^E_HOOK_CONFIG: .*hook-config\.json is missing/,
    );
  });

  it('fails at synth with E_HOOK_ALIAS for an alias CloudFormation would reject', async () => {
    await expect(hookStack({ alias: 'AWS::Api::Hook' })).rejects.toThrow(/E_HOOK_ALIAS.*"AWS::Api::Hook"/);
    await expect(hookStack({ alias: 'just-one-part' })).rejects.toThrow(/E_HOOK_ALIAS/);
  });

  it('fails at synth with the standard loader error for an invalid standard', async () => {
    await expect(hookStack({ standard: { name: 'x' } as never })).rejects.toThrow(/E_STANDARD/);
  });
});
