import rule from '../../../policies/rules/mtls-truststore-version';
import { restDomain, v2Domain } from '../../helpers/fixtures-traffic';
import { cdkMtlsDomain, mtls } from '../../helpers/fixtures-r19-domains';
import { testRule } from '../../helpers/rule-tester';

const tls12 = { SecurityPolicy: 'TLS_1_2' };

testRule(rule, {
  valid: [
    {
      name: 'a REST domain whose truststore is pinned to an S3 object version',
      template: restDomain({ ...tls12, ...mtls('3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY') }),
      cdk: (stack) => cdkMtlsDomain(stack, { version: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY' }),
    },
    { name: 'a v2 domain with a pinned truststore version', template: v2Domain(tls12, mtls('v1')) },
    { name: 'not applicable without mutual TLS', template: restDomain(tls12), expect: 'skip' },
    {
      name: 'not applicable when the standard turns the requirement off',
      template: restDomain({ ...tls12, ...mtls() }),
      options: { requireVersion: false },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a REST domain that reads the latest truststore object (no TruststoreVersion)',
      template: restDomain({ ...tls12, ...mtls() }),
      cdk: (stack) => cdkMtlsDomain(stack),
      message: /without a TruststoreVersion/,
    },
    {
      name: 'fails a v2 domain without a truststore version',
      template: v2Domain(tls12, mtls()),
      message: /without a TruststoreVersion/,
    },
    {
      name: 'fails a SAM API whose Domain truststore has no version (the SAM route)',
      template: {
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          Api: {
            Type: 'AWS::Serverless::Api',
            Properties: {
              StageName: 'prod',
              DefinitionBody: { openapi: '3.0.1', info: { title: 'a', version: '1' }, paths: {} },
              Domain: {
                DomainName: 'api.example.com',
                CertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
                EndpointConfiguration: 'REGIONAL',
                SecurityPolicy: 'TLS_1_2',
                MutualTlsAuthentication: { TruststoreUri: 's3://trust-bucket/truststore.pem' },
              },
            },
          },
        },
      },
      message: /without a TruststoreVersion/,
    },
    {
      name: 'fails as unknown when the version comes from a parameter without default',
      template: {
        Parameters: { Version: { Type: 'String' } },
        Resources: restDomain({ ...tls12, ...mtls({ Ref: 'Version' }) }),
      },
      expect: 'unknown',
      message: /parameter Version/,
    },
  ],
});
