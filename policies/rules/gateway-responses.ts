import { defineRule } from '../../lib/engine/rule';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Gateway response types the API must customise. */
  readonly requiredTypes: string[];
  /** A customised response must also replace the body (a response template), not only add headers. */
  readonly requireBodyTemplate: boolean;
}

export default defineRule<'api', Options>({
  id: 'gateway-responses',
  title: 'Default 4XX and 5XX gateway responses are customised',
  rationale:
    "The default gateway responses return API Gateway's own error text (e.g. authorizer and integration failures), which tells an " +
    'attacker how the API is built and gives clients an inconsistent error format.',
  fix: {
    cdk:
      'SecureRestApi customises DEFAULT_4XX and DEFAULT_5XX itself; on a plain RestApi call ' +
      "`api.addGatewayResponse('Default4xx', { type: ResponseType.DEFAULT_4XX, templates: { " +
      '\'application/json\': \'{"message":"Bad request"}\' } })` and the same for DEFAULT_5XX.',
    cloudFormation:
      'AWS::ApiGateway::GatewayResponse with ResponseType DEFAULT_4XX / DEFAULT_5XX (OpenAPI: ' +
      'x-amazon-apigateway-gateway-responses).',
    sam: '`GatewayResponses: { DEFAULT_4XX: { ... }, DEFAULT_5XX: { ... } }` on AWS::Serverless::Api.',
  },
  severity: 'info',
  owasp: ['API8:2023'],
  controls: { nist80053: ['SI-11'], pciDss4: [] },
  references: {},
  appliesTo: { subject: 'api', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        requiredTypes: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        requireBodyTemplate: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { requiredTypes: ['DEFAULT_4XX', 'DEFAULT_5XX'], requireBodyTemplate: false },
  },
  check(api, ctx) {
    // An API declared elsewhere is checked where it is declared.
    if (api.external) return ctx.skip();
    const byType = new Map<string, (typeof api.gatewayResponses)[number]>();
    const unresolvedTypes: string[] = [];
    for (const response of api.gatewayResponses) {
      if (isUnresolved(response.type)) unresolvedTypes.push(response.type.because);
      else byType.set(response.type.toUpperCase(), response);
    }
    const missing = ctx.options.requiredTypes.map((t) => t.toUpperCase()).filter((t) => !byType.has(t));
    if (missing.length && unresolvedTypes.length) {
      return ctx.unknown(
        `Gateway response types ${missing.join(', ')} may be among responses whose type is unresolved (${unresolvedTypes.join('; ')}).`,
      );
    }
    if (missing.length) {
      ctx.fail(
        `The API does not customise gateway response${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; clients get API Gateway's default error text.`,
      );
    }
    if (!ctx.options.requireBodyTemplate) return;
    for (const type of ctx.options.requiredTypes.map((t) => t.toUpperCase())) {
      const response = byType.get(type);
      if (response && Object.keys(response.responseTemplates).length === 0) {
        ctx.fail(`Gateway response ${type} only changes headers or status; its body is still API Gateway's default.`, {
          source: response.source,
          location: 'Properties.ResponseTemplates',
        });
      }
    }
  },
});
