import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/private-domain-access';
import { restApi, restStage } from '../../helpers/fixtures';
import { restDomain } from '../../helpers/fixtures-traffic';
import {
  accessAssociation,
  basePathMappingV2,
  CERT_ARN,
  invokePolicy,
  privateDomain,
  vpceCondition,
} from '../../helpers/fixtures-r19-domains';
import { testRule } from '../../helpers/rule-tester';

const VPCE = 'vpce-0123456789abcdef0';
const privateApi = { ...restApi({ EndpointConfiguration: { Types: ['PRIVATE'] } }), ...restStage() };
const domainWithPolicy = privateDomain({ Policy: invokePolicy(vpceCondition(VPCE)) });

function cdkPrivate(stack: Stack, source: string, endpoint: apigw.EndpointType): void {
  const domain = new apigw.CfnDomainNameV2(stack, 'PrivateDomain', {
    domainName: 'private.example.com',
    certificateArn: CERT_ARN,
    endpointConfiguration: { types: ['PRIVATE'] },
    securityPolicy: 'TLS_1_2',
    policy: invokePolicy(vpceCondition(VPCE)),
  });
  new apigw.CfnDomainNameAccessAssociation(stack, 'Association', {
    domainNameArn: domain.attrDomainNameArn,
    accessAssociationSource: source,
    accessAssociationSourceType: 'VPCE',
  });
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, endpointTypes: [endpoint] });
  api.root.addMethod('GET', new apigw.MockIntegration());
  new apigw.CfnBasePathMappingV2(stack, 'MappingV2', {
    domainNameArn: domain.attrDomainNameArn,
    restApiId: api.restApiId,
    stage: api.deploymentStage.stageName,
  });
}

testRule(rule, {
  valid: [
    {
      name: 'an association for the VPC endpoint the policy allows, mapping a PRIVATE API',
      template: { ...privateApi, ...domainWithPolicy, ...accessAssociation(VPCE), ...basePathMappingV2() },
      cdk: (stack) => cdkPrivate(stack, VPCE, apigw.EndpointType.PRIVATE),
    },
    {
      name: 'any VPC endpoint association when the policy limits by VPC instead of naming endpoints',
      template: {
        ...privateDomain({ Policy: invokePolicy({ StringEquals: { 'aws:SourceVpc': 'vpc-0abc' } }) }),
        ...accessAssociation('vpce-0fedcba9876543210'),
      },
    },
    { name: 'not applicable to a public domain', template: restDomain({ SecurityPolicy: 'TLS_1_2' }), expect: 'skip' },
  ],
  invalid: [
    {
      name: 'fails an association for a VPC endpoint the domain policy does not name',
      template: { ...privateApi, ...domainWithPolicy, ...accessAssociation('vpce-0fedcba9876543210') },
      cdk: (stack) => cdkPrivate(stack, 'vpce-0fedcba9876543210', apigw.EndpointType.PRIVATE),
      message: /outside the VPC endpoints the domain policy allows/,
    },
    {
      name: 'fails a private domain that maps a REGIONAL API',
      template: {
        ...restApi({ EndpointConfiguration: { Types: ['REGIONAL'] } }),
        ...restStage(),
        ...domainWithPolicy,
        ...basePathMappingV2(),
      },
      cdk: (stack) => cdkPrivate(stack, VPCE, apigw.EndpointType.REGIONAL),
      message: /maps Api\w*, whose endpoint is REGIONAL/,
    },
    {
      name: 'fails as unknown when the association source comes from a parameter without default',
      template: {
        Parameters: { Endpoint: { Type: 'String' } },
        Resources: { ...domainWithPolicy, ...accessAssociation({ Ref: 'Endpoint' }) },
      },
      expect: 'unknown',
      message: /parameter Endpoint/,
    },
    {
      name: 'fails as unknown when the mapped API is not in the template',
      template: {
        ...domainWithPolicy,
        MappingV2: {
          Type: 'AWS::ApiGateway::BasePathMappingV2',
          Properties: {
            DomainNameArn: { 'Fn::GetAtt': ['PrivateDomain', 'DomainNameArn'] },
            RestApiId: 'a1b2c3',
            Stage: 'prod',
          },
        },
      },
      expect: 'unknown',
      message: /not in the template/,
    },
  ],
});
