import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import rule from '../../../policies/rules/mtls-ownership-verification';
import { restDomain, v2Domain } from '../../helpers/fixtures-traffic';
import { acmCertificate, cdkMtlsDomain, mtls } from '../../helpers/fixtures-r19-domains';
import { testRule } from '../../helpers/rule-tester';

const OWNERSHIP = 'arn:aws:acm:eu-west-1:111111111111:certificate/public';
const PCA = 'arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/ca1';
const withCert = { SecurityPolicy: 'TLS_1_2', RegionalCertificateArn: { Ref: 'Cert' }, ...mtls('v1') };

testRule(rule, {
  valid: [
    {
      name: 'mutual TLS with an ownership-verification certificate',
      template: restDomain({
        SecurityPolicy: 'TLS_1_2',
        ...mtls('v1'),
        OwnershipVerificationCertificateArn: OWNERSHIP,
      }),
      cdk: (stack) => cdkMtlsDomain(stack, { version: 'v1', ownership: OWNERSHIP }),
    },
    {
      name: 'mutual TLS with a public ACM certificate of the template needs no ownership verification',
      template: { ...acmCertificate(), ...restDomain(withCert) },
      cdk: (stack) =>
        cdkMtlsDomain(stack, {
          version: 'v1',
          certificate: new acm.Certificate(stack, 'Cert', { domainName: 'domain.example.com' }),
        }),
    },
    { name: 'not applicable without mutual TLS', template: restDomain({ SecurityPolicy: 'TLS_1_2' }), expect: 'skip' },
  ],
  invalid: [
    {
      name: 'fails mutual TLS with an ACM Private CA certificate and no ownership-verification certificate',
      template: { ...acmCertificate(PCA), ...restDomain(withCert) },
      cdk: (stack) =>
        cdkMtlsDomain(stack, {
          version: 'v1',
          certificate: new acm.PrivateCertificate(stack, 'Cert', {
            domainName: 'domain.example.com',
            certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', PCA),
          }),
        }),
      message: /ACM Private CA certificate but sets no OwnershipVerificationCertificateArn/,
    },
    {
      name: 'fails a v2 domain with a private CA certificate',
      template: {
        ...acmCertificate(PCA),
        ...v2Domain({ SecurityPolicy: 'TLS_1_2', CertificateArn: { Ref: 'Cert' } }, mtls('v1')),
      },
      message: /sets no OwnershipVerificationCertificateArn/,
    },
    {
      name: 'fails as unknown when the certificate is an ARN from outside the template (imported or private is unknown)',
      template: restDomain({ SecurityPolicy: 'TLS_1_2', ...mtls('v1') }),
      cdk: (stack) => cdkMtlsDomain(stack, { version: 'v1' }),
      expect: 'unknown',
      message: /not in the template/,
    },
    {
      name: 'fails as unknown when the certificate comes from a parameter without default',
      template: {
        Parameters: { CertArn: { Type: 'String' } },
        Resources: restDomain({ SecurityPolicy: 'TLS_1_2', ...mtls('v1'), RegionalCertificateArn: { Ref: 'CertArn' } }),
      },
      expect: 'unknown',
      message: /parameter CertArn/,
    },
  ],
});
