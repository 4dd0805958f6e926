import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { RuleContext } from '../../lib/engine/rule';
import type { Api, Authorizer } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

type Options = Record<string, never>;

const LOCATION = 'Properties.IdentitySource';
/** AuthorizerResultTtlInSeconds when unset: 300 s for REST, caching off for HTTP APIs; WebSocket APIs do not cache. */
const DEFAULT_TTL: Record<string, number> = { rest: 300, http: 0, websocket: 0 };
/** Identity source entries that differ per caller: request headers and query strings. */
const PER_CALLER =
  /^(method\.request|\$request|route\.request)\.(header|querystring|multivalueheader|multivaluequerystring)\./i;

export default defineRule<'authorizer', Options>({
  id: 'lambda-authorizer-identity-source',
  title: 'Lambda authorizers name an identity source that carries the caller’s credential',
  rationale:
    'The identity source is what API Gateway checks before it calls a Lambda authorizer and what it caches the decision ' +
    'under. Without one, the authorizer runs for requests that carry no credential at all. A cached decision keyed only ' +
    'on values that are the same for every caller (context or stage variables) is served to every caller: the first ' +
    'caller’s Allow lets everyone in until the cache expires.',
  fix: {
    cdk:
      "`identitySources: [IdentitySource.header('Authorization')]` on `RequestAuthorizer` (TokenAuthorizer reads the " +
      'Authorization header by default), `identitySource` on an HTTP Lambda authorizer.',
    cloudFormation:
      'IdentitySource on AWS::ApiGateway::Authorizer (`method.request.header.Authorization`) or on ' +
      'AWS::ApiGatewayV2::Authorizer (`$request.header.Authorization`, `route.request.header.Auth` for WebSocket).',
    sam: '`Identity.Headers` (or `Identity.Header` for a TOKEN authorizer) of the Lambda authorizer in `Auth.Authorizers` of AWS::Serverless::Api or AWS::Serverless::HttpApi.',
  },
  severity: 'error',
  owasp: ['API2:2023'],
  controls: { nist80053: ['AC-3', 'IA-2'], pciDss4: ['8.3.1'] },
  references: {},
  appliesTo: { subject: 'authorizer', apiKinds: ALL_API_KINDS },
  check(authorizer, ctx) {
    const api = ctx.api;
    if (!api) return ctx.skip();
    const type = ctx.need(authorizer.type, 'the authorizer type').toUpperCase();
    if (type !== 'TOKEN' && type !== 'REQUEST') return ctx.skip();
    const sources = ctx.need(authorizer.identitySource, 'the identity source').filter((s) => s.trim() !== '');
    if (sources.length === 0) {
      const what = type === 'TOKEN' ? 'no header to read the token from' : 'no identity source';
      return ctx.fail(
        `Lambda ${type} authorizer names ${what}: API Gateway calls it for requests that carry no credential, and the Lambda alone must reject them.`,
        { location: LOCATION },
      );
    }
    if (sources.some((s) => PER_CALLER.test(s))) return;
    checkCacheKey(authorizer, api, sources, ctx);
  },
});

/** An identity source of only context and stage variables is safe only when decisions are not cached. */
function checkCacheKey(authorizer: Authorizer, api: Api, sources: string[], ctx: RuleContext<Options>): void {
  const set = authorizer.resultTtlSeconds;
  if (set !== undefined && isUnresolved(set)) {
    return ctx.unknown(
      `The identity source (${sources.join(', ')}) names no request header or query string, and whether decisions are cached is unresolved (${set.because}).`,
      { location: 'Properties.AuthorizerResultTtlInSeconds' },
    );
  }
  const ttl = set ?? DEFAULT_TTL[api.kind] ?? 0;
  if (ttl > 0) {
    ctx.fail(
      `Lambda authorizer caches decisions for ${ttl} s keyed only on ${sources.join(', ')}, which are the same for every caller: one caller’s decision is served to all.`,
      { location: LOCATION },
    );
  }
}
