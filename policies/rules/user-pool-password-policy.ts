import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { PasswordPolicy } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

type CharacterClass = 'lowercase' | 'uppercase' | 'numbers' | 'symbols';

interface Options {
  /** Shortest password the pool may accept. */
  readonly minLength: number;
  /** Character classes every password must contain. */
  readonly requiredClasses: CharacterClass[];
  /** Previous passwords a user may not reuse (PasswordHistorySize; needs the Essentials or Plus plan). 0 = no check. */
  readonly minPasswordHistory: number;
}

const LOCATION = 'Properties.Policies.PasswordPolicy';
const CLASS_FIELDS: Record<CharacterClass, keyof PasswordPolicy> = {
  lowercase: 'requireLowercase',
  uppercase: 'requireUppercase',
  numbers: 'requireNumbers',
  symbols: 'requireSymbols',
};

function fieldName(key: keyof PasswordPolicy): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

export default defineRule<'userPool', Options>({
  id: 'user-pool-password-policy',
  title: 'User pools that API authorizers use have a strong password policy',
  rationale:
    'An API authorizer is only as strong as the sign-in behind the tokens it accepts. Short passwords or passwords of one ' +
    'character class fall to guessing and credential stuffing, and the tokens minted for the attacker pass the authorizer.',
  fix: {
    cdk:
      '`passwordPolicy: { minLength: 14, requireLowercase: true, requireUppercase: true, requireDigits: true, ' +
      'requireSymbols: true, passwordHistorySize: 5 }` on `cognito.UserPool` (ApiUserPool sets it).',
    cloudFormation:
      'AWS::Cognito::UserPool Policies.PasswordPolicy: MinimumLength, RequireLowercase, RequireUppercase, ' +
      'RequireNumbers, RequireSymbols and PasswordHistorySize as the standard requires.',
  },
  severity: 'error',
  owasp: ['API2:2023'],
  controls: { nist80053: ['IA-5(1)'], pciDss4: ['8.3.6', '8.3.7'] },
  references: { cdkNag: 'AwsSolutions-COG1' },
  appliesTo: { subject: 'userPool', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        minLength: { type: 'integer', minimum: 6, maximum: 99 },
        requiredClasses: {
          type: 'array',
          items: { enum: ['lowercase', 'uppercase', 'numbers', 'symbols'] },
          uniqueItems: true,
        },
        minPasswordHistory: { type: 'integer', minimum: 0, maximum: 24 },
      },
      additionalProperties: false,
    },
    defaults: {
      minLength: 8,
      requiredClasses: ['lowercase', 'uppercase', 'numbers', 'symbols'],
      minPasswordHistory: 0,
    },
  },
  check(pool, ctx) {
    const policy = pool.passwordPolicy;
    if (policy === undefined) {
      return ctx.fail(
        'User pool sets no password policy (Policies.PasswordPolicy): the standard requires one to be pinned.',
        { location: LOCATION },
      );
    }
    const known = ctx.need(policy, 'the password policy');
    const problems: string[] = [];
    const length = known.minimumLength;
    if (length !== undefined && isUnresolved(length)) return void ctx.need(length, 'MinimumLength');
    if (length === undefined) problems.push('no MinimumLength set');
    else if (length < ctx.options.minLength) problems.push(`minimum length ${length} < ${ctx.options.minLength}`);
    for (const cls of ctx.options.requiredClasses) {
      const value = known[CLASS_FIELDS[cls]];
      if (value !== undefined && isUnresolved(value)) return void ctx.need(value, CLASS_FIELDS[cls]);
      // Unset is not taken as required: the service default is not documented in CloudFormation.
      if (value === undefined) problems.push(`${cls} not pinned (${fieldName(CLASS_FIELDS[cls])} unset)`);
      else if (value !== true) problems.push(`${cls} not required`);
    }
    if (ctx.options.minPasswordHistory > 0) {
      const history = known.passwordHistorySize;
      if (history !== undefined && isUnresolved(history)) return void ctx.need(history, 'PasswordHistorySize');
      if ((history ?? 0) < ctx.options.minPasswordHistory)
        problems.push(`password history ${history ?? 0} < ${ctx.options.minPasswordHistory}`);
    }
    if (problems.length > 0) {
      ctx.fail(`User pool password policy is weaker than the standard: ${problems.join('; ')}.`, {
        location: LOCATION,
      });
    }
  },
});
