import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ApiUserPool } from '../../../lib/constructs';
import rule from '../../../policies/rules/user-pool-threat-protection';
import { tags } from '../../helpers/fixtures-access';
import { cdkRestApiOnPool, restApiWithPool, userPool } from '../../helpers/fixtures-r19-auth';
import { testRule } from '../../helpers/rule-tester';

const PUBLIC = tags({ 'data-classification': 'public' });
const INTERNAL = tags({ 'data-classification': 'internal' });
const tiers = {
  public: { rules: { 'user-pool-threat-protection': { options: { minimumMode: 'OFF' } } } },
  internal: { rules: { 'user-pool-threat-protection': { options: { minimumMode: 'AUDIT' } } } },
};
const pool = (props: Record<string, unknown>, apiTags?: Record<string, unknown>[]): Record<string, unknown> => ({
  ...userPool(props),
  ...restApiWithPool(undefined, apiTags),
});

testRule(rule, {
  valid: [
    {
      name: 'Plus plan with threat protection enforced (what ApiUserPool sets)',
      template: pool({}),
      cdk: (stack) => {
        const users = new ApiUserPool(stack, 'Users', {
          owner: 'team-orders',
          dataClassification: 'restricted',
          resourceServerIdentifier: 'orders',
          scopes: [{ name: 'read', description: 'Read orders' }],
        });
        cdkRestApiOnPool(stack, users.userPool);
      },
    },
    {
      name: 'audit-only threat protection where the internal tier accepts it',
      template: pool({ UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } }, INTERNAL),
      tiers,
    },
    {
      name: 'no threat protection where the public tier does not ask for it',
      template: pool({ UserPoolTier: 'ESSENTIALS', UserPoolAddOns: undefined }, PUBLIC),
      tiers,
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a pool on the default plan (no threat protection; cdk-nag COG8)',
      template: pool({ UserPoolTier: undefined, UserPoolAddOns: undefined }),
      cdk: (stack) => cdkRestApiOnPool(stack, new cognito.UserPool(stack, 'Pool')),
      message: /feature plan is not set/,
    },
    {
      name: 'fails the Essentials plan',
      template: pool({ UserPoolTier: 'ESSENTIALS' }),
      message: /ESSENTIALS: threat protection needs the Plus plan/,
    },
    {
      name: 'fails Plus with threat protection only auditing where the tier requires ENFORCED',
      template: pool({ UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' } }),
      cdk: (stack) =>
        cdkRestApiOnPool(
          stack,
          new cognito.UserPool(stack, 'Pool', {
            featurePlan: cognito.FeaturePlan.PLUS,
            standardThreatProtectionMode: cognito.StandardThreatProtectionMode.AUDIT_ONLY,
          }),
        ),
      message: /threat protection is AUDIT; the standard requires ENFORCED/,
    },
    {
      name: 'fails Plus without threat protection switched on',
      template: pool({ UserPoolAddOns: undefined }),
      message: /threat protection is OFF/,
    },
    {
      name: 'fails as unknown when the plan comes from a parameter without default',
      template: { Parameters: { Plan: { Type: 'String' } }, Resources: pool({ UserPoolTier: { Ref: 'Plan' } }) },
      expect: 'unknown',
      message: /parameter Plan/,
    },
  ],
});
