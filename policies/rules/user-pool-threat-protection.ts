import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';

type Mode = 'OFF' | 'AUDIT' | 'ENFORCED';

interface Options {
  /** Weakest threat protection mode (UserPoolAddOns.AdvancedSecurityMode) the tier accepts; OFF = no check. */
  readonly minimumMode: Mode;
}

const RANK: Record<Mode, number> = { OFF: 0, AUDIT: 1, ENFORCED: 2 };

export default defineRule<'userPool', Options>({
  id: 'user-pool-threat-protection',
  title: 'User pools that API authorizers use have threat protection on the Plus plan',
  rationale:
    'Threat protection (formerly advanced security) detects compromised credentials and risky sign-ins and, when ' +
    'ENFORCED, blocks them or asks for MFA before Cognito issues the tokens an API authorizer accepts. It needs the Plus ' +
    'feature plan; AUDIT only logs.',
  fix: {
    cdk:
      '`featurePlan: cognito.FeaturePlan.PLUS, standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION` ' +
      'on `cognito.UserPool` (ApiUserPool sets both).',
    cloudFormation: 'AWS::Cognito::UserPool `UserPoolTier: PLUS` and `UserPoolAddOns.AdvancedSecurityMode: ENFORCED`.',
  },
  severity: 'error',
  owasp: ['API2:2023'],
  controls: { nist80053: ['SI-4', 'AC-7'], pciDss4: ['8.3.4'] },
  references: { securityHub: 'Cognito.1', cdkNag: 'AwsSolutions-COG8' },
  appliesTo: { subject: 'userPool', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: { minimumMode: { enum: ['OFF', 'AUDIT', 'ENFORCED'] } },
      additionalProperties: false,
    },
    defaults: { minimumMode: 'ENFORCED' },
  },
  check(pool, ctx) {
    const minimum = ctx.options.minimumMode;
    if (minimum === 'OFF') return ctx.skip();
    const plan = pool.featurePlan === undefined ? undefined : ctx.need(pool.featurePlan, 'UserPoolTier').toUpperCase();
    if (plan !== 'PLUS') {
      const shown = plan ?? 'not set (ESSENTIALS for pools created since November 2024)';
      return ctx.fail(`User pool feature plan is ${shown}: threat protection needs the Plus plan.`, {
        location: 'Properties.UserPoolTier',
      });
    }
    const raw = pool.threatProtection === undefined ? 'OFF' : ctx.need(pool.threatProtection, 'AdvancedSecurityMode');
    const mode = raw.toUpperCase() as Mode;
    if ((RANK[mode] ?? 0) < RANK[minimum]) {
      ctx.fail(`User pool threat protection is ${mode}; the standard requires ${minimum}.`, {
        location: 'Properties.UserPoolAddOns.AdvancedSecurityMode',
      });
    }
  },
});
