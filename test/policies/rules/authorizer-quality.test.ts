import { Duration } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import rule from '../../../policies/rules/authorizer-quality';
import { httpApi, restApi, restMethod, v2Route } from '../../helpers/fixtures';
import {
  cognitoAuthorizer,
  restAuthorizer,
  tags,
  v2Authorizer,
  v2LambdaAuthorizer,
  withoutProperty,
} from '../../helpers/fixtures-access';
import { testRule } from '../../helpers/rule-tester';

function cdkCognito(stack: Stack, scopes?: string[]): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  const authorizer = new apigw.CognitoUserPoolsAuthorizer(stack, 'Authorizer', {
    cognitoUserPools: [new cognito.UserPool(stack, 'Pool')],
  });
  api.root.addMethod('GET', new apigw.MockIntegration(), { authorizer, authorizationScopes: scopes });
}

function cdkToken(stack: Stack, resultsCacheTtl?: Duration): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  const handler = new lambda.Function(stack, 'AuthFn', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
  const authorizer = new apigw.TokenAuthorizer(stack, 'Authorizer', { handler, resultsCacheTtl });
  api.root.addMethod('GET', new apigw.MockIntegration(), { authorizer });
}

const cognitoMethod = (props: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...restApi(),
  ...cognitoAuthorizer(),
  ...restMethod({ AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: 'Authorizer' }, ...props }),
});

const tokenMethod = (
  authorizerProps: Record<string, unknown> = {},
  apiProps: Record<string, unknown> = {},
): Record<string, unknown> => ({
  ...restApi(apiProps),
  ...restAuthorizer(authorizerProps),
  ...restMethod({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'Authorizer' } }),
});

const jwtRoute = v2Route('GET /orders', { AuthorizationType: 'JWT', AuthorizerId: { Ref: 'V2Authorizer' } });

testRule(rule, {
  valid: [
    {
      name: 'Cognito authorizer whose method requires OAuth scopes',
      template: cognitoMethod({ AuthorizationScopes: ['orders/read'] }),
      cdk: (stack) => cdkCognito(stack, ['orders/read']),
    },
    {
      name: 'Lambda TOKEN authorizer with the default 5-minute cache',
      template: tokenMethod({ AuthorizerResultTtlInSeconds: 300 }),
      cdk: (stack) => cdkToken(stack),
    },
    {
      name: 'HTTP API JWT authorizer with audience and issuer',
      template: { ...httpApi(), ...v2Authorizer(), ...jwtRoute },
      cdk: (stack) => {
        const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
        api.addRoutes({
          path: '/orders',
          methods: [apigwv2.HttpMethod.GET],
          integration: new HttpUrlIntegration('Orders', 'https://orders.example.com'),
          authorizer: new HttpJwtAuthorizer('Jwt', 'https://issuer.example.com', { jwtAudience: ['client-id'] }),
        });
      },
    },
    {
      name: 'HTTP API Lambda authorizer without a TTL (AWS default 0 s)',
      template: { ...httpApi(), ...v2LambdaAuthorizer() },
    },
    {
      name: 'Cognito without scopes where the standard lets the public tier accept ID tokens',
      template: { ...cognitoMethod(), Api: restApi({ Tags: tags({ 'data-classification': 'public' }) }).Api },
      tiers: { public: { rules: { 'authorizer-quality': { options: { requireCognitoScopes: false } } } } },
    },
    {
      name: 'an API without authorizers has nothing to check',
      template: { ...restApi(), ...restMethod({ AuthorizationType: 'AWS_IAM' }) },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a Cognito method without OAuth scopes (ID tokens accepted; the CDK default)',
      template: cognitoMethod(),
      cdk: (stack) => cdkCognito(stack),
      message: /GET \/ uses Cognito authorizer without OAuth scopes/,
    },
    {
      name: 'fails a JWT authorizer without audience',
      template: {
        ...httpApi(),
        ...v2Authorizer({ JwtConfiguration: { Issuer: 'https://issuer.example.com' } }),
        ...jwtRoute,
      },
      message: /no audience/,
    },
    {
      name: 'fails a JWT authorizer without issuer',
      template: { ...httpApi(), ...v2Authorizer({ JwtConfiguration: { Audience: ['client-id'] } }), ...jwtRoute },
      message: /no issuer/,
    },
    {
      name: 'fails a Lambda authorizer that caches decisions for an hour',
      template: tokenMethod({ AuthorizerResultTtlInSeconds: 3600 }),
      cdk: (stack) => cdkToken(stack, Duration.hours(1)),
      message: /3600 s; the standard allows at most 300 s/,
    },
    {
      name: 'fails the AWS default 300 s cache for a restricted API whose tier allows 60 s',
      template: tokenMethod({}, { Tags: tags({ 'data-classification': 'restricted' }) }),
      tiers: { restricted: { rules: { 'authorizer-quality': { options: { maxCacheTtlSeconds: 60 } } } } },
      message: /300 s \(the AWS default/,
    },
    {
      name: 'fails a REQUEST authorizer without identity source',
      template: withoutProperty(
        tokenMethod({ Type: 'REQUEST', AuthorizerResultTtlInSeconds: 0 }),
        'Authorizer',
        'IdentitySource',
      ),
      message: /no identity source/,
    },
    {
      name: 'fails as unknown when the cache TTL comes from a parameter without default',
      template: {
        Parameters: { Ttl: { Type: 'Number' } },
        Resources: tokenMethod({ AuthorizerResultTtlInSeconds: { Ref: 'Ttl' } }),
      },
      expect: 'unknown',
      message: /parameter Ttl/,
    },
    {
      name: 'fails as unknown when the method scopes come from a parameter without default',
      template: {
        Parameters: { Scopes: { Type: 'CommaDelimitedList' } },
        Resources: cognitoMethod({ AuthorizationScopes: { Ref: 'Scopes' } }),
      },
      expect: 'unknown',
      message: /parameter Scopes/,
    },
  ],
});
