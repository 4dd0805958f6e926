import { defineRule } from '../../lib/engine/rule';

interface Options {
  /** Whether APIs in this tier must sit behind a WAF. */
  readonly requireWaf: boolean;
  /** API kinds that cannot attach a WAFv2 web ACL and are therefore flagged when a WAF is required. */
  readonly apiKinds: ('http' | 'websocket')[];
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
      },
      additionalProperties: false,
    },
    defaults: { requireWaf: true, apiKinds: ['http'] },
  },
  check(api, ctx) {
    if (!ctx.options.apiKinds.some((k) => k === api.kind)) return ctx.skip();
    // The API itself is declared elsewhere: that source gets the finding.
    if (api.external) return ctx.skip();
    if (!ctx.options.requireWaf) return;
    const kind = api.kind === 'http' ? 'HTTP' : 'WebSocket';
    ctx.fail(
      `${kind} API in tier ${ctx.tier}, which requires a WAF: ${kind} APIs cannot attach a WAFv2 web ACL, so requests reach the integration uninspected.`,
    );
  },
});
