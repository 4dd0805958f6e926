import { defineRule } from '../../lib/engine/rule';
import { isUnresolved } from '../../lib/model/value';
import { cloudFrontFronts, type Front } from '../../lib/model/cloudfront-fronts';

interface Options {
  /** Whether APIs in this tier must sit behind a WAF. */
  readonly requireWaf: boolean;
  /** API kinds that cannot attach a WAFv2 web ACL and are therefore flagged when a WAF is required. */
  readonly apiKinds: ('http' | 'websocket')[];
  /**
   * Accept a distribution whose origin is the API's custom domain when the default endpoint is disabled, without an
   * origin-verify header. Off by default: the custom domain's own regional endpoint stays reachable around CloudFront.
   */
  readonly acceptDisabledEndpoint: boolean;
}

export default defineRule<'api', Options>({
  id: 'http-api-waf',
  title: 'APIs that cannot attach a WAF are not used where the tier requires one',
  rationale:
    'AWS WAF attaches to REST API stages only. An HTTP API in a tier that requires a web application firewall has no ' +
    'request inspection or IP rate-limiting unless a CloudFront distribution with a web ACL fronts it.',
  fix: {
    cdk:
      'For a SecureHttpApi behind a CloudFront distribution with a CLOUDFRONT-scoped web ACL and its ' +
      "execute-api endpoint disabled, say so with `relax: { noWaf: { reason: 'behind CloudFront distribution " +
      "...' } }`; otherwise use a SecureRestApi, which attaches a web ACL (a WebSocket API: acknowledge the " +
      'finding with the reason).',
    cloudFormation:
      'An AWS::ApiGateway::RestApi with an AWS::WAFv2::WebACLAssociation on its stage, or an ' +
      'AWS::CloudFront::Distribution with a CLOUDFRONT-scoped web ACL in front of the HTTP API and ' +
      '`DisableExecuteApiEndpoint: true`, acknowledged with the reason.',
    sam: 'AWS::Serverless::Api instead of AWS::Serverless::HttpApi, with a web ACL association on its stage.',
  },
  severity: 'error',
  owasp: ['API4:2023', 'API8:2023'],
  controls: { nist80053: ['AC-4(21)', 'SC-7', 'SI-4'], pciDss4: ['6.4.2'] },
  references: {},
  appliesTo: { subject: 'api', apiKinds: ['http', 'websocket'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        requireWaf: { type: 'boolean' },
        apiKinds: { type: 'array', items: { enum: ['http', 'websocket'] }, uniqueItems: true },
        acceptDisabledEndpoint: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { requireWaf: true, apiKinds: ['http'], acceptDisabledEndpoint: false },
  },
  check(api, ctx) {
    if (!ctx.options.apiKinds.some((k) => k === api.kind)) return ctx.skip();
    // The API itself is declared elsewhere: that source gets the finding.
    if (api.external) return ctx.skip();
    if (!ctx.options.requireWaf) return;
    const kind = api.kind === 'http' ? 'HTTP' : 'WebSocket';
    const fronts = cloudFrontFronts(api, ctx.inventory.distributions);
    if (fronts.length === 0) {
      const unknownOrigin = ctx.inventory.distributions
        .flatMap((d) => d.origins.map((o) => o.domainName))
        .find(isUnresolved);
      if (unknownOrigin) {
        return ctx.unknown(
          `${kind} API in tier ${ctx.tier}, which requires a WAF: a CloudFront distribution has an origin that is only known at deploy time or could not be read (${unknownOrigin.because}), so whether it fronts this API cannot be told.`,
        );
      }
      return ctx.fail(
        `${kind} API in tier ${ctx.tier}, which requires a WAF: ${kind} APIs cannot attach a WAFv2 web ACL, and no CloudFront distribution with a web ACL in the source has this API as its origin, so requests reach the integration uninspected.`,
      );
    }
    const guarded = fronts.filter((f) => f.distribution.webAclId !== undefined);
    if (guarded.length === 0) {
      return ctx.fail(
        `${kind} API is fronted by CloudFront distribution ${names(fronts)}, which has no web ACL (DistributionConfig.WebACLId).`,
        { source: fronts[0].distribution.source, location: 'Properties.DistributionConfig.WebACLId' },
      );
    }
    const acl = guarded.find((f) => !isUnresolved(f.distribution.webAclId));
    if (!acl) return void ctx.need(guarded[0].distribution.webAclId!, 'the web ACL of the distribution');
    for (const front of guarded) {
      if (isUnresolved(front.distribution.webAclId)) continue;
      if (front.verifyHeader) return;
      if (front.origin.domainId !== undefined && ctx.options.acceptDisabledEndpoint) {
        if (ctx.need(api.disableExecuteApiEndpoint, 'DisableExecuteApiEndpoint')) return;
      }
    }
    if (api.operationsUnresolved && guarded.some((f) => Object.keys(f.origin.customHeaders).length > 0)) {
      return ctx.unknown(
        `Whether every route requires the origin-verify header of CloudFront distribution ${names(guarded)} cannot be told: the routes are unresolved (${api.operationsUnresolved}).`,
      );
    }
    const viaDefault = guarded.some((f) => f.origin.apiId === api.id);
    const disabled = api.disableExecuteApiEndpoint === true;
    ctx.fail(
      viaDefault && disabled
        ? `${kind} API's default endpoint is disabled, yet CloudFront distribution ${names(guarded)} uses it as origin: the distribution cannot reach the API.`
        : `${kind} API is fronted by CloudFront distribution ${names(guarded)} with a web ACL, but it is also reachable around it: no origin-verify header (an OriginCustomHeaders header that every route's Lambda authorizer names in its identity source) proves requests came through CloudFront.`,
      { source: guarded[0].distribution.source },
    );
  },
});

function names(fronts: readonly Front[]): string {
  return [...new Set(fronts.map((f) => f.distribution.id))].join(', ');
}
