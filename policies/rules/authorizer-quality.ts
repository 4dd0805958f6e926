import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { RuleContext } from '../../lib/engine/rule';
import type { Api, Authorizer } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Longest time a Lambda authorizer's decision may be cached, in seconds. */
  readonly maxCacheTtlSeconds: number;
}

/** AWS defaults for AuthorizerResultTtlInSeconds when the source does not set it. */
const DEFAULT_TTL: Record<string, number> = { rest: 300, http: 0 };

export default defineRule<'authorizer', Options>({
  id: 'authorizer-quality',
  title: 'Lambda authorizers do not cache decisions for long',
  rationale:
    'A long Lambda authorizer cache keeps serving revoked permissions: a caller whose access was withdrawn keeps it until ' +
    'the cached decision expires. (Audience and issuer, scopes and identity sources have their own rules: ' +
    'jwt-authorizer-claims, operation-scopes, lambda-authorizer-identity-source.)',
  fix: {
    cdk:
      "The constructs' Lambda `authorization` factories cap the cache TTL within the tier; on plain APIs set " +
      '`resultsCacheTtl` on `TokenAuthorizer` / `RequestAuthorizer` (or of an HTTP Lambda authorizer) within the standard.',
    cloudFormation:
      'AuthorizerResultTtlInSeconds on AWS::ApiGateway::Authorizer or AWS::ApiGatewayV2::Authorizer within the standard.',
    sam: '`Identity.ReauthorizeEvery` of the Lambda authorizer in `Auth.Authorizers` of AWS::Serverless::Api or AWS::Serverless::HttpApi within the standard.',
  },
  severity: 'error',
  owasp: ['API2:2023', 'API5:2023'],
  controls: { nist80053: ['AC-3', 'AC-6', 'IA-2', 'IA-5'], pciDss4: ['7.2.2', '8.3.1'] },
  references: {},
  appliesTo: { subject: 'authorizer', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: { maxCacheTtlSeconds: { type: 'integer', minimum: 0, maximum: 3600 } },
      additionalProperties: false,
    },
    defaults: { maxCacheTtlSeconds: 300 },
  },
  check(authorizer, ctx) {
    const api = ctx.api;
    if (!api) return ctx.skip();
    const type = ctx.need(authorizer.type, 'the authorizer type').toUpperCase();
    if ((type !== 'TOKEN' && type !== 'REQUEST') || api.kind === 'websocket') return ctx.skip();
    checkCacheTtl(authorizer, api, ctx);
  },
});

function checkCacheTtl(authorizer: Authorizer, api: Api, ctx: RuleContext<Options>): void {
  const set = authorizer.resultTtlSeconds;
  if (set !== undefined && isUnresolved(set)) {
    return ctx.unknown(`The authorizer cache TTL is unresolved (${set.because}).`, {
      location: 'Properties.AuthorizerResultTtlInSeconds',
    });
  }
  const ttl = set ?? DEFAULT_TTL[api.kind] ?? 0;
  const max = ctx.options.maxCacheTtlSeconds;
  if (ttl > max) {
    const how = set === undefined ? ` (the AWS default when AuthorizerResultTtlInSeconds is unset)` : '';
    ctx.fail(`Lambda authorizer caches its decision for ${ttl} s${how}; the standard allows at most ${max} s.`, {
      location: 'Properties.AuthorizerResultTtlInSeconds',
    });
  }
}
