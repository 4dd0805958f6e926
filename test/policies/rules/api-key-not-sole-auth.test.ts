import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/api-key-not-sole-auth';
import { httpApi, restApi, restMethod, v2Route, webSocketApi } from '../../helpers/fixtures';
import { tags, v2LambdaAuthorizer } from '../../helpers/fixtures-access';
import { describeCorpusAgreement } from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

function cdkApi(stack: Stack, options: apigw.MethodOptions): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration(), options);
}

const wsConnect = (props: Record<string, unknown>): Record<string, unknown> =>
  v2Route('$connect', props, 'Connect', 'WsApi');

testRule(rule, {
  valid: [
    {
      name: 'API key for metering next to IAM authorization',
      template: { ...restApi(), ...restMethod({ ApiKeyRequired: true, AuthorizationType: 'AWS_IAM' }) },
      cdk: (stack) => cdkApi(stack, { apiKeyRequired: true, authorizationType: apigw.AuthorizationType.IAM }),
    },
    {
      name: 'a WebSocket $connect route with an API key and a Lambda authorizer',
      template: {
        ...webSocketApi(),
        ...v2LambdaAuthorizer({ IdentitySource: ['route.request.header.Authorization'] }, 'V2Authorizer', 'WsApi'),
        ...wsConnect({ ApiKeyRequired: true, AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'V2Authorizer' } }),
      },
    },
    {
      name: 'a method without an API key is out of scope (rest-method-authorization judges NONE)',
      template: { ...restApi(), ...restMethod({ AuthorizationType: 'NONE' }) },
      cdk: (stack) => cdkApi(stack, {}),
      expect: 'skip',
    },
    {
      name: 'a WebSocket message route with an API key is exempt (only $connect can be authorized)',
      template: { ...webSocketApi(), ...v2Route('$default', { ApiKeyRequired: true }, 'Default', 'WsApi') },
      expect: 'exempt',
      message: /other than \$connect/,
    },
    { name: 'HTTP APIs have no API keys', template: { ...httpApi(), ...v2Route('GET /orders') }, expect: 'skip' },
    {
      name: 'a standard may switch the rule off for the public tier',
      template: {
        ...restApi({ Tags: tags({ 'data-classification': 'public' }) }),
        ...restMethod({ ApiKeyRequired: true }),
      },
      tiers: { public: { rules: { 'api-key-not-sole-auth': { enabled: false } } } },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a method protected by an API key alone (CKV_AWS_59 passes it)',
      template: { ...restApi(), ...restMethod({ ApiKeyRequired: true, AuthorizationType: 'NONE' }) },
      cdk: (stack) => cdkApi(stack, { apiKeyRequired: true }),
      message: /Method GET \/ requires an API key but no authorization/,
    },
    {
      name: 'fails ApiKeyRequired given as the string "true" with no AuthorizationType (KICS counts the key as protection)',
      template: { ...restApi(), ...restMethod({ ApiKeyRequired: 'true' }) },
      message: /only protection/,
    },
    {
      name: 'fails the same method for an internal API when only the public tier is exempt',
      template: {
        ...restApi({ Tags: tags({ 'data-classification': 'internal' }) }),
        ...restMethod({ ApiKeyRequired: true }),
      },
      tiers: { public: { rules: { 'api-key-not-sole-auth': { enabled: false } } } },
    },
    {
      name: 'fails a WebSocket $connect route with an API key and no authorizer',
      template: { ...webSocketApi(), ...wsConnect({ ApiKeyRequired: true, AuthorizationType: 'NONE' }) },
      message: /\$connect route requires an API key/,
    },
    {
      name: 'fails as unknown when ApiKeyRequired comes from a parameter without default',
      template: {
        Parameters: { KeyRequired: { Type: 'String' } },
        Resources: { ...restApi(), ...restMethod({ ApiKeyRequired: { Ref: 'KeyRequired' } }) },
      },
      expect: 'unknown',
      message: /parameter KeyRequired/,
    },
    {
      name: 'fails as unknown when a key is required and the authorization type is unresolved',
      template: {
        Parameters: { AuthType: { Type: 'String' } },
        Resources: { ...restApi(), ...restMethod({ ApiKeyRequired: true, AuthorizationType: { Ref: 'AuthType' } }) },
      },
      expect: 'unknown',
      message: /authorization type is unresolved/,
    },
  ],
});

describeCorpusAgreement(rule, [
  {
    file: 'checkov-CKV_AWS_59-APIGatewayAuthorization-pass.yaml',
    name: 'differs from CKV_AWS_59 on purpose: NONE + ApiKeyRequired is a key used as authorization',
    expect: { MyMethod1: 'none', MyMethod2: 'none', MyMethod3: 'fail' },
  },
  {
    file: 'kics-method-no-apikey-negative3.yaml',
    name: 'KICS counts the string "true" as an API key; so do we, and a key alone is not enough',
    expect: { MockMethod: 'fail' },
  },
  {
    file: 'kics-method-no-apikey-positive6.yaml',
    name: 'the string "false" means no API key: nothing to judge here',
    expect: { MockMethod: 'none' },
  },
]);
