import type { Api, UserPool } from '../types';
import { externalUserPool, poolIdsNamedBy } from '../user-pool-names';
import { isUnresolved } from '../value';

/**
 * The user pools the audited APIs' authorizers name. The audit does not call Amazon Cognito, so each pool's
 * settings are unknown: the user-pool rules report `unknown` with the reason, never a guess.
 */
export function auditUserPools(apis: readonly Api[]): UserPool[] {
  const pools = new Map<string, UserPool>();
  for (const api of apis) {
    for (const authorizer of api.authorizers) {
      for (const named of poolIdsNamedBy(authorizer)) {
        const shown = isUnresolved(named) ? named.because : named;
        let pool = pools.get(shown);
        if (!pool) {
          pool = externalUserPool(
            shown,
            `the audit does not read Amazon Cognito user pools (cognito-idp:DescribeUserPool), so the settings of ${shown} are unknown`,
            { arn: shown, resourceType: 'AWS::Cognito::UserPool' },
          );
          pools.set(shown, pool);
        }
        pool.usedBy.push({ apiId: api.id, authorizerId: authorizer.id });
      }
    }
  }
  return [...pools.values()];
}
