import * as path from 'path';
import type { IPolicyValidationContext } from 'aws-cdk-lib';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ApplyApiStandard } from '../../aspects';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { DATA_CLASSIFICATIONS } from '../../lib/constructs';

/**
 * "The aspect never adds a failure": a plain RestApi, HttpApi and WebSocketApi in each tier, with and
 * without an external web ACL ARN. After ApplyApiStandard, no blocking finding is about something the
 * aspect created or turned on; what it cannot fix (authorization, a WAF for HTTP APIs, one it was not
 * given) stays a finding and is announced once, naming the prop.
 */
const EXTERNAL_ACL = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/org/0000-1111';

/** Rules whose subject the aspect creates or turns on: none of them may block after it ran. */
const FIXED_BY_ASPECT = [
  'stage-access-logging',
  'access-log-format',
  'access-log-retention',
  'execution-logging',
  'account-logging-role',
  'data-trace',
  'tracing',
  'stage-throttling',
  'endpoint-type',
  'required-tags',
  'waf-rules',
  'waf-logging',
];

type Kind = 'rest' | 'http' | 'websocket';

function plainApi(stack: Stack, kind: Kind): void {
  if (kind === 'rest') {
    const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
    api.root.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
  } else if (kind === 'http') {
    const api = new apigwv2.HttpApi(stack, 'Api');
    api.addRoutes({
      path: '/x',
      methods: [apigwv2.HttpMethod.GET],
      integration: new HttpUrlIntegration('I', 'https://b.example.com'),
    });
  } else {
    const api = new apigwv2.WebSocketApi(stack, 'Api', {
      connectRouteOptions: { integration: new WebSocketMockIntegration('C') },
    });
    new apigwv2.WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'prod', autoDeploy: true });
  }
}

interface Outcome {
  readonly blocking: string[];
  /** The aspect's warnings (CDK annotations on the stack), by text. */
  readonly warnings: string[];
}

function applyAndCheck(kind: Kind, tier: string, webAclArn: string | undefined): Outcome {
  const app = new App();
  const stack = new Stack(app, 'Plain', { env: { account: '111111111111', region: 'eu-west-1' } });
  plainApi(stack, kind);
  ApplyApiStandard.to(stack, { webAclArn, tags: { owner: 'team-a', dataClassification: tier as 'public' } });
  const outdir = app.synth().directory;
  const templatePath = path.join(outdir, stack.templateFile);
  const context = {
    templatePaths: [templatePath],
    stackTemplates: [{ stackConstructPath: stack.node.path, templatePath }],
    appConstruct: app,
  } as unknown as IPolicyValidationContext;
  const report = new ApiGuardrails({ summary: false }).validate(context);
  const warnings = Annotations.fromStack(stack)
    .findWarning('*', Match.stringLikeRegexp('ApplyApiStandard'))
    .map((w) => String(w.entry.data));
  return {
    blocking: report.violations
      .filter((v) => v.severity === 'error' || v.severity === 'fatal')
      .map((v) => `${v.ruleName}: ${v.description}`),
    warnings,
  };
}

/** With an external web ACL ARN the aspect cannot make the ACL's contents known: said once, naming the way out. */
const UNKNOWABLE_WITH_EXTERNAL_ACL = ['waf-rules', 'waf-logging'];

const cases = (['rest', 'http', 'websocket'] as const).flatMap((kind) =>
  DATA_CLASSIFICATIONS.flatMap((tier) => [
    [kind, tier, 'no web ACL ARN', undefined] as const,
    [kind, tier, 'an external web ACL ARN', EXTERNAL_ACL] as const,
  ]),
);

test.each(cases)(
  'a plain %s API in tier %s with %s: nothing the aspect fixes still blocks',
  (kind, tier, _what, arn) => {
    const { blocking, warnings } = applyAndCheck(kind, tier, arn);
    const rule = (f: string): string => f.split(':')[0];
    const external = blocking.filter((f) => UNKNOWABLE_WITH_EXTERNAL_ACL.includes(rule(f)));
    const failing = blocking.filter((f) => FIXED_BY_ASPECT.includes(rule(f)) && !external.includes(f));
    expect(failing).toEqual([]);
    if (external.length > 0) {
      expect(arn).toBe(EXTERNAL_ACL);
      expect(external.every((f) => f.includes('could not be decided'))).toBe(true);
      const notices = warnings.filter((w) => w.includes('external web ACL'));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/Pass webAclArn of an OrgWebAcl/);
    }
  },
);

test('what the aspect cannot fix is one warning per stack naming the prop (no webAclArn, no tags, HTTP API WAF)', () => {
  const app = new App();
  const stack = new Stack(app, 'Plain', { env: { account: '111111111111', region: 'eu-west-1' } });
  plainApi(stack, 'rest');
  const second = new apigw.RestApi(stack, 'Second', { cloudWatchRole: false });
  second.root.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
  const http = new apigwv2.HttpApi(stack, 'Http');
  http.addRoutes({
    path: '/x',
    methods: [apigwv2.HttpMethod.GET],
    integration: new HttpUrlIntegration('I', 'https://b.example.com'),
  });
  ApplyApiStandard.to(stack);
  app.synth();
  const warnings = Annotations.fromStack(stack)
    .findWarning('*', Match.stringLikeRegexp('ApplyApiStandard|HTTP API'))
    .map((w) => String(w.entry.data));
  expect(warnings).toHaveLength(3);
  expect(warnings.filter((w) => w.includes('webAclArn: orgWebAcl.webAclArn'))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes("tags: { owner: 'team'"))).toHaveLength(1);
  // The acknowledgement id differs between the plugin and the cdk-nag pack: the warning names both.
  const waf = warnings.filter((w) => w.includes('acknowledge http-api-waf'));
  expect(waf).toHaveLength(1);
  expect(waf[0]).toContain('ApiGuardrails::http-api-waf for the plugin');
  expect(waf[0]).toContain('ApiGuardrails-http-api-waf for the cdk-nag pack');
});

test('fails no more than without the aspect: it records the endpoint, account role and KMS-keyed log group it added', () => {
  const app = new App();
  const stack = new Stack(app, 'Plain', { env: { account: '111111111111', region: 'eu-west-1' } });
  plainApi(stack, 'rest');
  ApplyApiStandard.to(stack, { tags: { owner: 'team-a', dataClassification: 'confidential' } });
  const template = Template.fromStack(stack);
  template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
  template.resourceCountIs('AWS::ApiGateway::Account', 1);
  template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.anyValue(), RetentionInDays: 365 });
});
