import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import rule from '../../../policies/rules/operation-scopes';
import { restApi, restMethod } from '../../helpers/fixtures';
import { cognitoAuthorizer, tags, v2Authorizer } from '../../helpers/fixtures-access';
import { httpApiRoute, restApiWithPool, userPool } from '../../helpers/fixtures-r19-auth';
import { testRule } from '../../helpers/rule-tester';

const CONFIDENTIAL = { 'data-classification': 'confidential' };
const requireScopes = { confidential: { rules: { 'operation-scopes': { options: { requireScopes: true } } } } };
const jwtRoute = (route: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...httpApiRoute(
    { AuthorizationType: 'JWT', AuthorizerId: { Ref: 'V2Authorizer' }, ...route },
    { Tags: CONFIDENTIAL },
  ),
  ...v2Authorizer(),
});

function cdkJwt(stack: Stack, scopes?: string[]): void {
  const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
  api.addRoutes({
    path: '/orders',
    methods: [apigwv2.HttpMethod.GET],
    integration: new HttpUrlIntegration('Orders', 'https://orders.example.com'),
    authorizer: new HttpJwtAuthorizer('Jwt', 'https://idp.example.com', { jwtAudience: ['client-id'] }),
    authorizationScopes: scopes,
  });
  (api.node.defaultChild as apigwv2.CfnApi).tags.setTag('data-classification', 'confidential');
}

function cdkCognito(stack: Stack, scopes?: string[]): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  const authorizer = new apigw.CognitoUserPoolsAuthorizer(stack, 'Authorizer', {
    cognitoUserPools: [new cognito.UserPool(stack, 'Pool')],
  });
  api.root.addMethod('GET', new apigw.HttpIntegration('https://orders.example.com'), {
    authorizer,
    authorizationScopes: scopes,
  });
}

const cognitoMethod = (method: Record<string, unknown>): Record<string, unknown> => {
  const resources = { ...userPool(), ...restApiWithPool() };
  const base = resources.Method as { Type: string; Properties: Record<string, unknown> };
  return { ...resources, Method: { ...base, Properties: { ...base.Properties, ...method } } };
};

testRule(rule, {
  valid: [
    {
      name: 'a JWT route with scopes in a tier that requires them',
      template: jwtRoute({ AuthorizationScopes: ['orders/read'] }),
      cdk: (stack) => cdkJwt(stack, ['orders/read']),
      tiers: requireScopes,
    },
    {
      name: 'a JWT route without scopes where the tier does not require them',
      template: jwtRoute(),
      cdk: (stack) => cdkJwt(stack),
      expect: 'skip',
    },
    {
      name: 'a Cognito method with scopes (access tokens only)',
      template: cognitoMethod({}),
      cdk: (stack) => cdkCognito(stack, ['orders/read']),
    },
    {
      name: 'a Cognito MOCK method reaches no backend',
      template: {
        ...restApi(),
        ...cognitoAuthorizer(),
        ...restMethod({ AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: 'Authorizer' } }),
      },
      expect: 'exempt',
      message: /MOCK/,
    },
    {
      name: 'a Cognito method without scopes where the standard lets the public tier accept ID tokens',
      template: cognitoMethod({ AuthorizationScopes: [] }),
      options: { requireCognitoScopes: false },
      expect: 'skip',
    },
    {
      name: 'an IAM-authorized method has no OAuth scopes to require',
      template: { ...restApi(), ...restMethod({ AuthorizationType: 'AWS_IAM' }) },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a JWT route without scopes in a tier that requires them',
      template: jwtRoute(),
      cdk: (stack) => cdkJwt(stack),
      tiers: requireScopes,
      message: /GET \/orders uses a JWT authorizer without OAuth scopes, which tier confidential requires/,
    },
    {
      name: 'fails a Cognito method without scopes (ID tokens accepted; the CDK default)',
      template: cognitoMethod({ AuthorizationScopes: [] }),
      cdk: (stack) => cdkCognito(stack),
      message: /Cognito authorizer without OAuth scopes: it accepts ID tokens/,
    },
    {
      name: 'fails a Cognito method without scopes in a confidential API even where ID tokens are tolerated',
      template: {
        ...cognitoMethod({ AuthorizationScopes: [] }),
        Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'Api', Tags: tags(CONFIDENTIAL) } },
      },
      options: { requireCognitoScopes: false },
      tiers: requireScopes,
    },
    {
      name: 'fails as unknown when the route scopes come from a parameter without default',
      template: {
        Parameters: { Scopes: { Type: 'CommaDelimitedList' } },
        Resources: jwtRoute({ AuthorizationScopes: { Ref: 'Scopes' } }),
      },
      tiers: requireScopes,
      expect: 'unknown',
      message: /parameter Scopes/,
    },
  ],
});
