import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { CorsPolicy } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Whether `Access-Control-Allow-Origin: *` (or an echoed request Origin) is acceptable without credentials. */
  readonly allowWildcard: boolean;
  /** When non-empty, every allowed origin must match one of these (`*` matches within one host label, e.g. https://*.example.com). */
  readonly allowedOrigins: string[];
  /** Origins that are never acceptable (`null` is sent by sandboxed iframes and local files). */
  readonly forbiddenOrigins: string[];
}

const WHERE: Record<CorsPolicy['from'], { label: string; location: string }> = {
  'v2-config': { label: 'CORS configuration', location: 'Properties.CorsConfiguration' },
  preflight: { label: 'CORS preflight (OPTIONS) response', location: 'Properties.Integration.IntegrationResponses' },
  'gateway-response': { label: 'gateway response', location: 'Properties.ResponseParameters' },
};

/** A header mapping that copies a request value (method.request.header.Origin, ...) echoes any origin. */
function isReflected(origin: string): boolean {
  return /^(method\.request|context|stageVariables)\./i.test(origin);
}

function globMatch(pattern: string, origin: string): boolean {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^./]*');
  return new RegExp(`^${body}$`, 'i').test(origin);
}

export default defineRule<'api', Options>({
  id: 'cors-origins',
  title: 'CORS allows only known origins, and never any origin with credentials',
  rationale:
    'CORS decides which web sites may read API responses from a browser. Allowing every origin together with credentials lets any ' +
    "web page act with the visitor's cookies or tokens; allowing every origin at all exposes internal data to any site.",
  fix: {
    cdk:
      "Give SecureRestApi / SecureHttpApi `cors: { allowOrigins: ['https://app.example.com'] }`; on plain APIs " +
      'use `defaultCorsPreflightOptions.allowOrigins` (REST) or `corsPreflight.allowOrigins` (HTTP API) and ' +
      'drop `allowCredentials` when origins are open.',
    cloudFormation:
      'CorsConfiguration.AllowOrigins, or the Access-Control-Allow-Origin value of the OPTIONS integration ' +
      'response and gateway responses.',
    sam:
      '`Cors.AllowOrigin: "\'https://app.example.com\'"` (AWS::Serverless::Api) or ' +
      '`CorsConfiguration.AllowOrigins` (AWS::Serverless::HttpApi), without `AllowCredentials` when origins ' +
      'are open.',
  },
  severity: 'error',
  owasp: ['API8:2023'],
  controls: { nist80053: ['AC-4', 'SC-7'], pciDss4: ['6.2.4'] },
  references: {},
  appliesTo: { subject: 'api', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowWildcard: { type: 'boolean' },
        allowedOrigins: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        forbiddenOrigins: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaults: { allowWildcard: true, allowedOrigins: [], forbiddenOrigins: ['null'] },
  },
  check(api, ctx) {
    if (api.cors.length === 0) return ctx.skip();
    const { allowWildcard, allowedOrigins, forbiddenOrigins } = ctx.options;
    for (const cors of api.cors) {
      const where = WHERE[cors.from];
      const opts = { source: cors.source, location: where.location };
      if (isUnresolved(cors.allowOrigins)) {
        ctx.unknown(`The allowed origins of the ${where.label} are unresolved (${cors.allowOrigins.because}).`, opts);
        continue;
      }
      const origins = cors.allowOrigins;
      const reflected = origins.filter(isReflected);
      const wildcard = origins.includes('*') || reflected.length > 0;
      const how = origins.includes('*')
        ? 'allows every origin (*)'
        : `echoes the request's origin (${reflected.join(', ')})`;
      if (wildcard) {
        const credentials = cors.allowCredentials;
        if (credentials !== undefined && isUnresolved(credentials)) {
          ctx.unknown(
            `The ${where.label} ${how} and whether it allows credentials is unresolved (${credentials.because}).`,
            opts,
          );
        } else if (credentials === true) {
          ctx.fail(
            `The ${where.label} ${how} and allows credentials: any web site can make authenticated calls.`,
            opts,
          );
        } else if (!allowWildcard) {
          ctx.fail(
            `The ${where.label} ${how}; the standard requires named origins for this API's tier (${ctx.tier}).`,
            opts,
          );
        }
      }
      const named = origins.filter((o) => o !== '*' && !isReflected(o));
      const forbidden = named.filter((o) => forbiddenOrigins.some((f) => f.toLowerCase() === o.toLowerCase()));
      if (forbidden.length)
        ctx.fail(
          `The ${where.label} allows forbidden origin${forbidden.length > 1 ? 's' : ''} ${forbidden.join(', ')}.`,
          opts,
        );
      if (allowedOrigins.length) {
        const outside = named.filter(
          (o) => !forbidden.includes(o) && !allowedOrigins.some((pattern) => globMatch(pattern, o)),
        );
        if (outside.length) {
          ctx.fail(
            `The ${where.label} allows ${outside.join(', ')}, outside the standard's origins (${allowedOrigins.join(', ')}).`,
            opts,
          );
        }
      }
    }
  },
});
