import type { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpUrlIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import rule from '../../../policies/rules/v2-route-authorization';
import { httpApi, restApi, restMethod, v2Route, webSocketApi } from '../../helpers/fixtures';
import { v2Authorizer, v2LambdaAuthorizer } from '../../helpers/fixtures-access';
import { testRule } from '../../helpers/rule-tester';

function cdkHttpApi(stack: Stack, authorizer?: apigwv2.IHttpRouteAuthorizer): void {
  const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
  api.addRoutes({
    path: '/orders',
    methods: [apigwv2.HttpMethod.GET],
    integration: new HttpUrlIntegration('Orders', 'https://orders.example.com'),
    authorizer,
  });
}

const jwtRoute = (key: string, id = 'Route'): Record<string, unknown> =>
  v2Route(key, { AuthorizationType: 'JWT', AuthorizerId: { Ref: 'V2Authorizer' } }, id);

const RESTRICTED_IAM_ONLY = {
  restricted: { rules: { 'v2-route-authorization': { options: { allowedHttpTypes: ['AWS_IAM'] } } } },
};
const classified = (tier: string): Record<string, unknown> => httpApi({ Tags: { 'data-classification': tier } });

testRule(rule, {
  valid: [
    {
      name: 'IAM-authorized HTTP route',
      template: { ...httpApi(), ...v2Route('GET /orders', { AuthorizationType: 'AWS_IAM' }) },
      cdk: (stack) => cdkHttpApi(stack, new HttpIamAuthorizer()),
    },
    {
      name: 'JWT-authorized HTTP route',
      template: { ...httpApi(), ...v2Authorizer(), ...jwtRoute('GET /orders') },
    },
    {
      name: 'WebSocket $connect with a Lambda authorizer; $disconnect and $default need none (AwsSolutions-APIG4 flags them)',
      template: {
        ...webSocketApi(),
        ...v2LambdaAuthorizer({ IdentitySource: ['route.request.header.Authorization'] }, 'V2Authorizer', 'WsApi'),
        ...v2Route(
          '$connect',
          { AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'V2Authorizer' } },
          'Connect',
          'WsApi',
        ),
        ...v2Route('$disconnect', {}, 'Disconnect', 'WsApi'),
        ...v2Route('$default', {}, 'Default', 'WsApi'),
      },
    },
    {
      name: 'WebSocket message routes with NONE next to an IAM-authorized $connect (only $connect can carry an authorizer)',
      template: {
        ...webSocketApi(),
        ...v2Route('$connect', { AuthorizationType: 'AWS_IAM' }, 'Connect', 'WsApi'),
        ...v2Route('sendMessage', { AuthorizationType: 'NONE' }, 'Send', 'WsApi'),
      },
    },
    {
      name: 'REST methods are out of scope (rest-method-authorization covers them)',
      template: { ...restApi(), ...restMethod({ AuthorizationType: 'NONE' }) },
      expect: 'skip',
    },
    {
      name: 'an OPTIONS route without authorization where the standard exempts preflight routes',
      template: { ...httpApi(), ...v2Route('OPTIONS /{proxy+}') },
      options: { exemptOptionsRoutes: true },
      expect: 'exempt',
      message: /exemptOptionsRoutes/,
    },
    {
      name: 'JWT is fine for a public API even where restricted APIs must use IAM',
      template: { ...classified('public'), ...v2Authorizer(), ...jwtRoute('GET /orders') },
      tiers: RESTRICTED_IAM_ONLY,
    },
  ],
  invalid: [
    {
      name: 'fails an HTTP route with authorization NONE (the CDK default)',
      template: { ...httpApi(), ...v2Route('GET /orders', { AuthorizationType: 'NONE' }) },
      cdk: (stack) => cdkHttpApi(stack),
      message: /Route GET \/orders has authorization type NONE/,
    },
    {
      name: 'fails an HTTP route without AuthorizationType (AWS defaults to NONE)',
      template: { ...httpApi(), ...v2Route('POST /orders') },
      message: /POST \/orders/,
    },
    {
      name: 'fails the catch-all $default route of an HTTP API with NONE, next to an authorized route',
      template: { ...httpApi(), ...v2Authorizer(), ...jwtRoute('GET /orders'), ...v2Route('$default', {}, 'Default') },
      message: /\$default/,
      count: 1,
    },
    {
      name: 'fails an OPTIONS route without authorization by default (it reaches a real backend, unlike a REST MOCK preflight)',
      template: { ...httpApi(), ...v2Route('OPTIONS /{proxy+}') },
      message: /OPTIONS \/\{proxy\+\}/,
    },
    {
      name: 'fails a WebSocket $connect route without authorization',
      template: { ...webSocketApi(), ...v2Route('$connect', { AuthorizationType: 'NONE' }, 'Connect', 'WsApi') },
      cdk: (stack) => {
        new apigwv2.WebSocketApi(stack, 'WsApi', {
          connectRouteOptions: { integration: new WebSocketMockIntegration('Connect') },
        });
      },
      message: /\$connect route has authorization type NONE/,
    },
    {
      name: 'fails a WebSocket API without a $connect route: AWS accepts every connection unauthorized',
      template: { ...webSocketApi(), ...v2Route('sendMessage', { AuthorizationType: 'NONE' }, 'Send', 'WsApi') },
      cdk: (stack) => {
        new apigwv2.WebSocketApi(stack, 'WsApi').addRoute('sendMessage', {
          integration: new WebSocketMockIntegration('Send'),
        });
      },
      message: /has no \$connect route, so AWS accepts every connection without authorization/,
      count: 1,
    },
    {
      name: 'fails JWT on a restricted API whose tier allows only IAM',
      template: { ...classified('restricted'), ...v2Authorizer(), ...jwtRoute('GET /orders') },
      tiers: RESTRICTED_IAM_ONLY,
      message: /uses authorization type JWT/,
    },
    {
      name: 'fails as unknown when the authorization type comes from a parameter without default',
      template: {
        Parameters: { AuthType: { Type: 'String' } },
        Resources: { ...httpApi(), ...v2Route('GET /orders', { AuthorizationType: { Ref: 'AuthType' } }) },
      },
      expect: 'unknown',
      message: /parameter AuthType/,
    },
    {
      name: 'fails as unknown when a WebSocket route key is unresolved (it may be $connect)',
      template: {
        Parameters: { Key: { Type: 'String' } },
        Resources: { ...webSocketApi(), ...v2Route({ Ref: 'Key' } as unknown as string, {}, 'Route', 'WsApi') },
      },
      expect: 'unknown',
      message: /route key is unresolved/,
    },
  ],
});
