import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';

interface Options {
  /** Whether custom domains serving this tier must authenticate clients with mutual TLS. */
  readonly requireMtls: boolean;
}

export default defineRule<'domain', Options>({
  id: 'domain-mtls',
  title: 'Custom domains authenticate clients with mutual TLS where the tier requires it',
  rationale:
    'Mutual TLS proves the client holds a certificate issued by a trusted CA before any request is processed, a second ' +
    'factor for machine-to-machine APIs that carry restricted data. It only holds if the execute-api endpoint is disabled too (default-endpoint).',
  fix: {
    cdk:
      '`new SecureApiDomain(this, "Domain", { ..., mutualTls: { bucket, key: "truststore.pem" } })`, or `mtls: ' +
      '{ bucket, key }` on a plain `apigw.DomainName` (REST) or the v2 DomainName.',
    cloudFormation:
      'MutualTlsAuthentication { TruststoreUri: "s3://bucket/truststore.pem" } on the domain name (REGIONAL ' +
      'endpoint, TLS_1_2).',
    sam:
      '`Domain.MutualTlsAuthentication: { TruststoreUri }` on AWS::Serverless::Api or ' +
      'AWS::Serverless::HttpApi (REGIONAL endpoint, TLS_1_2).',
  },
  severity: 'error',
  owasp: ['API2:2023', 'API8:2023'],
  controls: { nist80053: ['IA-3', 'IA-5(2)', 'SC-8'], pciDss4: ['4.2.1'] },
  references: {},
  appliesTo: { subject: 'domain', apiKinds: ALL_API_KINDS },
  options: {
    schema: { type: 'object', properties: { requireMtls: { type: 'boolean' } }, additionalProperties: false },
    defaults: { requireMtls: false },
  },
  check(domain, ctx) {
    if (!ctx.options.requireMtls) return ctx.skip();
    const truststore = domain.mtlsTruststoreUri;
    if (truststore === undefined) {
      return ctx.fail(
        `Domain serves tier ${ctx.tier}, which requires mutual TLS, but has no MutualTlsAuthentication truststore.`,
        {
          location: 'Properties.MutualTlsAuthentication',
        },
      );
    }
    const uri = ctx.need(truststore, 'the mutual TLS truststore URI');
    if (!/^s3:\/\/[^/]+\/.+/.test(uri)) {
      ctx.fail(`Domain mutual TLS truststore URI "${uri}" is not an s3://bucket/key URI.`, {
        location: 'Properties.MutualTlsAuthentication.TruststoreUri',
      });
    }
  },
});
