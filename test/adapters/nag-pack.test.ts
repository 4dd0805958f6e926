import * as path from 'path';
import type { IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { App, CfnResource, Stack, Tags, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { ApiGuardrailsChecks } from '../../lib/adapters/nag-pack';

/** Two stacks with plain APIs; `tier` tags them (untagged APIs are in the strictest tier). */
function buildApp(tier?: string): { app: App; stacks: Stack[] } {
  const app = new App();
  if (tier) {
    Tags.of(app).add('data-classification', tier);
    Tags.of(app).add('owner', 'team-a');
  }
  const a = new Stack(app, 'Orders', { env: { account: '111111111111', region: 'eu-west-1' } });
  const api = new apigw.RestApi(a, 'Api', { cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration());
  const b = new Stack(app, 'Events', { env: { account: '111111111111', region: 'eu-west-1' } });
  new apigwv2.HttpApi(b, 'Http');
  return { app, stacks: [a, b] };
}

function contextOf(app: App, stacks: Stack[]): IPolicyValidationContext {
  const outdir = app.synth().directory;
  const stackTemplates = stacks.map((s) => ({
    stackConstructPath: s.node.path,
    templatePath: path.join(outdir, s.templateFile),
    accountId: s.account,
    region: s.region,
  }));
  return {
    templatePaths: stackTemplates.map((s) => s.templatePath),
    stackTemplates,
    appConstruct: app,
  } as IPolicyValidationContext;
}

/** rule id × logical id for every violating resource, whatever the adapter names them. */
function pairs(report: PolicyValidationPluginReport, app: App, prefix: RegExp): string[] {
  const logicalIdOfPath = new Map<string, string>();
  for (const c of app.node.findAll())
    if (CfnResource.isCfnResource(c)) logicalIdOfPath.set(c.node.path, Stack.of(c).resolve(c.logicalId) as string);
  const out = new Set<string>();
  for (const v of report.violations) {
    for (const r of v.violatingResources) {
      const logicalId = r.resourceLogicalId ?? logicalIdOfPath.get(r.constructPath ?? '');
      if (logicalId) out.add(`${v.ruleName.replace(prefix, '')} ${logicalId}`);
    }
  }
  return [...out].sort();
}

describe('ApiGuardrailsChecks (cdk-nag v3 pack)', () => {
  it('reports the same rule × resource violations as the ApiGuardrails plugin on the same app', () => {
    const { app, stacks } = buildApp();
    const context = contextOf(app, stacks);
    const viaPlugin = pairs(new ApiGuardrails({ summary: false }).validate(context), app, /^$/);
    const viaNag = pairs(new ApiGuardrailsChecks(app).validateScope(app), app, /^ApiGuardrails-/);
    const stage = (stacks[0].node.findChild('Api') as apigw.RestApi).deploymentStage.node.defaultChild as CfnResource;
    expect(viaNag).toContain(`execution-logging ${stacks[0].resolve(stage.logicalId)}`);
    expect(viaNag).toEqual(viaPlugin);
  });

  it('fails with ids ApiGuardrails-<rule-id>, and a cdk-nag style acknowledgement suppresses exactly that rule', () => {
    const before = buildApp('public');
    contextOf(before.app, before.stacks);
    const unacknowledged = new ApiGuardrailsChecks(before.app)
      .validateScope(before.app)
      .violations.map((v) => v.ruleName);
    expect(unacknowledged).toContain('ApiGuardrails-execution-logging');
    expect(unacknowledged.every((n) => n.startsWith('ApiGuardrails-'))).toBe(true);

    const after = buildApp('public');
    const stage = (after.stacks[0].node.findChild('Api') as apigw.RestApi).deploymentStage;
    Validations.of(stage).acknowledge({
      id: 'ApiGuardrails-execution-logging',
      reason: 'logging comes from the platform account',
    });
    contextOf(after.app, after.stacks);
    const acknowledged = new ApiGuardrailsChecks(after.app).validateScope(after.app).violations.map((v) => v.ruleName);
    expect(acknowledged).toEqual(unacknowledged.filter((n) => n !== 'ApiGuardrails-execution-logging'));
  });

  it('fails with severity fatal when a rule is acknowledged where the standard forbids it (untagged = restricted)', () => {
    const { app, stacks } = buildApp();
    const stage = (stacks[0].node.findChild('Api') as apigw.RestApi).deploymentStage;
    Validations.of(stage).acknowledge({ id: 'ApiGuardrails-execution-logging', reason: 'please' });
    contextOf(app, stacks);
    const report = new ApiGuardrailsChecks(app).validateScope(app);
    const logging = report.violations.filter((v) => v.ruleName === 'ApiGuardrails-execution-logging');
    expect(logging.map((v) => v.severity)).toEqual(['fatal']);
    expect(logging[0].description).toContain('cannot be acknowledged in tier restricted');
    expect(report.success).toBe(false);
  });

  it("honours the plugin's acknowledgement id (ApiGuardrails::<rule-id>) too", () => {
    const { app, stacks } = buildApp('public');
    const stage = (stacks[0].node.findChild('Api') as apigw.RestApi).deploymentStage;
    Validations.of(stage).acknowledge({ id: 'ApiGuardrails::execution-logging', reason: 'platform account logs' });
    contextOf(app, stacks);
    const names = new ApiGuardrailsChecks(app).validateScope(app).violations.map((v) => v.ruleName);
    expect(names).not.toContain('ApiGuardrails-execution-logging');
    expect(names).toContain('ApiGuardrails-stage-waf');
  });

  it('fails with E_NAG_NO_TEMPLATE when asked to check an app that was never synthesized', () => {
    const { app } = buildApp();
    expect(() => new ApiGuardrailsChecks(app).validateScope(app)).toThrow(/E_NAG_NO_TEMPLATE/);
  });
});
