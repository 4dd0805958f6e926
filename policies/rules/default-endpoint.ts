import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import { itemsWithIds } from '../../lib/model/lookup';

interface Options {
  /** Endpoint types exempt from the rule (e.g. PRIVATE, reachable only through VPC endpoints). */
  readonly exemptEndpointTypes: string[];
}

export default defineRule<'api', Options>({
  id: 'default-endpoint',
  title: 'APIs served on a custom domain disable the default execute-api endpoint',
  rationale:
    'Controls placed on the custom domain (mutual TLS, TLS policy, a CloudFront/WAF front door, base-path routing) are ' +
    'bypassed by calling https://{api-id}.execute-api.{region}.amazonaws.com directly unless that endpoint is disabled.',
  fix: {
    cdk:
      'Map a SecureRestApi with `SecureApiDomain.mapRestApi(api)`, which turns the default endpoint off; ' +
      'otherwise set `disableExecuteApiEndpoint: true` on RestApi / HttpApi / WebSocketApi.',
    cloudFormation:
      '`DisableExecuteApiEndpoint: true` on AWS::ApiGateway::RestApi or AWS::ApiGatewayV2::Api. Clients ' +
      'must then use the custom domain.',
    sam: '`DisableExecuteApiEndpoint: true` on AWS::Serverless::Api or AWS::Serverless::HttpApi, with a ' + '`Domain`.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: { nist80053: ['CM-7', 'SC-7'], pciDss4: ['2.2.4'] },
  references: {},
  appliesTo: { subject: 'api', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        exemptEndpointTypes: { type: 'array', items: { enum: ['EDGE', 'REGIONAL', 'PRIVATE'] }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaults: { exemptEndpointTypes: [] },
  },
  check(api, ctx) {
    // Only APIs mapped to a custom domain; the API must be declared here to be fixed here.
    if (api.domainIds.length === 0 || api.external) return ctx.skip();
    if (ctx.options.exemptEndpointTypes.length) {
      const types = ctx.need(api.endpointTypes, 'the API endpoint type');
      if (types.length && types.every((t) => ctx.options.exemptEndpointTypes.includes(t.toUpperCase())))
        return ctx.skip();
    }
    const disabled = ctx.need(api.disableExecuteApiEndpoint, 'DisableExecuteApiEndpoint');
    if (!disabled) {
      const domains = itemsWithIds(ctx.inventory.domains, api.domainIds).map((d) =>
        typeof d.name === 'string' ? d.name : d.id,
      );
      ctx.fail(
        `API is served on custom domain ${domains.join(', ') || api.domainIds.join(', ')} but its default execute-api endpoint is still enabled, so domain-level controls can be bypassed.`,
        { location: 'Properties.DisableExecuteApiEndpoint' },
      );
    }
  },
});
