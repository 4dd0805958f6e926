import { Duration } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import rule from '../../../policies/rules/authorizer-quality';
import { httpApi, restApi, restMethod, v2Route } from '../../helpers/fixtures';
import { restAuthorizer, tags, v2Authorizer, v2LambdaAuthorizer } from '../../helpers/fixtures-access';
import { testRule } from '../../helpers/rule-tester';

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
      name: 'Lambda TOKEN authorizer with the default 5-minute cache',
      template: tokenMethod({ AuthorizerResultTtlInSeconds: 300 }),
      cdk: (stack) => cdkToken(stack),
    },
    {
      name: 'HTTP API Lambda authorizer without a TTL (AWS default 0 s)',
      template: { ...httpApi(), ...v2LambdaAuthorizer() },
    },
    {
      name: 'a JWT or Cognito authorizer has no cache of Lambda decisions to bound',
      template: { ...httpApi(), ...v2Authorizer(), ...jwtRoute },
      expect: 'skip',
    },
    {
      name: 'an API without authorizers has nothing to check',
      template: { ...restApi(), ...restMethod({ AuthorizationType: 'AWS_IAM' }) },
      expect: 'skip',
    },
  ],
  invalid: [
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
      name: 'fails as unknown when the cache TTL comes from a parameter without default',
      template: {
        Parameters: { Ttl: { Type: 'Number' } },
        Resources: tokenMethod({ AuthorizerResultTtlInSeconds: { Ref: 'Ttl' } }),
      },
      expect: 'unknown',
      message: /parameter Ttl/,
    },
  ],
});
