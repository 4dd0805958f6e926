import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';

interface Options {
  /** Endpoint types an API of this tier may have (REST: EDGE, REGIONAL, PRIVATE; HTTP/WebSocket APIs are REGIONAL). */
  readonly allowedEndpointTypes: string[];
}

export default defineRule<'api', Options>({
  id: 'endpoint-type',
  title: 'APIs use an endpoint type the tier allows',
  rationale:
    'The endpoint type decides who can reach the API at all: EDGE and REGIONAL endpoints are on the internet, PRIVATE ones ' +
    'only through VPC endpoints. Internal APIs should not be reachable from the internet, and EDGE endpoints terminate TLS ' +
    'at CloudFront locations outside the Region.',
  fix: {
    cdk:
      'Give SecureRestApi `endpointType: EndpointType.PRIVATE` with `vpcEndpoints` (its resource policy is ' +
      'generated); on a plain RestApi set `endpointTypes: [EndpointType.PRIVATE]` plus a resource policy ' +
      'limiting aws:SourceVpce (HTTP APIs cannot be private: use a REST API).',
    cloudFormation: 'EndpointConfiguration { Types: [PRIVATE], VpcEndpointIds } on AWS::ApiGateway::RestApi.',
    sam:
      '`EndpointConfiguration: { Type: PRIVATE, VPCEndpointIds }` and `Auth.ResourcePolicy` on ' +
      'AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API8:2023'],
  controls: { nist80053: ['AC-4', 'SC-7'], pciDss4: ['1.3.1'] },
  references: {
    awsConfig: 'api-gw-endpoint-type-check',
    kics: 'API Gateway Endpoint Config is Not Private',
    prowler: 'apigateway_restapi_public',
  },
  appliesTo: { subject: 'api', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowedEndpointTypes: {
          type: 'array',
          items: { enum: ['EDGE', 'REGIONAL', 'PRIVATE'] },
          minItems: 1,
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
    defaults: { allowedEndpointTypes: ['EDGE', 'REGIONAL', 'PRIVATE'] },
  },
  check(api, ctx) {
    // The API is declared elsewhere: that source gets the finding.
    if (api.external) return ctx.skip();
    const allowed = ctx.options.allowedEndpointTypes;
    const types = ctx.need(api.endpointTypes, 'the API endpoint type').map((t) => t.toUpperCase());
    const bad = types.filter((t) => !allowed.includes(t));
    if (bad.length === 0) return;
    const kind = api.kind === 'rest' ? '' : ` (${api.kind === 'http' ? 'HTTP' : 'WebSocket'} APIs are always REGIONAL)`;
    ctx.fail(`API endpoint type is ${types.join(', ')}${kind}; tier ${ctx.tier} allows ${allowed.join(', ')}.`, {
      location: api.kind === 'rest' ? 'Properties.EndpointConfiguration' : undefined,
    });
  },
});
