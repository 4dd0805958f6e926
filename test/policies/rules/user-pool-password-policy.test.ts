import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ApiUserPool } from '../../../lib/constructs';
import rule from '../../../policies/rules/user-pool-password-policy';
import { httpApi, v2Route } from '../../helpers/fixtures';
import { tags, v2Authorizer } from '../../helpers/fixtures-access';
import {
  cdkRestApiOnPool,
  poolIssuer,
  restApiWithPool,
  STRONG_PASSWORD_POLICY,
  userPool,
} from '../../helpers/fixtures-r19-auth';
import { testRule } from '../../helpers/rule-tester';

const RESTRICTED = tags({ 'data-classification': 'restricted' });
const restrictedTier = {
  restricted: { rules: { 'user-pool-password-policy': { options: { minLength: 14, minPasswordHistory: 5 } } } },
};
const withPolicy = (policy: Record<string, unknown>, apiTags?: Record<string, unknown>[]): Record<string, unknown> => ({
  ...userPool({ Policies: { PasswordPolicy: policy } }),
  ...restApiWithPool(undefined, apiTags),
});

testRule(rule, {
  valid: [
    {
      name: 'the pool ApiUserPool makes (14 characters, every class, history 5), even in the restricted tier',
      template: withPolicy(STRONG_PASSWORD_POLICY, RESTRICTED),
      cdk: (stack) => {
        const pool = new ApiUserPool(stack, 'Users', {
          owner: 'team-orders',
          dataClassification: 'restricted',
          resourceServerIdentifier: 'orders',
          scopes: [{ name: 'read', description: 'Read orders' }],
        });
        cdkRestApiOnPool(stack, pool.userPool);
      },
      tiers: restrictedTier,
    },
    {
      name: 'an 8-character policy with every class meets the default (cdk-nag COG1 floor)',
      template: withPolicy({ ...STRONG_PASSWORD_POLICY, MinimumLength: 8, PasswordHistorySize: 0 }),
    },
    {
      name: 'a pool no API authorizer names is not checked (it serves no API)',
      template: { ...userPool({ Policies: {} }), ...httpApi() },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a pool without a password policy',
      template: { ...userPool({ Policies: {} }), ...restApiWithPool() },
      message: /sets no password policy/,
    },
    {
      name: 'fails a 6-character policy without symbols',
      template: withPolicy({ ...STRONG_PASSWORD_POLICY, MinimumLength: 6, RequireSymbols: false }),
      cdk: (stack) => {
        const pool = new cognito.UserPool(stack, 'Pool', {
          passwordPolicy: { minLength: 6, requireSymbols: false },
        });
        cdkRestApiOnPool(stack, pool);
      },
      message: /minimum length 6 < 8;.* symbols not required/,
    },
    {
      name: 'fails a 12-character policy without history in the restricted tier (14 and 5 required)',
      template: withPolicy({ ...STRONG_PASSWORD_POLICY, MinimumLength: 12, PasswordHistorySize: 0 }, RESTRICTED),
      tiers: restrictedTier,
      message: /minimum length 12 < 14; password history 0 < 5/,
    },
    {
      name: 'fails a weak pool named by an HTTP API JWT authorizer’s issuer',
      template: {
        ...userPool({ Policies: { PasswordPolicy: { MinimumLength: 8 } } }),
        ...httpApi(),
        ...v2Authorizer({ JwtConfiguration: { Audience: ['client-id'], Issuer: poolIssuer() } }),
        ...v2Route('GET /orders', { AuthorizationType: 'JWT', AuthorizerId: { Ref: 'V2Authorizer' } }),
      },
      cdk: (stack) => {
        const pool = new cognito.UserPool(stack, 'Pool', {
          passwordPolicy: { minLength: 8, requireDigits: false, requireSymbols: false, requireUppercase: false },
        });
        const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
        api.addRoutes({
          path: '/orders',
          methods: [apigwv2.HttpMethod.GET],
          integration: new HttpUrlIntegration('Orders', 'https://orders.example.com'),
          authorizer: new HttpUserPoolAuthorizer('Pool', pool, { userPoolClients: [pool.addClient('Client')] }),
        });
      },
      message: /lowercase not pinned \(RequireLowercase unset\); uppercase not/,
    },
    {
      name: 'fails as unknown when the authorizer names a pool outside the template',
      template: restApiWithPool(['arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_abc']),
      cdk: (stack) => cdkRestApiOnPool(stack, cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_abc')),
      expect: 'unknown',
      message: /eu-west-1_abc is not in the template/,
    },
    {
      name: 'fails as unknown when the minimum length comes from a parameter without default',
      template: {
        Parameters: { MinLength: { Type: 'Number' } },
        Resources: withPolicy({ ...STRONG_PASSWORD_POLICY, MinimumLength: { Ref: 'MinLength' } }),
      },
      expect: 'unknown',
      message: /parameter MinLength/,
    },
  ],
});
