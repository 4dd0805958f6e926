import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import { isUnresolved } from '../../lib/model/value';

/** ARNs of Secrets Manager secrets, SSM parameters and KMS keys: references to a secret, not secrets. */
const SECRET_STORE_REFERENCE = /^arn:aws[a-z-]*:(secretsmanager|ssm|kms):[a-z0-9-]*:\d{12}:/;

interface Options {
  /** Regular expressions (case-insensitive) for variable names that suggest a secret. */
  readonly namePatterns: string[];
  /** Regular expressions for values that look like credentials (matched, never printed). */
  readonly valuePatterns: string[];
  /** Variable names that match a name pattern but are known not to hold secrets (exact, case-insensitive). */
  readonly allowedNames: string[];
}

export default defineRule<'stage', Options>({
  id: 'stage-variable-secrets',
  title: 'Stage variables hold no secrets',
  rationale:
    'Stage variables are plain configuration: anyone who can read the stage (apigateway:GET), the template or the CloudFormation ' +
    'console sees them, and they end up in mapping templates and logs. Secrets belong in Secrets Manager or SSM SecureString, read by the backend.',
  fix: {
    cdk:
      'Remove the secret from `variables`, rotate it, and have the integration read it from Secrets Manager ' +
      'or SSM Parameter Store at run time (a dynamic reference in a stage variable resolves to plain text, ' +
      'so it does not help).',
    cloudFormation:
      'Remove the secret from the stage `Variables` (v2: `StageVariables`), rotate it, and read it at run ' +
      'time from Secrets Manager or SSM Parameter Store.',
    sam:
      'Remove the secret from `Variables` (AWS::Serverless::Api) or `StageVariables` ' +
      '(AWS::Serverless::HttpApi), rotate it and read it at run time.',
  },
  severity: 'error',
  owasp: ['API8:2023'],
  controls: { nist80053: ['IA-5(7)'], pciDss4: ['8.6.2'] },
  references: { prowler: 'apigateway_restapi_no_secrets_in_stage_variables' },
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        namePatterns: { type: 'array', items: { type: 'string', minLength: 1 } },
        valuePatterns: { type: 'array', items: { type: 'string', minLength: 1 } },
        allowedNames: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      additionalProperties: false,
    },
    defaults: {
      namePatterns: [
        'passw(or)?d',
        '(^|[^a-z])pwd([^a-z]|$)',
        'secret',
        'token',
        'api[-_]?key',
        'private[-_]?key',
        'credential',
        'access[-_]?key',
        'auth[-_]?key',
        'signing[-_]?key',
      ],
      valuePatterns: [
        '\\{\\{resolve:(secretsmanager|ssm-secure):',
        '\\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b',
        '-----BEGIN [A-Z ]*PRIVATE KEY-----',
        '\\bgh[pousr]_[A-Za-z0-9]{36,}\\b',
        '\\bxox[abprs]-[A-Za-z0-9-]{10,}',
        '\\b(sk|rk)_live_[A-Za-z0-9]{16,}',
        '\\bAIza[0-9A-Za-z_-]{35}\\b',
        '\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.',
        '^[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@',
      ],
      allowedNames: [],
    },
  },
  check(stage, ctx) {
    const entries = Object.entries(stage.variables);
    if (entries.length === 0) return ctx.skip();
    const names = compile(ctx.options.namePatterns, 'i');
    const values = compile(ctx.options.valuePatterns, '');
    const allowed = new Set(ctx.options.allowedNames.map((n) => n.toLowerCase()));
    const byName: string[] = [];
    const byValue: string[] = [];
    const unknownValues: string[] = [];
    for (const [name, value] of entries) {
      // SECRET_ARN pointing at a secret store is the recommended pattern, not a leak.
      const reference = /arn$/i.test(name) || (typeof value === 'string' && SECRET_STORE_REFERENCE.test(value));
      if (!allowed.has(name.toLowerCase()) && !reference && names.some((re) => re.test(name))) byName.push(name);
      else if (isUnresolved(value) && value.reference !== undefined && values.some((re) => re.test(value.reference!)))
        byValue.push(name);
      else if (isUnresolved(value)) unknownValues.push(`${name} (${value.because})`);
      else if (values.some((re) => re.test(value))) byValue.push(name);
    }
    const location =
      stage.declaredBy === 'deployment' ? 'Properties.StageDescription.Variables' : 'Properties.Variables';
    if (byName.length)
      ctx.fail(
        `Stage variable${plural(byName)} ${byName.join(', ')} ${byName.length > 1 ? 'are' : 'is'} named like a secret.`,
        { location },
      );
    if (byValue.length) {
      ctx.fail(
        `Stage variable${plural(byValue)} ${byValue.join(', ')} ${byValue.length > 1 ? 'hold values' : 'holds a value'} that look${byValue.length > 1 ? '' : 's'} like a credential (value not shown).`,
        {
          location,
        },
      );
    }
    if (unknownValues.length)
      ctx.unknown(`Cannot check the value of stage variable${plural(unknownValues)} ${unknownValues.join(', ')}.`, {
        location,
      });
  },
});

function compile(patterns: string[], flags: string): RegExp[] {
  return patterns.map((p) => {
    try {
      return new RegExp(p, flags);
    } catch (error) {
      throw new Error(
        `E_RULE_OPTION: stage-variable-secrets pattern ${JSON.stringify(p)} is not a valid regular expression (${(error as Error).message}); fix the pattern in the standard.`,
      );
    }
  });
}

function plural(list: readonly unknown[]): string {
  return list.length > 1 ? 's' : '';
}
