import { defineRule } from '../../lib/engine/rule';

interface Options {
  /** Also require `TlsConfig.ServerNameToVerify`, so the backend certificate's name is checked. @default false */
  readonly requireServerName: boolean;
}

export default defineRule<'operation', Options>({
  id: 'private-integration-tls',
  title: 'HTTP API private integrations use TLS to the VPC backend',
  rationale:
    'A VPC link integration without TlsConfig sends requests — tokens, personal data — in clear text across the VPC ' +
    'to the load balancer or Cloud Map service. Zero-trust networks encrypt inside the VPC too.',
  fix: {
    cdk:
      '`new HttpAlbIntegration("Orders", listener, { secureServerName: "orders.internal.example.com" })` ' +
      '(likewise Nlb/ServiceDiscovery).',
    cloudFormation: '`AWS::ApiGatewayV2::Integration` `TlsConfig: { ServerNameToVerify: ... }` with an HTTPS listener.',
  },
  severity: 'error',
  owasp: ['API8:2023'],
  controls: { nist80053: ['SC-8', 'SC-8(1)'], pciDss4: [] },
  references: { securityHub: 'APIGateway.10', awsConfig: 'apigatewayv2-integration-private-https-enabled' },
  appliesTo: { subject: 'operation', apiKinds: ['http'] },
  options: {
    schema: {
      type: 'object',
      properties: { requireServerName: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { requireServerName: false },
  },
  check(op, ctx) {
    // REST private integrations get TLS from an https:// URI (integration-https); this is the v2 TlsConfig control.
    const integration = op.integration;
    if (!integration || integration.connectionType === undefined) return ctx.skip();
    const connection = ctx.need(integration.connectionType, 'the integration ConnectionType');
    if (connection.toUpperCase() !== 'VPC_LINK') return ctx.skip();
    const source = integration.source;
    const at = (property: string): string | undefined => (source?.pointer ? undefined : property);
    if (integration.hasTlsConfig !== true) {
      return ctx.fail('Private (VPC_LINK) integration has no TlsConfig: traffic to the VPC backend is not encrypted.', {
        source,
        location: at('Properties.TlsConfig'),
      });
    }
    if (!ctx.options.requireServerName) return;
    if (integration.tlsServerNameToVerify === undefined) {
      return ctx.fail(
        `Private integration does not set TlsConfig.ServerNameToVerify, which tier ${ctx.tier} requires.`,
        {
          source,
          location: at('Properties.TlsConfig.ServerNameToVerify'),
        },
      );
    }
    const name = ctx.need(integration.tlsServerNameToVerify, 'TlsConfig.ServerNameToVerify');
    if (name.trim() === '')
      ctx.fail('Private integration sets an empty TlsConfig.ServerNameToVerify.', {
        source,
        location: at('Properties.TlsConfig.ServerNameToVerify'),
      });
  },
});
