import * as path from 'path';
import type { IPolicyValidationContext } from 'aws-cdk-lib';
import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { ApplyApiStandard } from '../../aspects';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { OrgWebAcl } from '../../lib/constructs/org-web-acl';

/**
 * Issue 5's promise: a stack with a plain RestApi plus ApplyApiStandard has no failing finding under the
 * shipped standard; without the aspect it fails. The API itself is what a team would write: IAM-authorized
 * methods, the account CloudWatch role CDK creates, tagged public.
 */
function synthPlainApp(withAspect: boolean): { failing: string[]; remediated: boolean } {
  const app = new App();
  const stack = new Stack(app, 'Plain', { env: { account: '111111111111', region: 'eu-west-1' } });
  const api = new apigw.RestApi(stack, 'Orders', {
    cloudWatchRole: true,
    deployOptions: { description: 'production stage' },
  });
  const orders = api.root.addResource('orders');
  orders.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
  api.addGatewayResponse('Default4xx', {
    type: apigw.ResponseType.DEFAULT_4XX,
    templates: { 'application/json': '{"message":"bad request"}' },
  });
  api.addGatewayResponse('Default5xx', {
    type: apigw.ResponseType.DEFAULT_5XX,
    templates: { 'application/json': '{"message":"error"}' },
  });
  if (withAspect) {
    const acl = new OrgWebAcl(stack, 'OrgAcl');
    ApplyApiStandard.to(stack, {
      webAclArn: acl.webAclArn,
      tags: { owner: 'orders-team', dataClassification: 'public' },
    });
  }
  const outdir = app.synth().directory;
  const templatePath = path.join(outdir, stack.templateFile);
  const context = {
    templatePaths: [templatePath],
    stackTemplates: [
      { stackConstructPath: stack.node.path, templatePath, accountId: stack.account, region: stack.region },
    ],
    appConstruct: app,
  } as IPolicyValidationContext;
  const report = new ApiGuardrails({ summary: false }).validate(context);
  const failing = report.violations
    .filter((v) => v.severity === 'error' || v.severity === 'fatal')
    .map((v) => `${v.ruleName}: ${v.description}`);
  const stage = api.deploymentStage.node.defaultChild as apigw.CfnStage;
  return { failing, remediated: stage.getMetadata('cdk-api-guardrails:remediations') !== undefined };
}

describe('a plain RestApi and the standard', () => {
  it('has no failing finding once ApplyApiStandard has run, and records what it changed', () => {
    const { failing, remediated } = synthPlainApp(true);
    expect(failing).toEqual([]);
    expect(remediated).toBe(true);
  });

  it('fails the standard without the aspect (access logs, throttling, tracing, WAF, tags)', () => {
    const { failing } = synthPlainApp(false);
    const rules = new Set(failing.map((f) => f.split(':')[0]));
    for (const rule of [
      'stage-access-logging',
      'stage-throttling',
      'tracing',
      'stage-waf',
      'required-tags',
      'execution-logging',
    ])
      expect(rules).toContain(rule);
  });
});
