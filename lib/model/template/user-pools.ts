import type { Api, PasswordPolicy, UserPool } from '../types';
import { externalUserPool, poolIdsNamedBy } from '../user-pool-names';
import { isUnresolved, type Value } from '../value';
import type { BuildContext, Mutable } from './context';
import { field, objectOrUnresolved } from './convert';

/** `${Pool}` or `${Pool.Arn}` as the converter shows a reference: the label of the resource. */
const REFERENCE = /^\$\{([^}.]+)(\.[A-Za-z]+)?\}$/;

function passwordPolicy(ctx: BuildContext, policies: unknown): Value<PasswordPolicy> | undefined {
  const policy = objectOrUnresolved(field(policies, 'PasswordPolicy', 'Policies'), 'PasswordPolicy');
  if (policy === undefined || isUnresolved(policy)) return policy;
  return {
    minimumLength: ctx.v.num(policy.MinimumLength, 'MinimumLength'),
    requireLowercase: ctx.v.bool(policy.RequireLowercase, 'RequireLowercase'),
    requireUppercase: ctx.v.bool(policy.RequireUppercase, 'RequireUppercase'),
    requireNumbers: ctx.v.bool(policy.RequireNumbers, 'RequireNumbers'),
    requireSymbols: ctx.v.bool(policy.RequireSymbols, 'RequireSymbols'),
    passwordHistorySize: ctx.v.num(policy.PasswordHistorySize, 'PasswordHistorySize'),
  };
}

/** The user pools declared in the inputs, by inventory label. */
function declaredPools(ctx: BuildContext): Map<string, Mutable<UserPool>> {
  const pools = new Map<string, Mutable<UserPool>>();
  for (const resource of ctx.ofType('AWS::Cognito::UserPool')) {
    const props = ctx.props(resource);
    const conditional = ctx.conditional(resource, 'user pool');
    const id = ctx.label(resource.key);
    pools.set(id, {
      id,
      source: ctx.source(resource),
      external: false,
      name: ctx.v.str(props.UserPoolName, 'UserPoolName'),
      passwordPolicy: conditional ?? passwordPolicy(ctx, props.Policies),
      mfa: conditional ?? ctx.v.str(props.MfaConfiguration, 'MfaConfiguration') ?? 'OFF',
      enabledMfas: conditional ?? ctx.v.strList(props.EnabledMfas, 'EnabledMfas'),
      featurePlan: conditional ?? ctx.v.str(props.UserPoolTier, 'UserPoolTier'),
      threatProtection:
        conditional ??
        ctx.v.str(field(props.UserPoolAddOns, 'AdvancedSecurityMode', 'UserPoolAddOns'), 'AdvancedSecurityMode'),
      usedBy: [],
    });
  }
  return pools;
}

/** A stand-in for a pool the inputs name but do not declare: every setting unknown, with the reason. */
function externalPool(shown: string, because: string, api: Api): Mutable<UserPool> {
  return externalUserPool(shown, because, {
    ...(api.source.templatePath !== undefined ? { templatePath: api.source.templatePath } : {}),
    ...(api.source.stackName !== undefined ? { stackName: api.source.stackName } : {}),
    arn: shown,
  });
}

/**
 * Cognito user pools that API authorizers name → Inventory.userPools. A pool declared in the inputs is read
 * from its AWS::Cognito::UserPool; one named by literal id or ARN, another stack's export or a parameter is
 * an external stand-in whose settings are unknown. Pools no authorizer names are not modelled.
 */
export function mapUserPools(ctx: BuildContext): UserPool[] {
  const declared = declaredPools(ctx);
  const used = new Map<string, Mutable<UserPool>>();
  for (const api of ctx.apis.values()) {
    for (const authorizer of api.authorizers) {
      for (const named of poolIdsNamedBy(authorizer)) {
        let pool: Mutable<UserPool> | undefined;
        if (isUnresolved(named)) {
          pool = used.get(`external:${named.because}`) ?? externalPool(named.because, named.because, api);
        } else {
          const label = REFERENCE.exec(named)?.[1];
          pool = label !== undefined ? declared.get(label) : undefined;
          pool ??=
            used.get(`external:${named}`) ??
            externalPool(named, `user pool ${named} is not in the template, so its settings are unknown`, api);
        }
        used.set(pool.id, pool);
        if (!pool.usedBy.some((u) => u.apiId === api.id && u.authorizerId === authorizer.id))
          pool.usedBy.push({ apiId: api.id, authorizerId: authorizer.id });
      }
    }
  }
  return [...used.values()];
}
