import { defineRule } from '../../lib/engine/rule';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Stages with HTTP integrations must present a client certificate to their backends. Sensitive tiers set true. @default false */
  readonly required: boolean;
}

const HTTP_TYPES = new Set(['HTTP', 'HTTP_PROXY']);

export default defineRule<'stage', Options>({
  id: 'backend-certificate',
  title: 'Stages with HTTP backends authenticate to them with a client certificate',
  rationale:
    'An HTTP backend reachable from the internet cannot otherwise tell API Gateway from any other caller: the client ' +
    "certificate lets the backend accept only requests that passed the gateway's authorization, WAF and throttling.",
  fix: {
    cdk:
      '`const cert = new CfnClientCertificate(this, "BackendCert")` and `deployOptions: { ' +
      'clientCertificateId: cert.ref }`; configure the backend to require it.',
    cloudFormation: '`AWS::ApiGateway::ClientCertificate` and Stage `ClientCertificateId`.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API10:2023'],
  controls: {
    nist80053: [
      'AC-17(2)',
      'AC-4',
      'IA-5(1)',
      'SC-12(3)',
      'SC-13',
      'SC-23',
      'SC-23(3)',
      'SC-7(4)',
      'SC-8',
      'SC-8(1)',
      'SC-8(2)',
      'SI-7(6)',
    ],
    pciDss4: ['4.2.1'],
  },
  references: {
    securityHub: 'APIGateway.2',
    awsConfig: 'api-gw-ssl-enabled',
    cdkNag: 'NIST.800.53.R5-APIGWSSLEnabled',
    checkov: 'CKV2_AWS_51',
    kics: 'API Gateway Without SSL Certificate',
    prowler: 'apigateway_restapi_client_certificate_enabled',
  },
  appliesTo: { subject: 'stage', apiKinds: ['rest', 'websocket'] },
  options: {
    schema: {
      type: 'object',
      properties: { required: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { required: false },
  },
  check(stage, ctx) {
    const api = ctx.api;
    // The tier decides whether client certificates are wanted.
    if (!api || !ctx.options.required) return ctx.skip();
    if (stage.clientCertificateId !== undefined) {
      const id = ctx.need(stage.clientCertificateId, 'the stage ClientCertificateId');
      if (id.trim() !== '') return;
    }
    if (api.operationsUnresolved)
      return ctx.unknown(
        `The API's operations are not known (${api.operationsUnresolved}), so its HTTP backends cannot be listed.`,
      );
    const httpOps: string[] = [];
    const unresolvedTypes: string[] = [];
    for (const op of api.operations) {
      const type = op.integration?.type;
      const label = `${op.method ? `${op.method} ` : ''}${op.path}`;
      if (isUnresolved(type)) unresolvedTypes.push(`${label} (${type.because})`);
      else if (type !== undefined && HTTP_TYPES.has(type.toUpperCase())) httpOps.push(label);
    }
    if (httpOps.length) {
      const shown = httpOps.slice(0, 5).join(', ') + (httpOps.length > 5 ? ` and ${httpOps.length - 5} more` : '');
      return ctx.fail(
        `Stage has no client certificate, yet ${shown} call HTTP backends and tier ${ctx.tier} requires one.`,
        {
          location: 'Properties.ClientCertificateId',
        },
      );
    }
    if (unresolvedTypes.length)
      return ctx.unknown(
        `Integration type of ${unresolvedTypes.join(', ')} is unresolved; cannot tell whether the stage calls HTTP backends.`,
      );
    ctx.skip();
  },
});
