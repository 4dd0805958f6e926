import type { Source } from './source';
import type { Authorizer, UserPool } from './types';
import { isUnresolved, unresolved, type Value } from './value';

/** A user pool ARN (pieces may be shown references such as `${AWS::Region}`); the tail is the pool id. */
const POOL_ARN = /^arn:.*?:cognito-idp:.*:userpool\/([^/]+)$/;
/** The issuer of a Cognito user pool's tokens: https://cognito-idp.<region>.amazonaws.com/<pool id>. */
const POOL_ISSUER = /^https:\/\/cognito-idp\.[^/]+\/([^/]+)\/?$/;
/** `https://${Pool.ProviderURL}`: GetAtt ProviderURL is the issuer without its scheme. */
const PROVIDER_URL = /^https:\/\/(\$\{[^}.]+\.ProviderURL\})\/?$/;

/** The pool id and region of a literal user pool ARN or Cognito issuer URL (as the SDK returns them). */
export function poolOf(arnOrIssuer: string): { readonly id: string; readonly region: string } | undefined {
  const arn = /^arn:[^:]+:cognito-idp:([^:]+):[^:]*:userpool\/([^/]+)$/.exec(arnOrIssuer);
  if (arn) return { id: arn[2], region: arn[1] };
  const issuer = /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^/]+)\/?$/.exec(arnOrIssuer);
  return issuer ? { id: issuer[2], region: issuer[1] } : undefined;
}

/**
 * The user pools an authorizer names: REST COGNITO_USER_POOLS provider ARNs, or the pool of a JWT
 * authorizer whose issuer is a Cognito user pool. Each is a pool id, a reference (`${Pool}`) or Unresolved.
 */
export function poolIdsNamedBy(authorizer: Authorizer): Value<string>[] {
  if (authorizer.type === 'COGNITO_USER_POOLS') {
    const arns = authorizer.providerArns;
    if (isUnresolved(arns)) return [arns];
    return arns.map((arn) => POOL_ARN.exec(arn)?.[1] ?? arn);
  }
  if (authorizer.type !== 'JWT' || authorizer.jwtIssuer === undefined) return [];
  const issuer = authorizer.jwtIssuer;
  if (isUnresolved(issuer)) return [];
  const named = PROVIDER_URL.exec(issuer)?.[1] ?? POOL_ISSUER.exec(issuer)?.[1];
  return named !== undefined ? [named] : [];
}

/** A stand-in for a pool the source names but does not describe: every setting unknown, with the reason. */
export function externalUserPool(shown: string, because: string, source: Source): UserPool {
  const why = unresolved(because);
  return {
    id: `external:${shown}`,
    source,
    external: true,
    name: why,
    passwordPolicy: why,
    mfa: why,
    enabledMfas: why,
    featurePlan: why,
    threatProtection: why,
    usedBy: [],
  };
}
