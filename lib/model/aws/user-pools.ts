import type { GetUserPoolMfaConfigResponse, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Api, UserPool } from '../types';
import { externalUserPool, poolIdsNamedBy } from '../user-pool-names';
import { isUnresolved, unresolved, type Value } from '../value';
import type { AwsSnapshot, Fetched } from './snapshot';

/**
 * The second factors GetUserPoolMfaConfig reports, named as EnabledMfas names them. SMS and email are on when
 * their configuration is present (SetUserPoolMfaConfig turns them on by passing it); TOTP has an Enabled flag.
 */
function enabledFactors(id: string, mfa: Fetched<GetUserPoolMfaConfigResponse> | undefined): Value<string[]> {
  if (!mfa) return unresolved(`the second factors of user pool ${id} were not read (GetUserPoolMfaConfig)`);
  if (!mfa.ok) return unresolved(mfa.because);
  const config = mfa.value;
  return [
    ...(config.SmsMfaConfiguration ? ['SMS_MFA'] : []),
    ...(config.SoftwareTokenMfaConfiguration?.Enabled === true ? ['SOFTWARE_TOKEN_MFA'] : []),
    ...(config.EmailMfaConfiguration ? ['EMAIL_OTP'] : []),
  ];
}

/** A described pool → the model; its second factors from GetUserPoolMfaConfig (read when MFA is ON or OPTIONAL). */
function mapUserPool(id: string, pool: UserPoolType, mfa?: Fetched<GetUserPoolMfaConfigResponse>): UserPool {
  const policy = pool.Policies?.PasswordPolicy;
  return {
    id,
    source: { arn: pool.Arn ?? id, resourceType: 'AWS::Cognito::UserPool' },
    external: false,
    name: pool.Name,
    ...(policy
      ? {
          passwordPolicy: {
            minimumLength: policy.MinimumLength,
            requireLowercase: policy.RequireLowercase,
            requireUppercase: policy.RequireUppercase,
            requireNumbers: policy.RequireNumbers,
            requireSymbols: policy.RequireSymbols,
            passwordHistorySize: policy.PasswordHistorySize,
          },
        }
      : {}),
    mfa: pool.MfaConfiguration ?? 'OFF',
    enabledMfas: enabledFactors(id, mfa),
    ...(pool.UserPoolTier !== undefined ? { featurePlan: pool.UserPoolTier } : {}),
    ...(pool.UserPoolAddOns?.AdvancedSecurityMode !== undefined
      ? { threatProtection: pool.UserPoolAddOns.AdvancedSecurityMode }
      : {}),
    usedBy: [],
  };
}

/** Why a named pool has no description: not read (another region), not found, or the call failed. */
function whyUnknown(shown: string, described: AwsSnapshot['userPools']): string {
  const entry = described?.[shown];
  if (!entry)
    return `user pool ${shown} was not read (only pools of the audited region are), so its settings are unknown`;
  if (!entry.ok) return entry.because;
  return `user pool ${shown} does not exist (DescribeUserPool found no such pool)`;
}

/**
 * The user pools the audited APIs' authorizers name, from DescribeUserPool and GetUserPoolMfaConfig. A pool the audit could not read
 * (another region, denied, deleted) is a stand-in whose settings are unknown, with the reason.
 */
export function auditUserPools(
  apis: readonly Api[],
  described?: AwsSnapshot['userPools'],
  mfaConfigs?: AwsSnapshot['userPoolMfa'],
): UserPool[] {
  const pools = new Map<string, UserPool>();
  for (const api of apis) {
    for (const authorizer of api.authorizers) {
      for (const named of poolIdsNamedBy(authorizer)) {
        const shown = isUnresolved(named) ? named.because : named;
        let pool = pools.get(shown);
        if (!pool) {
          const entry = described?.[shown];
          pool =
            entry?.ok && entry.value
              ? mapUserPool(shown, entry.value, mfaConfigs?.[shown])
              : externalUserPool(shown, whyUnknown(shown, described), {
                  arn: shown,
                  resourceType: 'AWS::Cognito::UserPool',
                });
          pools.set(shown, pool);
        }
        pool.usedBy.push({ apiId: api.id, authorizerId: authorizer.id });
      }
    }
  }
  return [...pools.values()];
}
