import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/backend-certificate';
import { httpApi, restApi, restMethod, restStage, v2Stage } from '../../helpers/fixtures';
import { cdkRestApiCalling, restApiCalling } from '../../helpers/fixtures-integrations';
import { testRule } from '../../helpers/rule-tester';

const required = { required: true };
const cert = { ClientCertificate: { Type: 'AWS::ApiGateway::ClientCertificate', Properties: {} } };
const confidential = { Tags: [{ Key: 'data-classification', Value: 'confidential' }] };

testRule(rule, {
  valid: [
    {
      name: 'HTTP backend called with a client certificate where the tier requires one',
      template: {
        ...cert,
        ...restApiCalling('https://backend.example.com', {}, { ClientCertificateId: { Ref: 'ClientCertificate' } }),
      },
      cdk: (stack) => {
        const c = new apigw.CfnClientCertificate(stack, 'ClientCertificate');
        cdkRestApiCalling(stack, 'https://backend.example.com', { clientCertificateId: c.ref });
      },
      options: required,
    },
    {
      name: 'not required by the default options (only sensitive tiers ask for it)',
      template: restApiCalling('https://backend.example.com'),
      cdk: (stack) => cdkRestApiCalling(stack, 'https://backend.example.com'),
      expect: 'skip',
    },
    {
      name: 'a stage whose methods call no HTTP backend needs no certificate',
      template: { ...restApi(), ...restStage(), ...restMethod() },
      options: required,
      expect: 'skip',
    },
    {
      name: 'HTTP API stages are out of scope (no client certificates)',
      template: { ...httpApi(), ...v2Stage() },
      options: required,
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails an HTTP backend without client certificate when required (CDK HttpIntegration)',
      template: restApiCalling('https://backend.example.com'),
      cdk: (stack) => cdkRestApiCalling(stack, 'https://backend.example.com'),
      options: required,
      message: /no client certificate, yet GET \/ call HTTP backends/,
      count: 1,
    },
    {
      name: 'fails in the confidential tier, which the standard sets to require a certificate',
      template: restApiCalling('https://backend.example.com', {}, {}, confidential),
      tiers: { confidential: { rules: { 'backend-certificate': { options: required } } } },
      message: /tier confidential/,
    },
    {
      name: 'fails as unknown when the certificate id comes from a parameter without default',
      template: {
        Parameters: { Cert: { Type: 'String' } },
        Resources: restApiCalling('https://backend.example.com', {}, { ClientCertificateId: { Ref: 'Cert' } }),
      },
      options: required,
      expect: 'unknown',
      message: /parameter Cert/,
    },
    {
      name: 'fails as unknown when an integration type is unresolved',
      template: {
        Parameters: { T: { Type: 'String' } },
        Resources: restApiCalling('https://backend.example.com', { Type: { Ref: 'T' } }),
      },
      options: required,
      expect: 'unknown',
      message: /parameter T/,
    },
  ],
});
