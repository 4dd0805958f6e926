import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { MockIntegration } from 'aws-cdk-lib/aws-apigateway';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
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

export const ENV = { account: '111122223333', region: 'eu-west-1' };
export const OWNERSHIP = { owner: 'team-orders', dataClassification: 'confidential' } as const;
export const CERT_ARN = 'arn:aws:acm:eu-west-1:111122223333:certificate/00000000-0000-0000-0000-000000000000';

export function newStack(app = new App(), id = 'Test'): Stack {
  return new Stack(app, id, { env: ENV });
}

export function userPool(stack: Stack, id = 'Users'): ApiUserPool {
  return new ApiUserPool(stack, id, {
    ...OWNERSHIP,
    resourceServerIdentifier: 'orders',
    scopes: [
      { name: 'read', description: 'Read orders' },
      { name: 'write', description: 'Write orders' },
    ],
  });
}

/** A SecureRestApi with default props, Cognito authorization and one GET method. */
export function restApiStack(stack: Stack): SecureRestApi {
  const pool = userPool(stack);
  const api = new SecureRestApi(stack, 'Orders', {
    ...OWNERSHIP,
    authorization: RestApiAuthorization.cognito({ userPools: [pool.userPool], scopes: [pool.scopeId('read')] }),
  });
  api.root.addResource('orders').addMethod('GET', new MockIntegration());
  return api;
}

export function httpApiStack(stack: Stack): SecureHttpApi {
  const pool = userPool(stack);
  const api = new SecureHttpApi(stack, 'Events', {
    ...OWNERSHIP,
    authorization: HttpApiAuthorization.cognito({
      userPool: pool.userPool,
      userPoolClients: [pool.machineClient],
      scopes: [pool.scopeId('read')],
    }),
    relax: { noWaf: { reason: 'Fronted by CloudFront with the org web ACL (distribution E2ABC)' } },
  });
  api.api.addRoutes({
    path: '/events',
    methods: [HttpMethod.GET],
    integration: new HttpLambdaIntegration('Backend', authorizerFunction(stack, 'EventsFn')),
  });
  return api;
}

export function authorizerFunction(stack: Stack, id = 'AuthorizerFn'): LambdaFunction {
  return new LambdaFunction(stack, id, {
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline(
      "exports.handler = async () => ({ principalId: 'x', policyDocument: { Version: '2012-10-17', Statement: [] } });",
    ),
  });
}

export function webSocketApiStack(stack: Stack): SecureWebSocketApi {
  const api = new SecureWebSocketApi(stack, 'Live', {
    ...OWNERSHIP,
    authorization: WebSocketApiAuthorization.lambda({ handler: authorizerFunction(stack) }),
    connectIntegration: new WebSocketMockIntegration('Connect'),
    disconnectIntegration: new WebSocketMockIntegration('Disconnect'),
  });
  api.api.addRoute('subscribe', { integration: new WebSocketMockIntegration('Subscribe') });
  return api;
}

export function webAclStack(stack: Stack): OrgWebAcl {
  return new OrgWebAcl(stack, 'OrgWebAcl', { owner: 'team-platform' });
}

export function userPoolStack(stack: Stack): ApiUserPool {
  return userPool(stack);
}

export function domainStack(stack: Stack): SecureApiDomain {
  const api = restApiStack(stack);
  const domain = new SecureApiDomain(stack, 'Domain', {
    ...OWNERSHIP,
    domainName: 'orders.api.example.com',
    certificate: Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
  });
  domain.mapRestApi(api, { basePath: 'v1' });
  return domain;
}

/** One builder per construct, each in its own stack, all with default props. */
export const DEFAULT_BUILDERS: Record<string, (stack: Stack) => unknown> = {
  SecureRestApi: restApiStack,
  SecureHttpApi: httpApiStack,
  SecureWebSocketApi: webSocketApiStack,
  OrgWebAcl: webAclStack,
  ApiUserPool: userPoolStack,
  SecureApiDomain: domainStack,
};

/** A fresh App writing to a temporary directory (removed by `cleanup`). */
const outdirs: string[] = [];
export function tempApp(context?: Record<string, unknown>): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-constructs-'));
  outdirs.push(outdir);
  return new App({ outdir, context });
}

export function cleanup(): void {
  for (const dir of outdirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
