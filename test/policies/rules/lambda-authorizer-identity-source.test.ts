import { Duration } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import rule from '../../../policies/rules/lambda-authorizer-identity-source';
import { httpApi, restApi, restMethod, webSocketApi } from '../../helpers/fixtures';
import { restAuthorizer, v2Authorizer, v2LambdaAuthorizer, withoutProperty } from '../../helpers/fixtures-access';
import { testRule } from '../../helpers/rule-tester';

function handler(stack: Stack): lambda.Function {
  return new lambda.Function(stack, 'AuthFn', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
}

function cdkRest(stack: Stack, authorizer: (fn: lambda.Function) => apigw.IAuthorizer): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.HttpIntegration('https://orders.example.com'), {
    authorizer: authorizer(handler(stack)),
  });
}

const restLambda = (props: Record<string, unknown>): Record<string, unknown> => ({
  ...restApi(),
  ...restAuthorizer(props),
  ...restMethod({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'Authorizer' } }),
});

testRule(rule, {
  valid: [
    {
      name: 'a TOKEN authorizer reading the Authorization header (the CDK default)',
      template: restLambda({}),
      cdk: (stack) => cdkRest(stack, (fn) => new apigw.TokenAuthorizer(stack, 'Authorizer', { handler: fn })),
    },
    {
      name: 'a cached REQUEST authorizer keyed on a header and a query string',
      template: restLambda({
        Type: 'REQUEST',
        IdentitySource: 'method.request.header.Authorization, method.request.querystring.tenant',
      }),
      cdk: (stack) =>
        cdkRest(
          stack,
          (fn) =>
            new apigw.RequestAuthorizer(stack, 'Authorizer', {
              handler: fn,
              identitySources: [
                apigw.IdentitySource.header('Authorization'),
                apigw.IdentitySource.queryString('tenant'),
              ],
            }),
        ),
    },
    {
      name: 'an HTTP API Lambda authorizer on the Authorization header',
      template: { ...httpApi(), ...v2LambdaAuthorizer() },
      cdk: (stack) => {
        const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
        api.addRoutes({
          path: '/orders',
          methods: [apigwv2.HttpMethod.GET],
          integration: new HttpUrlIntegration('Orders', 'https://orders.example.com'),
          authorizer: new HttpLambdaAuthorizer('Auth', handler(stack)),
        });
      },
    },
    {
      name: 'an uncached REQUEST authorizer keyed only on a stage variable (every request reaches the Lambda)',
      template: restLambda({
        Type: 'REQUEST',
        IdentitySource: 'stageVariables.tenant',
        AuthorizerResultTtlInSeconds: 0,
      }),
    },
    {
      name: 'a JWT authorizer is not a Lambda authorizer',
      template: { ...httpApi(), ...v2Authorizer() },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a TOKEN authorizer that names no header',
      template: withoutProperty(restLambda({}), 'Authorizer', 'IdentitySource'),
      message: /no header to read the token from/,
    },
    {
      name: 'fails an uncached REST REQUEST authorizer without identity source (it runs on requests without credentials)',
      template: withoutProperty(
        restLambda({ Type: 'REQUEST', AuthorizerResultTtlInSeconds: 0 }),
        'Authorizer',
        'IdentitySource',
      ),
      cdk: (stack) =>
        cdkRest(
          stack,
          (fn) =>
            new apigw.RequestAuthorizer(stack, 'Authorizer', {
              handler: fn,
              identitySources: [],
              resultsCacheTtl: Duration.seconds(0),
            }),
        ),
      message: /no identity source/,
    },
    {
      name: 'fails an HTTP API Lambda authorizer with an empty identity source',
      template: { ...httpApi(), ...v2LambdaAuthorizer({ IdentitySource: [] }) },
      message: /no identity source/,
    },
    {
      name: 'fails a WebSocket $connect authorizer without identity source',
      template: { ...webSocketApi(), ...v2LambdaAuthorizer({ IdentitySource: [] }, 'V2Authorizer', 'WsApi') },
      message: /no identity source/,
    },
    {
      name: 'fails a REQUEST authorizer cached for the default 300 s on a stage variable only (one caller’s Allow serves all)',
      template: restLambda({ Type: 'REQUEST', IdentitySource: 'stageVariables.tenant' }),
      message: /300 s keyed only on stageVariables.tenant/,
    },
    {
      name: 'fails as unknown when the identity source comes from a parameter without default',
      template: {
        Parameters: { Identity: { Type: 'String' } },
        Resources: restLambda({ IdentitySource: { Ref: 'Identity' } }),
      },
      expect: 'unknown',
      message: /parameter Identity/,
    },
    {
      name: 'fails as unknown when a context-only identity source may be cached for a TTL only known at deploy time',
      template: {
        Parameters: { Ttl: { Type: 'Number' } },
        Resources: restLambda({
          Type: 'REQUEST',
          IdentitySource: 'context.identity.sourceIp',
          AuthorizerResultTtlInSeconds: { Ref: 'Ttl' },
        }),
      },
      expect: 'unknown',
      message: /parameter Ttl/,
    },
  ],
});
