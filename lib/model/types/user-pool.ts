import type { Source } from '../source';
import type { Value } from '../value';

/** Where a user pool is used: an authorizer of an API names it (REST provider ARN or JWT issuer). */
export interface UserPoolUse {
  readonly apiId: string;
  readonly authorizerId: string;
}

/** Policies.PasswordPolicy of a user pool; an unset field is not set in the source. */
export interface PasswordPolicy {
  readonly minimumLength?: Value<number>;
  readonly requireLowercase?: Value<boolean>;
  readonly requireUppercase?: Value<boolean>;
  readonly requireNumbers?: Value<boolean>;
  readonly requireSymbols?: Value<boolean>;
  /** Previous passwords a user may not reuse (Essentials and Plus plans). */
  readonly passwordHistorySize?: Value<number>;
}

/**
 * An Amazon Cognito user pool that an API authorizer names. Only pools in use are modelled: a pool the
 * source names but does not declare (another stack, a literal id, the audit) is `external`, every field
 * Unresolved with the reason.
 */
export interface UserPool {
  /** Logical id (templates), or `external:<pool id or reason>`. */
  readonly id: string;
  readonly source: Source;
  readonly external: boolean;
  readonly name: Value<string | undefined>;
  /** Undefined = Policies.PasswordPolicy not set. */
  readonly passwordPolicy?: Value<PasswordPolicy>;
  /** MfaConfiguration: OFF (the default when unset), ON, OPTIONAL. */
  readonly mfa: Value<string>;
  /** EnabledMfas (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP); undefined = not set. */
  readonly enabledMfas?: Value<string[]>;
  /** UserPoolTier (feature plan): LITE, ESSENTIALS, PLUS; undefined = not set (ESSENTIALS for new pools). */
  readonly featurePlan?: Value<string>;
  /** UserPoolAddOns.AdvancedSecurityMode (threat protection): OFF, AUDIT, ENFORCED; undefined = not set (OFF). */
  readonly threatProtection?: Value<string>;
  /** The authorizers that name this pool. */
  readonly usedBy: UserPoolUse[];
}
