import type { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer, HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import rule from '../../../policies/rules/jwt-authorizer-claims';
import { httpApi, v2Route } from '../../helpers/fixtures';
import { v2Authorizer, v2LambdaAuthorizer } from '../../helpers/fixtures-access';
import { poolIssuer, userPool } from '../../helpers/fixtures-r19-auth';
import { testRule } from '../../helpers/rule-tester';

const jwtRoute = v2Route('GET /orders', { AuthorizationType: 'JWT', AuthorizerId: { Ref: 'V2Authorizer' } });
const jwt = (config: Record<string, unknown>): Record<string, unknown> => ({
  ...httpApi(),
  ...v2Authorizer({ JwtConfiguration: config }),
  ...jwtRoute,
});
const COGNITO_EU = 'https://cognito-idp.eu-west-1.amazonaws.com/*';

function cdkRoute(stack: Stack, authorizer: apigwv2.IHttpRouteAuthorizer): void {
  const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
  api.addRoutes({
    path: '/orders',
    methods: [apigwv2.HttpMethod.GET],
    integration: new HttpUrlIntegration('Orders', 'https://orders.example.com'),
    authorizer,
  });
}

function cdkUserPoolRoute(stack: Stack): void {
  const pool = new cognito.UserPool(stack, 'Pool');
  const client = pool.addClient('Client');
  cdkRoute(stack, new HttpUserPoolAuthorizer('Pool', pool, { userPoolClients: [client] }));
}

testRule(rule, {
  valid: [
    {
      name: 'audience and an https issuer, with no issuer allowlist in the standard',
      template: jwt({ Audience: ['client-id'], Issuer: 'https://idp.example.com' }),
      cdk: (stack) =>
        cdkRoute(stack, new HttpJwtAuthorizer('Jwt', 'https://idp.example.com', { jwtAudience: ['client-id'] })),
    },
    {
      name: 'a Cognito pool issuer in the same stack matches the allowlisted prefix of its region',
      template: {
        ...userPool(),
        ...jwt({ Audience: ['client-id'], Issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc' }),
      },
      cdk: cdkUserPoolRoute,
      options: { allowedIssuers: [COGNITO_EU] },
    },
    {
      name: 'an issuer listed exactly in the standard',
      template: jwt({ Audience: ['client-id'], Issuer: 'https://login.example.com/realms/staff' }),
      options: { allowedIssuers: ['https://login.example.com/realms/staff'] },
    },
    {
      name: 'a Lambda REQUEST authorizer has no JWT claims to pin',
      template: { ...httpApi(), ...v2LambdaAuthorizer() },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      // The L2 HttpJwtAuthorizer refuses an empty audience; the L1 writes what the template says.
      name: 'fails a JWT authorizer without audience (tokens for any client of the issuer pass)',
      template: jwt({ Issuer: 'https://idp.example.com' }),
      cdk: (stack) => {
        const api = new apigwv2.CfnApi(stack, 'HttpApi', { name: 'HttpApi', protocolType: 'HTTP' });
        new apigwv2.CfnAuthorizer(stack, 'V2Authorizer', {
          apiId: api.ref,
          name: 'V2Authorizer',
          authorizerType: 'JWT',
          identitySource: ['$request.header.Authorization'],
          jwtConfiguration: { issuer: 'https://idp.example.com' },
        });
      },
      message: /no audience/,
    },
    {
      name: 'fails a JWT authorizer without issuer',
      template: jwt({ Audience: ['client-id'] }),
      message: /no issuer/,
    },
    {
      name: 'fails an issuer reached over plain http',
      template: jwt({ Audience: ['client-id'], Issuer: 'http://idp.example.com' }),
      message: /not an https URL/,
    },
    {
      name: 'fails an issuer outside the organisation’s allowlist',
      template: jwt({ Audience: ['client-id'], Issuer: 'https://accounts.example.org' }),
      options: { allowedIssuers: [COGNITO_EU, 'https://login.example.com/realms/staff'] },
      message: /not one the standard allows/,
    },
    {
      name: 'fails a Cognito pool of another region than the allowlisted prefix',
      cdk: (stack) => {
        const pool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'us-east-1_xyz');
        cdkRoute(stack, new HttpUserPoolAuthorizer('Pool', pool, { userPoolRegion: 'us-east-1' }));
      },
      options: { allowedIssuers: [COGNITO_EU] },
      message: /us-east-1/,
    },
    {
      name: 'fails as unknown when the audience comes from a parameter without default',
      template: {
        Parameters: { ClientId: { Type: 'String' } },
        Resources: jwt({ Audience: [{ Ref: 'ClientId' }], Issuer: 'https://idp.example.com' }),
      },
      expect: 'unknown',
      message: /parameter ClientId/,
    },
    {
      name: 'fails as unknown when the issuer’s region is only known at deploy time and the allowlist names one region',
      template: { ...userPool(), ...jwt({ Audience: ['client-id'], Issuer: poolIssuer() }) },
      options: { allowedIssuers: [COGNITO_EU] },
      expect: 'unknown',
      message: /only known at deploy time/,
    },
  ],
});
