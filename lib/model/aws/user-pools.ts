import type { UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Api, UserPool } from '../types';
import { externalUserPool, poolIdsNamedBy } from '../user-pool-names';
import { isUnresolved, unresolved } from '../value';
import type { AwsSnapshot } from './snapshot';

/** A described pool → the model. EnabledMfas is not part of DescribeUserPool: unknown, with the reason. */
function mapUserPool(id: string, pool: UserPoolType): UserPool {
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
    enabledMfas: unresolved(
      `the second factors of user pool ${id} are read with GetUserPoolMfaConfig, which the audit does not call`,
    ),
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
 * The user pools the audited APIs' authorizers name, from DescribeUserPool. A pool the audit could not read
 * (another region, denied, deleted) is a stand-in whose settings are unknown, with the reason.
 */
export function auditUserPools(apis: readonly Api[], described?: AwsSnapshot['userPools']): UserPool[] {
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
              ? mapUserPool(shown, entry.value)
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
