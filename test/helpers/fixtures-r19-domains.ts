/**
 * CloudFormation and CDK building blocks for the issue-19 domain rules (REST API TLS, private custom domains,
 * mutual TLS truststores, routing rules). Same style as fixtures.ts: each returns a Resources map fragment.
 */
import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as s3 from 'aws-cdk-lib/aws-s3';

type Props = Record<string, unknown>;

export const CERT_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/abc';
export const classified = (tier: string): Props => ({ Tags: [{ Key: 'data-classification', Value: tier }] });

/** A private custom domain (AWS::ApiGateway::DomainNameV2) with the given policy. */
export function privateDomain(props: Props = {}, id = 'PrivateDomain'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::DomainNameV2',
      Properties: {
        DomainName: 'private.example.com',
        CertificateArn: CERT_ARN,
        EndpointConfiguration: { Types: ['PRIVATE'] },
        SecurityPolicy: 'TLS_1_2',
        ...props,
      },
    },
  };
}

/** A policy allowing execute-api:Invoke on the domain, with the given condition (none when undefined). */
export function invokePolicy(condition?: Props, effect = 'Allow'): Props {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: effect,
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: ['execute-api:/*'],
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  };
}

export const vpceCondition = (vpce: unknown = 'vpce-0123456789abcdef0'): Props => ({
  StringEquals: { 'aws:SourceVpce': vpce },
});

export function accessAssociation(
  source: unknown = 'vpce-0123456789abcdef0',
  id = 'Association',
  domainId = 'PrivateDomain',
): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::DomainNameAccessAssociation',
      Properties: {
        DomainNameArn: { 'Fn::GetAtt': [domainId, 'DomainNameArn'] },
        AccessAssociationSource: source,
        AccessAssociationSourceType: 'VPCE',
      },
    },
  };
}

export function basePathMappingV2(
  id = 'MappingV2',
  domainId = 'PrivateDomain',
  apiId = 'Api',
  stageId = 'Stage',
): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::BasePathMappingV2',
      Properties: {
        DomainNameArn: { 'Fn::GetAtt': [domainId, 'DomainNameArn'] },
        RestApiId: { Ref: apiId },
        Stage: { Ref: stageId },
      },
    },
  };
}

/** A routing rule on `domainId` that invokes `apiId` at `stage` for the base path given. */
export function routingRule(
  id = 'Rule',
  domainId = 'Domain',
  apiId: unknown = { Ref: 'Api' },
  stage: unknown = { Ref: 'Stage' },
  priority: unknown = 10,
): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGatewayV2::RoutingRule',
      Properties: {
        DomainNameArn: { 'Fn::GetAtt': [domainId, 'DomainNameArn'] },
        Priority: priority,
        Conditions: [{ MatchBasePaths: { AnyOf: [id.toLowerCase()] } }],
        Actions: [{ InvokeApi: { ApiId: apiId, Stage: stage } }],
      },
    },
  };
}

/** CDK: a REST API whose L1 carries the given security policy and access mode. */
export function cdkTlsRestApi(
  stack: Stack,
  securityPolicy?: string,
  endpointAccessMode?: string,
  props: apigw.RestApiProps = {},
): apigw.RestApi {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, ...props });
  api.root.addMethod('GET', new apigw.MockIntegration());
  const cfn = api.node.defaultChild as apigw.CfnRestApi;
  if (securityPolicy !== undefined) cfn.securityPolicy = securityPolicy;
  if (endpointAccessMode !== undefined) cfn.endpointAccessMode = endpointAccessMode;
  return api;
}

/** CDK: a routing rule (L1, there is no L2) on a domain, to a REST API stage. */
export function cdkRoutingRule(
  stack: Stack,
  id: string,
  domain: apigw.CfnDomainName,
  api: apigw.IRestApi,
  stage: string,
  priority: number,
): apigwv2.CfnRoutingRule {
  return new apigwv2.CfnRoutingRule(stack, id, {
    domainNameArn: domain.attrDomainNameArn,
    priority,
    conditions: [{ matchBasePaths: { anyOf: [id.toLowerCase()] } }],
    actions: [{ invokeApi: { apiId: api.restApiId, stage } }],
  });
}

export const TRUSTSTORE = 's3://trust-bucket/truststore.pem';

/** MutualTlsAuthentication with the given URI and (when given) version. */
export function mtls(version?: unknown, uri: unknown = TRUSTSTORE): Props {
  return {
    MutualTlsAuthentication: { TruststoreUri: uri, ...(version !== undefined ? { TruststoreVersion: version } : {}) },
  };
}

/** An ACM certificate resource; `authority` makes it an ACM Private CA certificate. */
export function acmCertificate(authority?: string, id = 'Cert'): Props {
  return {
    [id]: {
      Type: 'AWS::CertificateManager::Certificate',
      Properties: {
        DomainName: 'api.example.com',
        ...(authority ? { CertificateAuthorityArn: authority } : { ValidationMethod: 'DNS' }),
      },
    },
  };
}

/** CDK: a REGIONAL REST domain with mutual TLS (truststore version when given) mapped to a new REST API. */
export function cdkMtlsDomain(
  stack: Stack,
  options: {
    version?: string;
    certificate?: acm.ICertificate;
    ownership?: string;
    id?: string;
    api?: apigw.IRestApi;
  } = {},
): apigw.DomainName {
  const api =
    options.api ??
    new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, endpointTypes: [apigw.EndpointType.REGIONAL] });
  if (!options.api) (api as apigw.RestApi).root.addMethod('GET', new apigw.MockIntegration());
  const id = options.id ?? 'Domain';
  const bucket = s3.Bucket.fromBucketName(stack, `${id}Trust`, 'trust-bucket');
  const domain = new apigw.DomainName(stack, id, {
    domainName: `${id.toLowerCase()}.example.com`,
    certificate: options.certificate ?? acm.Certificate.fromCertificateArn(stack, `${id}Cert`, CERT_ARN),
    securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    mtls: { bucket, key: 'truststore.pem', version: options.version },
  });
  domain.addBasePathMapping(api, { basePath: id.toLowerCase() });
  if (options.ownership)
    (domain.node.defaultChild as apigw.CfnDomainName).ownershipVerificationCertificateArn = options.ownership;
  return domain;
}
