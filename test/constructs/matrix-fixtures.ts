import type { Stack } from 'aws-cdk-lib';
import { MockIntegration } from 'aws-cdk-lib/aws-apigateway';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  ApiUserPool,
  type DataClassification,
  HttpApiAuthorization,
  OrgWebAcl,
  RestApiAuthorization,
  SecureApiDomain,
  SecureHttpApi,
  SecureRestApi,
  SecureWebSocketApi,
  WebSocketApiAuthorization,
} from '../../lib/constructs';
import { CERT_ARN, authorizerFunction } from './fixtures';

/** Builds one construct with only its required props (plus the API it needs to be used at all). */
export type MatrixBuilder = (stack: Stack, tier: DataClassification) => void;

function restApi(
  stack: Stack,
  tier: DataClassification,
  extra: Partial<ConstructorParameters<typeof SecureRestApi>[2]> = {},
): SecureRestApi {
  const api = new SecureRestApi(stack, 'Orders', {
    owner: 'team-orders',
    dataClassification: tier,
    authorization: RestApiAuthorization.iam(),
    ...extra,
  });
  api.root.addResource('orders').addMethod('GET', new MockIntegration());
  return api;
}

/**
 * Every construct, required props only. OrgWebAcl, ApiUserPool and SecureApiDomain are used the way they
 * are meant to be (shared into, authorizing or fronting a SecureRestApi), so the standard sees them.
 */
export const MATRIX_BUILDERS: Record<string, MatrixBuilder> = {
  SecureRestApi: (stack, tier) => {
    restApi(stack, tier);
  },
  SecureHttpApi: (stack, tier) => {
    const api = new SecureHttpApi(stack, 'Events', {
      owner: 'team-events',
      dataClassification: tier,
      authorization: HttpApiAuthorization.iam(),
    });
    api.api.addRoutes({
      path: '/events',
      methods: [HttpMethod.GET],
      integration: new HttpLambdaIntegration('Backend', authorizerFunction(stack, 'EventsFn')),
    });
  },
  SecureWebSocketApi: (stack, tier) => {
    new SecureWebSocketApi(stack, 'Live', {
      owner: 'team-live',
      dataClassification: tier,
      authorization: WebSocketApiAuthorization.lambda({ handler: authorizerFunction(stack) }),
      connectIntegration: new WebSocketMockIntegration('Connect'),
    });
  },
  OrgWebAcl: (stack, tier) => {
    const acl = new OrgWebAcl(stack, 'OrgWebAcl');
    restApi(stack, tier, { webAcl: acl });
  },
  ApiUserPool: (stack, tier) => {
    const pool = new ApiUserPool(stack, 'Users', {
      owner: 'team-identity',
      dataClassification: tier,
      resourceServerIdentifier: 'orders',
      scopes: [{ name: 'read', description: 'Read orders' }],
    });
    restApi(stack, tier, {
      authorization: RestApiAuthorization.cognito({ userPools: [pool.userPool], scopes: [pool.scopeId('read')] }),
    });
  },
  SecureApiDomain: (stack, tier) => {
    const api = restApi(stack, tier);
    const domain = new SecureApiDomain(stack, 'Domain', {
      owner: 'team-orders',
      dataClassification: tier,
      domainName: 'orders.api.example.com',
      certificate: Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
    });
    domain.mapRestApi(api, { basePath: 'v1' });
  },
};

/** HTTP APIs cannot attach a web ACL: where the tier requires one, tests say how the API is protected. */
export const HTTP_NO_WAF = {
  relax: { noWaf: { reason: 'Fronted by CloudFront with the org web ACL (distribution E2ABC)' } },
} as const;
