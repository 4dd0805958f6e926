import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** MfaConfiguration values the tier accepts: ON (required) and/or OPTIONAL. */
  readonly allowedModes: ('ON' | 'OPTIONAL')[];
  /** Whether SMS may be a second factor (SIM swap and SMS interception defeat it). */
  readonly allowSms: boolean;
}

export default defineRule<'userPool', Options>({
  id: 'user-pool-mfa',
  title: 'User pools that API authorizers use require multi-factor authentication',
  rationale:
    'With a password as the only factor, a phished or reused password yields tokens the API authorizer accepts. ' +
    'Required MFA (an authenticator app or email code rather than SMS in the strictest tiers) stops that.',
  fix: {
    cdk: '`mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { otp: true, sms: false }` on `cognito.UserPool` (ApiUserPool sets it).',
    cloudFormation:
      'AWS::Cognito::UserPool `MfaConfiguration: ON` (or OPTIONAL where the tier allows it) and `EnabledMfas: [SOFTWARE_TOKEN_MFA]`.',
  },
  severity: 'error',
  owasp: ['API2:2023'],
  controls: { nist80053: ['IA-2(1)', 'IA-2(2)'], pciDss4: ['8.4.2'] },
  references: { cdkNag: 'AwsSolutions-COG2', kics: 'Cognito UserPool Without MFA' },
  appliesTo: { subject: 'userPool', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowedModes: { type: 'array', items: { enum: ['ON', 'OPTIONAL'] }, minItems: 1, uniqueItems: true },
        allowSms: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { allowedModes: ['ON'], allowSms: true },
  },
  check(pool, ctx) {
    const mode = ctx.need(pool.mfa, 'MfaConfiguration').toUpperCase();
    const allowed = ctx.options.allowedModes;
    if (!allowed.some((m) => m === mode)) {
      const why =
        mode === 'OFF' ? 'MFA is off (the default when MfaConfiguration is unset)' : `MfaConfiguration is ${mode}`;
      return ctx.fail(`User pool: ${why}; the standard requires ${allowed.join(' or ')}.`, {
        location: 'Properties.MfaConfiguration',
      });
    }
    if (ctx.options.allowSms) return;
    const factors = pool.enabledMfas;
    if (factors !== undefined && isUnresolved(factors)) return void ctx.need(factors, 'EnabledMfas');
    if (factors === undefined || factors.length === 0) {
      return ctx.fail(
        'User pool names no second factors (EnabledMfas), so which ones apply is not pinned; the standard does not allow SMS.',
        { location: 'Properties.EnabledMfas' },
      );
    }
    if (factors.some((f) => f.toUpperCase() === 'SMS_MFA')) {
      ctx.fail('User pool allows SMS as a second factor, which the standard does not allow in this tier.', {
        location: 'Properties.EnabledMfas',
      });
    }
  },
});
