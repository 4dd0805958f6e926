import { Duration, Token } from 'aws-cdk-lib';
import type { PasswordPolicy } from 'aws-cdk-lib/aws-cognito';
import { GuardrailsConstructError } from './errors';

/** A scope of the API's resource server, e.g. { name: 'read', description: 'Read orders' }. */
export interface ApiScope {
  readonly name: string;
  readonly description: string;
}

/** Password policy stronger than Cognito's default and than cdk-nag COG1's floor. */
export const DEFAULT_PASSWORD_POLICY: Required<
  Pick<
    PasswordPolicy,
    | 'minLength'
    | 'requireLowercase'
    | 'requireUppercase'
    | 'requireDigits'
    | 'requireSymbols'
    | 'tempPasswordValidity'
    | 'passwordHistorySize'
  >
> = {
  minLength: 14,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  tempPasswordValidity: Duration.days(3),
  passwordHistorySize: 5,
};

/** Access tokens of the machine client: short-lived. */
export const DEFAULT_ACCESS_TOKEN_VALIDITY = Duration.hours(1);
const MIN_PASSWORD_LENGTH = 12;

export interface ApiUserPoolSettings {
  readonly passwordPolicy: PasswordPolicy;
  readonly scopes: readonly ApiScope[];
  readonly machineClientScopes: readonly string[];
  readonly accessTokenValidity: Duration;
}

/** Merge user input with the defaults and validate (pure). */
export function resolveApiUserPoolSettings(input: {
  readonly passwordPolicy?: PasswordPolicy;
  readonly scopes: readonly ApiScope[];
  readonly machineClientScopes?: readonly string[];
  readonly accessTokenValidity?: Duration;
}): ApiUserPoolSettings {
  const passwordPolicy: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY, ...(input.passwordPolicy ?? {}) };
  const weak: string[] = [];
  const min = passwordPolicy.minLength ?? 0;
  if (!Token.isUnresolved(min) && min < MIN_PASSWORD_LENGTH) weak.push(`minLength ${min} < ${MIN_PASSWORD_LENGTH}`);
  for (const key of ['requireLowercase', 'requireUppercase', 'requireDigits', 'requireSymbols'] as const) {
    if (passwordPolicy[key] === false) weak.push(`${key}: false`);
  }
  if (weak.length > 0) {
    throw new GuardrailsConstructError(
      'E_PASSWORD_POLICY',
      'The password policy is weaker than the guardrails allow.',
      weak,
      `Use at least ${MIN_PASSWORD_LENGTH} characters with lower case, upper case, digits and symbols (omit passwordPolicy for the default).`,
    );
  }
  const names = input.scopes.map((s) => s.name);
  if (
    names.length === 0 ||
    names.some((n) => !/^[\x21\x23-\x2e\x30-\x5b\x5d-\x7e]+$/.test(n)) ||
    new Set(names).size !== names.length
  ) {
    throw new GuardrailsConstructError(
      'E_USER_POOL_SCOPES',
      'The resource server needs at least one scope; scope names must be unique and contain no spaces, quotes, slashes or backslashes.',
      names,
      "Pass scopes like [{ name: 'read', description: 'Read orders' }].",
    );
  }
  const machineClientScopes = input.machineClientScopes ?? names;
  const unknown = machineClientScopes.filter((s) => !names.includes(s));
  if (machineClientScopes.length === 0 || unknown.length > 0) {
    throw new GuardrailsConstructError(
      'E_USER_POOL_SCOPES',
      'machineClientScopes must be a non-empty subset of the resource server scopes.',
      machineClientScopes,
      `Choose from ${names.join(', ')}.`,
    );
  }
  const accessTokenValidity = input.accessTokenValidity ?? DEFAULT_ACCESS_TOKEN_VALIDITY;
  const minutes = accessTokenValidity.toMinutes();
  if (!Token.isUnresolved(minutes) && (minutes < 5 || minutes > 24 * 60)) {
    throw new GuardrailsConstructError(
      'E_USER_POOL_SCOPES',
      'Access tokens must live between 5 minutes and 1 day.',
      `${minutes} minutes`,
      'Set accessTokenValidity between Duration.minutes(5) and Duration.days(1) (default 1 hour).',
    );
  }
  return { passwordPolicy, scopes: input.scopes, machineClientScopes, accessTokenValidity };
}
