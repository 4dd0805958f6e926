import * as fs from 'fs';
import * as path from 'path';
import { type App, type IPolicyValidationContext, Stack, Validations } from 'aws-cdk-lib';
import { AuthorizationType, MockIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { ApplyApiStandard } from '../../aspects';
import { acknowledgeRisk } from '../../lib/adapters/acknowledge-risk';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import {
  ApiUserPool,
  HttpApiAuthorization,
  OrgWebAcl,
  RestApiAuthorization,
  SecureApiDomain,
  SecureHttpApi,
  SecureRestApi,
  SecureWebSocketApi,
  WebSocketApiAuthorization,
} from '../../lib/constructs';
import { cleanup, tempApp } from './fixtures';

/**
 * The examples of docs/guide/constructs.md, run as written (imports aside): each synthesizes with the
 * ApiGuardrails plugin and no blocking finding. A test below keeps the doc and this file in step.
 */
afterAll(cleanup);

/** Blocking findings of the plugin on the synthesized example. */
function blockingFindings(build: (stack: Stack) => void): string[] {
  const app: App = tempApp();
  const stack = new Stack(app, 'Example', { env: { account: '111122223333', region: 'eu-west-1' } });
  build(stack);
  const templatePath = app.synth().getStackByName(stack.stackName).templateFullPath;
  const context = {
    templatePaths: [templatePath],
    stackTemplates: [{ templatePath, stackConstructPath: stack.node.path }],
    appConstruct: app,
  } as unknown as IPolicyValidationContext;
  return new ApiGuardrails({ summary: false })
    .validate(context)
    .violations.filter((v) => v.severity === 'error' || v.severity === 'fatal')
    .map((v) => v.ruleName);
}

/** What ApplyApiStandard fixes on a plain API (docs/guide/constructs.md lists them). */
const FIXED_BY_ASPECT = [
  'stage-access-logging',
  'access-log-retention',
  'execution-logging',
  'account-logging-role',
  'data-trace',
  'tracing',
  'stage-throttling',
  'endpoint-type',
  'required-tags',
  'stage-waf',
  'waf-rules',
  'waf-logging',
];

function handler(stack: Stack, id: string): LambdaFunction {
  return new LambdaFunction(stack, id, {
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
}

const EXAMPLES: Record<string, (stack: Stack) => void> = {
  // example: rest
  rest: (stack) => {
    const users = new ApiUserPool(stack, 'Users', {
      owner: 'team-orders',
      dataClassification: 'confidential',
      resourceServerIdentifier: 'orders',
      scopes: [{ name: 'read', description: 'Read orders' }],
    });
    const api = new SecureRestApi(stack, 'Orders', {
      owner: 'team-orders',
      dataClassification: 'confidential',
      authorization: RestApiAuthorization.cognito({ userPools: [users.userPool], scopes: [users.scopeId('read')] }),
      apiProps: { binaryMediaTypes: ['application/pdf'] },
    });
    api.root.addResource('orders').addMethod('GET', new MockIntegration());
  },
  // example: http
  http: (stack) => {
    const api = new SecureHttpApi(stack, 'Events', {
      owner: 'team-events',
      dataClassification: 'internal',
      authorization: HttpApiAuthorization.iam(),
      relax: { noWaf: { reason: 'Behind CloudFront distribution E2ABC with the org web ACL (SEC-101)' } },
    });
    api.addRoutes({
      path: '/events',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('Backend', handler(stack, 'EventsFn')),
    });
  },
  // example: websocket
  websocket: (stack) => {
    const live = new SecureWebSocketApi(stack, 'Live', {
      owner: 'team-live',
      dataClassification: 'confidential',
      authorization: WebSocketApiAuthorization.lambda({ handler: handler(stack, 'Authorizer') }),
      connectIntegration: new WebSocketMockIntegration('Connect'),
    });
    live.addRoute('subscribe', { integration: new WebSocketMockIntegration('Subscribe') });
  },
  // example: domain
  domain: (stack) => {
    const acl = new OrgWebAcl(stack, 'OrgWebAcl', { owner: 'team-platform' });
    const api = new SecureRestApi(stack, 'Orders', {
      owner: 'team-orders',
      dataClassification: 'confidential',
      authorization: RestApiAuthorization.iam(),
      webAcl: acl,
    });
    api.root.addMethod('GET', new MockIntegration());
    const domain = new SecureApiDomain(stack, 'Domain', {
      owner: 'team-orders',
      dataClassification: 'confidential',
      domainName: 'orders.api.example.com',
      certificate: Certificate.fromCertificateArn(
        stack,
        'Cert',
        'arn:aws:acm:eu-west-1:111122223333:certificate/00000000-0000-0000-0000-000000000000',
      ),
    });
    domain.mapRestApi(api, { basePath: 'v1' });
  },
  // example: aspect
  aspect: (stack) => {
    const acl = new OrgWebAcl(stack, 'OrgWebAcl');
    const legacy = new RestApi(stack, 'Legacy', { cloudWatchRole: false });
    legacy.root.addMethod('GET', new MockIntegration(), { authorizationType: AuthorizationType.IAM });
    ApplyApiStandard.to(stack, {
      webAclArn: acl.webAclArn,
      tags: { owner: 'team-legacy', dataClassification: 'confidential' },
    });
  },
  // example: acknowledge
  acknowledge: (stack) => {
    const api = new SecureRestApi(stack, 'Orders', {
      owner: 'team-orders',
      dataClassification: 'public',
      authorization: RestApiAuthorization.iam(),
      relax: { tracingOff: { reason: 'X-Ray is not used in this account (SEC-12)' } },
    });
    api.root.addMethod('GET', new MockIntegration());
    acknowledgeRisk(api, {
      ruleId: 'stage-access-logging',
      reason: 'CloudFront logs every request while the log pipeline moves',
      ticket: 'SEC-1234',
      expires: '2099-03-31',
    });
    Validations.of(api).acknowledge({ id: 'ApiGuardrails::detailed-metrics', reason: 'cost review SEC-77' });
  },
};

test.each(Object.keys(EXAMPLES).filter((n) => n !== 'aspect'))(
  'the %s example synthesizes with no blocking finding',
  (name) => {
    expect(blockingFindings(EXAMPLES[name])).toEqual([]);
  },
);

test('the aspect example leaves no blocking finding of what the aspect fixes', () => {
  expect(blockingFindings(EXAMPLES.aspect).filter((r) => FIXED_BY_ASPECT.includes(r))).toEqual([]);
});

test('fails when docs/guide/constructs.md and these examples drift apart', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/guide/constructs.md'), 'utf8');
  const source = fs.readFileSync(__filename, 'utf8');
  for (const name of Object.keys(EXAMPLES)) {
    const start = source.indexOf(`  // example: ${name}\n`);
    const body = source.slice(start).split('\n').slice(2);
    const end = body.findIndex((l) => l === '  },');
    const code = body
      .slice(0, end)
      .map((l) => l.slice(4))
      .join('\n');
    expect(doc).toContain(code);
  }
});
