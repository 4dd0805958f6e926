import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';

interface Options {
  /** The format must be a JSON object (one line per request, machine-queryable). @default true */
  readonly requireJson: boolean;
  /**
   * Context variables the format must contain. A string is one variable; a list means "any of these".
   * A trailing `*` matches a prefix (e.g. `$context.authorizer.claims.*`).
   */
  readonly requiredFields: (string | string[])[];
}

const CONTEXT_VARIABLE = /\$context\.[A-Za-z0-9_.]*[A-Za-z0-9_]/g;

/** JSON.parse after replacing `$context.x` / `$stageVariables.x` placeholders, which may stand unquoted for numbers. */
function isJsonObject(format: string): boolean {
  const probe = format.replace(/\$(context|stageVariables)\.[A-Za-z0-9_.]*[A-Za-z0-9_]/g, '0');
  try {
    const parsed: unknown = JSON.parse(probe);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

function present(wanted: string, variables: ReadonlySet<string>): boolean {
  if (!wanted.endsWith('*')) return variables.has(wanted);
  const prefix = wanted.slice(0, -1);
  for (const v of variables) if (v.startsWith(prefix)) return true;
  return false;
}

export default defineRule<'stage', Options>({
  id: 'access-log-format',
  title: 'Access logs are structured JSON with the fields an investigation needs',
  rationale:
    'An access log is only useful if it can be queried and answers who (principal, source IP), what (method, path), ' +
    'when, with which result (status) and how long it took, correlated by request id. Free-text or partial formats hide abuse.',
  fix: {
    cdk:
      'SecureRestApi, SecureHttpApi and SecureWebSocketApi write these JSON fields by default; on a plain ' +
      'stage set `accessLogFormat: AccessLogFormat.custom(JSON.stringify({ requestId: "$context.requestId", ' +
      'ip: "$context.identity.sourceIp", principal: "$context.authorizer.principalId", method: ' +
      '"$context.httpMethod", path: "$context.resourcePath", status: "$context.status", latency: ' +
      '"$context.responseLatency" }))`.',
    cloudFormation: 'the same JSON in `AccessLogSetting.Format` / `AccessLogSettings.Format`.',
    sam:
      'The same JSON in `AccessLogSetting.Format` (AWS::Serverless::Api) or `AccessLogSettings.Format` ' +
      '(AWS::Serverless::HttpApi).',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: { nist80053: ['AU-3', 'AU-3(1)'], pciDss4: ['10.2.2'] },
  references: { cdkNag: 'Serverless-APIGWStructuredLogging' },
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        requireJson: { type: 'boolean' },
        requiredFields: {
          type: 'array',
          items: {
            anyOf: [
              { type: 'string', pattern: '^\\$context\\.' },
              { type: 'array', items: { type: 'string', pattern: '^\\$context\\.' }, minItems: 1 },
            ],
          },
        },
      },
      additionalProperties: false,
    },
    defaults: {
      requireJson: true,
      requiredFields: [
        '$context.requestId',
        '$context.identity.sourceIp',
        [
          '$context.authorizer.principalId',
          '$context.identity.caller',
          '$context.identity.user',
          '$context.identity.userArn',
          '$context.identity.cognitoIdentityId',
          '$context.authorizer.claims.*',
          '$context.authorizer.jwt.claims.*',
          '$context.identity.apiKeyId',
        ],
        ['$context.httpMethod', '$context.routeKey'],
        ['$context.resourcePath', '$context.path', '$context.routeKey'],
        '$context.status',
        ['$context.responseLatency', '$context.integrationLatency', '$context.integration.latency'],
      ],
    },
  },
  check(stage, ctx) {
    // No access log or no format at all is stage-access-logging's finding, not ours.
    if (!stage.accessLog || stage.accessLog.format === undefined) return ctx.skip();
    const location =
      ctx.api?.kind !== 'rest'
        ? 'Properties.AccessLogSettings.Format'
        : stage.declaredBy === 'deployment'
          ? 'Properties.StageDescription.AccessLogSetting.Format'
          : 'Properties.AccessLogSetting.Format';
    const format = ctx.need(stage.accessLog.format, 'the access log format');
    const variables = new Set(format.match(CONTEXT_VARIABLE) ?? []);
    if (ctx.options.requireJson && !isJsonObject(format)) {
      ctx.fail('Access log format is not a JSON object (CLF, CSV or XML lines cannot be queried reliably).', {
        location,
      });
    }
    const missing = ctx.options.requiredFields
      .map((field) => (Array.isArray(field) ? field : [field]))
      .filter((anyOf) => !anyOf.some((wanted) => present(wanted, variables)))
      .map((anyOf) => (anyOf.length === 1 ? anyOf[0] : `one of ${anyOf.join(' / ')}`));
    if (missing.length) ctx.fail(`Access log format lacks ${missing.join('; ')}.`, { location });
  },
});
