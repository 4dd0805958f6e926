import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/private-domain-policy';
import { restDomain } from '../../helpers/fixtures-traffic';
import { CERT_ARN, invokePolicy, privateDomain, vpceCondition } from '../../helpers/fixtures-r19-domains';
import { testRule } from '../../helpers/rule-tester';

function cdkPrivateDomain(stack: Stack, policy?: Record<string, unknown>): void {
  new apigw.CfnDomainNameV2(stack, 'PrivateDomain', {
    domainName: 'private.example.com',
    certificateArn: CERT_ARN,
    endpointConfiguration: { types: ['PRIVATE'] },
    securityPolicy: 'TLS_1_2',
    policy,
  });
}

const denyOutsideVpce = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
    {
      Effect: 'Deny',
      Principal: '*',
      Action: 'execute-api:Invoke',
      Resource: 'execute-api:/*',
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } },
    },
  ],
};

testRule(rule, {
  valid: [
    {
      name: 'an Allow conditioned on aws:SourceVpce',
      template: privateDomain({ Policy: invokePolicy(vpceCondition()) }),
      cdk: (stack) => cdkPrivateDomain(stack, invokePolicy(vpceCondition())),
    },
    {
      name: 'an Allow conditioned on aws:SourceVpc',
      template: privateDomain({ Policy: invokePolicy({ StringEquals: { 'aws:SourceVpc': 'vpc-0abc' } }) }),
    },
    {
      name: 'an open Allow narrowed by a Deny outside the VPC endpoint',
      template: privateDomain({ Policy: denyOutsideVpce }),
    },
    {
      name: 'a SAM private domain whose policy names the VPC endpoint (the SAM route)',
      template: {
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          Api: {
            Type: 'AWS::Serverless::Api',
            Properties: {
              StageName: 'prod',
              EndpointConfiguration: { Type: 'PRIVATE', VPCEndpointIds: ['vpce-0123456789abcdef0'] },
              DefinitionBody: { openapi: '3.0.1', info: { title: 'a', version: '1' }, paths: {} },
              Domain: {
                DomainName: 'private.example.com',
                CertificateArn: CERT_ARN,
                EndpointConfiguration: 'PRIVATE',
                Policy: invokePolicy(vpceCondition()),
              },
            },
          },
        },
      },
    },
    {
      name: 'not applicable to a public (REGIONAL) domain',
      template: restDomain({ SecurityPolicy: 'TLS_1_2' }),
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a private domain whose Allow has no network condition (any associated VPC endpoint can invoke)',
      template: privateDomain({ Policy: invokePolicy() }),
      cdk: (stack) => cdkPrivateDomain(stack, invokePolicy()),
      message: /statement #1 allows invocation without a condition on aws:SourceVpce or aws:SourceVpc/,
    },
    {
      name: 'fails a private domain without a policy',
      template: privateDomain(),
      cdk: (stack) => cdkPrivateDomain(stack),
      message: /has no policy/,
    },
    {
      name: 'fails an Allow conditioned only on the caller IP (not a network path key)',
      template: privateDomain({ Policy: invokePolicy({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }) }),
      message: /without a condition on/,
    },
    {
      name: 'fails as unknown when the policy comes from a parameter without default',
      template: {
        Parameters: { DomainPolicy: { Type: 'String' } },
        Resources: privateDomain({ Policy: { Ref: 'DomainPolicy' } }),
      },
      expect: 'unknown',
      message: /parameter DomainPolicy/,
    },
  ],
});
