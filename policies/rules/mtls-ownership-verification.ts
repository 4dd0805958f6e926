import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';

export default defineRule<'domain'>({
  id: 'mtls-ownership-verification',
  title: 'Mutual TLS domains with an imported or private CA certificate name an ownership-verification certificate',
  rationale:
    'API Gateway needs a public ACM certificate for the same name (OwnershipVerificationCertificateArn) to prove the domain ' +
    'is yours when a mutual TLS domain serves an imported or ACM Private CA certificate. Without it the deployment fails, ' +
    'or a later certificate rotation leaves the domain unable to verify ownership.',
  fix: {
    cdk:
      'Set `ownershipVerificationCertificateArn` on the L1 (`domain.node.defaultChild as apigw.CfnDomainName`), or pass ' +
      '`ownershipVerificationCertificate` to SecureApiDomain: a public ACM certificate for the same domain name.',
    cloudFormation:
      'OwnershipVerificationCertificateArn on AWS::ApiGateway::DomainName, or DomainNameConfigurations[]' +
      '.OwnershipVerificationCertificateArn on AWS::ApiGatewayV2::DomainName.',
    sam: '`Domain.OwnershipVerificationCertificateArn` on AWS::Serverless::Api or AWS::Serverless::HttpApi.',
  },
  severity: 'error',
  owasp: ['API8:2023'],
  controls: { nist80053: ['IA-5(2)', 'SC-17'], pciDss4: ['4.2.1'] },
  references: {},
  appliesTo: { subject: 'domain', apiKinds: ALL_API_KINDS },
  check(domain, ctx) {
    if (domain.mtlsTruststoreUri === undefined) return ctx.skip();
    const location =
      domain.kind === 'rest' ? 'Properties.OwnershipVerificationCertificateArn' : 'Properties.DomainNameConfigurations';
    if (domain.ownershipVerificationCertificateArn !== undefined) {
      ctx.need(domain.ownershipVerificationCertificateArn, 'the ownership-verification certificate ARN');
      return;
    }
    if (!domain.certificate) {
      return ctx.unknown(
        'Domain uses mutual TLS but names no certificate, so whether ownership must be verified is unknown.',
        {
          location,
        },
      );
    }
    const issuer = ctx.need(domain.certificate.issuer, 'who issued the domain certificate');
    if (issuer !== 'amazon') {
      ctx.fail(
        `Domain uses mutual TLS with ${issuer === 'private-ca' ? 'an ACM Private CA' : 'an imported'} certificate but sets no OwnershipVerificationCertificateArn.`,
        { location },
      );
    }
  },
});
