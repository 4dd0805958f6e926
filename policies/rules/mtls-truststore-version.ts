import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';

interface Options {
  /** A domain with a mutual TLS truststore must pin the S3 object version it reads. */
  readonly requireVersion: boolean;
}

export default defineRule<'domain', Options>({
  id: 'mtls-truststore-version',
  title: 'Mutual TLS truststores are pinned to an S3 object version',
  rationale:
    'Without TruststoreVersion, API Gateway reads whatever object is at the truststore key the next time the domain is ' +
    'updated, so anyone who can write the key can add a CA that API Gateway then trusts, and a rollback cannot restore the ' +
    'previous bundle. A pinned version makes every change to the trusted CAs a reviewed change of the template.',
  fix: {
    cdk:
      '`mtls: { bucket, key: "truststore.pem", version: "<S3 version id>" }` on the DomainName (versioning enabled on ' +
      'the bucket); SecureApiDomain requires `mutualTls.version`.',
    cloudFormation:
      'MutualTlsAuthentication.TruststoreVersion (the S3 object version id) next to TruststoreUri on ' +
      'AWS::ApiGateway::DomainName or AWS::ApiGatewayV2::DomainName.',
    sam: '`Domain.MutualTlsAuthentication.TruststoreVersion` on AWS::Serverless::Api or AWS::Serverless::HttpApi.',
  },
  severity: 'error',
  owasp: ['API8:2023'],
  controls: { nist80053: ['CM-3', 'IA-5(2)', 'SC-17'], pciDss4: ['4.2.1'] },
  references: {},
  appliesTo: { subject: 'domain', apiKinds: ALL_API_KINDS },
  options: {
    schema: { type: 'object', properties: { requireVersion: { type: 'boolean' } }, additionalProperties: false },
    defaults: { requireVersion: true },
  },
  check(domain, ctx) {
    if (!ctx.options.requireVersion || domain.mtlsTruststoreUri === undefined) return ctx.skip();
    if (domain.mtlsTruststoreVersion === undefined) {
      return ctx.fail(
        'Domain reads its mutual TLS truststore without a TruststoreVersion: the next update trusts whatever object is at the key.',
        { location: 'Properties.MutualTlsAuthentication.TruststoreVersion' },
      );
    }
    const version = ctx.need(domain.mtlsTruststoreVersion, 'the truststore version');
    if (version.trim() === '') {
      ctx.fail('Domain sets an empty TruststoreVersion.', {
        location: 'Properties.MutualTlsAuthentication.TruststoreVersion',
      });
    }
  },
});
