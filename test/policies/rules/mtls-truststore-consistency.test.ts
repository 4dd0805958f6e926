import rule from '../../../policies/rules/mtls-truststore-consistency';
import { restApi, restStage } from '../../helpers/fixtures';
import { basePathMapping, restDomain } from '../../helpers/fixtures-traffic';
import { cdkMtlsDomain, mtls } from '../../helpers/fixtures-r19-domains';
import { testRule } from '../../helpers/rule-tester';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';

const tls12 = { SecurityPolicy: 'TLS_1_2' };
const twoDomains = (first: Record<string, unknown>, second: Record<string, unknown>) => ({
  ...restApi({ EndpointConfiguration: { Types: ['REGIONAL'] } }),
  ...restStage(),
  ...restDomain({ ...tls12, ...first }, 'Domain'),
  ...restDomain({ ...tls12, ...second, DomainName: 'api2.example.com' }, 'Domain2'),
  ...basePathMapping('Mapping', 'Domain'),
  ...basePathMapping('Mapping2', 'Domain2'),
});

testRule(rule, {
  valid: [
    {
      name: 'two domains of one API with the same truststore and version',
      template: twoDomains(mtls('v1'), mtls('v1')),
      cdk: (stack) => {
        const api = new apigw.RestApi(stack, 'Api', {
          cloudWatchRole: false,
          endpointTypes: [apigw.EndpointType.REGIONAL],
        });
        api.root.addMethod('GET', new apigw.MockIntegration());
        cdkMtlsDomain(stack, { version: 'v1', id: 'DomainA', api });
        cdkMtlsDomain(stack, { version: 'v1', id: 'DomainB', api });
      },
    },
    {
      name: 'not applicable to an API with one custom domain',
      template: { ...restApi(), ...restStage(), ...restDomain({ ...tls12, ...mtls('v1') }), ...basePathMapping() },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails an API mapped to one domain with mutual TLS and one without (the second bypasses client certificates)',
      template: twoDomains(mtls('v1'), {}),
      cdk: (stack) => {
        const api = new apigw.RestApi(stack, 'Api', {
          cloudWatchRole: false,
          endpointTypes: [apigw.EndpointType.REGIONAL],
        });
        api.root.addMethod('GET', new apigw.MockIntegration());
        cdkMtlsDomain(stack, { version: 'v1', id: 'DomainA', api });
        const plain = new apigw.DomainName(stack, 'DomainB', {
          domainName: 'b.example.com',
          certificate: acm.Certificate.fromCertificateArn(
            stack,
            'CertB',
            'arn:aws:acm:eu-west-1:111111111111:certificate/b',
          ),
          securityPolicy: apigw.SecurityPolicy.TLS_1_2,
        });
        plain.addBasePathMapping(api, { basePath: 'b' });
      },
      message: /without it: clients without a certificate reach the API through/,
    },
    {
      name: 'fails two domains that trust different truststore objects',
      template: twoDomains(mtls('v1'), mtls('v1', 's3://other-bucket/truststore.pem')),
      message: /different mutual TLS truststores/,
    },
    {
      name: 'fails two domains pinned to different versions of the truststore',
      template: twoDomains(mtls('v1'), mtls('v2')),
      message: /different mutual TLS truststores/,
    },
    {
      name: 'fails as unknown when a truststore URI comes from a parameter without default',
      template: {
        Parameters: { Trust: { Type: 'String' } },
        Resources: twoDomains(mtls('v1'), mtls('v1', { Ref: 'Trust' })),
      },
      expect: 'unknown',
      message: /parameter Trust/,
    },
  ],
});
