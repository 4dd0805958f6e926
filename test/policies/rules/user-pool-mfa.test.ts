import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ApiUserPool } from '../../../lib/constructs';
import rule from '../../../policies/rules/user-pool-mfa';
import { tags } from '../../helpers/fixtures-access';
import { cdkRestApiOnPool, restApiWithPool, userPool } from '../../helpers/fixtures-r19-auth';
import { testRule } from '../../helpers/rule-tester';

const INTERNAL = tags({ 'data-classification': 'internal' });
const RESTRICTED = tags({ 'data-classification': 'restricted' });
const tiers = {
  internal: { rules: { 'user-pool-mfa': { options: { allowedModes: ['ON', 'OPTIONAL'] } } } },
  restricted: { rules: { 'user-pool-mfa': { options: { allowSms: false } } } },
};
const pool = (props: Record<string, unknown>, apiTags = RESTRICTED): Record<string, unknown> => ({
  ...userPool(props),
  ...restApiWithPool(undefined, apiTags),
});

testRule(rule, {
  valid: [
    {
      name: 'required MFA with an authenticator app only (what ApiUserPool sets), in the restricted tier',
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
      tiers,
    },
    {
      name: 'optional MFA where the internal tier allows it',
      template: pool({ MfaConfiguration: 'OPTIONAL' }, INTERNAL),
      tiers,
    },
    {
      name: 'SMS as a second factor where the tier allows it',
      template: pool({ EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] }, INTERNAL),
      tiers,
    },
  ],
  invalid: [
    {
      name: 'fails a pool without MFA (the CloudFormation and CDK default)',
      template: pool({ MfaConfiguration: undefined }),
      cdk: (stack) => cdkRestApiOnPool(stack, new cognito.UserPool(stack, 'Pool')),
      message: /MFA is off/,
    },
    {
      name: 'fails optional MFA in a tier that requires it (users may skip it)',
      template: pool({ MfaConfiguration: 'OPTIONAL' }),
      cdk: (stack) =>
        cdkRestApiOnPool(
          stack,
          new cognito.UserPool(stack, 'Pool', {
            mfa: cognito.Mfa.OPTIONAL,
            mfaSecondFactor: { otp: true, sms: false },
          }),
        ),
      tiers,
      message: /MfaConfiguration is OPTIONAL; the standard requires ON/,
    },
    {
      name: 'fails SMS as a second factor in the restricted tier (SIM swap)',
      template: pool({ EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] }),
      cdk: (stack) =>
        cdkRestApiOnPool(
          stack,
          new cognito.UserPool(stack, 'Pool', { mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { otp: true, sms: true } }),
        ),
      tiers,
      message: /allows SMS/,
    },
    {
      name: 'fails required MFA whose factors are not pinned in the restricted tier',
      template: pool({ EnabledMfas: undefined }),
      tiers,
      message: /names no second factors/,
    },
    {
      name: 'fails as unknown when MfaConfiguration comes from a parameter without default',
      template: { Parameters: { Mfa: { Type: 'String' } }, Resources: pool({ MfaConfiguration: { Ref: 'Mfa' } }) },
      expect: 'unknown',
      message: /parameter Mfa/,
    },
  ],
});
