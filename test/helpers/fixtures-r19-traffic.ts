/**
 * Fixture builders for the issue-19 traffic rules (dual-stack, response streaming, inventory hygiene).
 * Each template builder returns a Resources map fragment, like test/helpers/fixtures.ts.
 */
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Tags, type Duration, type Stack } from 'aws-cdk-lib';

type Props = Record<string, unknown>;

/** Tags that put an API in a data-classification tier. */
export function tier(name: string): Props[] {
  return [{ Key: 'data-classification', Value: name }];
}

/** CDK: a REST API with a MOCK root method, tagged with the tier when one is given. */
export function cdkTieredRestApi(
  stack: Stack,
  tierName: string | undefined,
  props: apigw.RestApiProps = {},
): apigw.RestApi {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, ...props });
  api.root.addMethod('GET', new apigw.MockIntegration());
  if (tierName !== undefined) Tags.of(api).add('data-classification', tierName);
  return api;
}

/** A REST method whose HTTP_PROXY integration streams its response (ResponseTransferMode STREAM). */
export function streamingMethod(integration: Props = {}, id = 'Method', apiId = 'Api'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: apiId },
        ResourceId: { 'Fn::GetAtt': [apiId, 'RootResourceId'] },
        HttpMethod: 'GET',
        AuthorizationType: 'AWS_IAM',
        Integration: {
          Type: 'HTTP_PROXY',
          IntegrationHttpMethod: 'GET',
          Uri: 'https://backend.example.com/stream',
          ResponseTransferMode: 'STREAM',
          ...integration,
        },
      },
    },
  };
}

/** Stage-wide throttling ('/*' '*'), as MethodSettings. */
export function throttled(rate: unknown = 100, burst: unknown = 50): Props {
  return {
    MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst }],
  };
}

/** CDK: a REST API whose root GET streams from an HTTP backend, with the given deploy options and timeout. */
export function cdkStreamingApi(
  stack: Stack,
  options: { deployOptions?: apigw.StageOptions; timeout?: Duration; streaming?: boolean } = {},
): apigw.RestApi {
  const api = new apigw.RestApi(stack, 'Api', {
    cloudWatchRole: false,
    endpointTypes: [apigw.EndpointType.REGIONAL],
    deployOptions: options.deployOptions,
  });
  const integration = new apigw.HttpIntegration('https://backend.example.com/stream', {
    proxy: true,
    httpMethod: 'GET',
    options: {
      responseTransferMode:
        options.streaming === false ? apigw.ResponseTransferMode.BUFFERED : apigw.ResponseTransferMode.STREAM,
      timeout: options.timeout,
    },
  });
  api.root.addMethod('GET', integration, { authorizationType: apigw.AuthorizationType.IAM });
  return api;
}

/** A resource policy: allow execute-api:Invoke, plus one statement with an IP condition. */
export function ipPolicy(effect: 'Allow' | 'Deny', operator: string, ranges: unknown, key = 'aws:SourceIp'): Props {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
      {
        Sid: 'Ip',
        Effect: effect,
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: 'execute-api:/*',
        Condition: { [operator]: { [key]: ranges } },
      },
    ],
  };
}

/** A REST API resource with the given endpoint configuration and policy. */
export function dualStackRestApi(policy: Props | undefined, endpoint: Props = {}, props: Props = {}): Props {
  return {
    Api: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: {
        Name: 'Api',
        EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: 'dualstack', ...endpoint },
        ...(policy ? { Policy: policy } : {}),
        ...props,
      },
    },
  };
}

/** An AWS::WAFv2::IPSet. */
export function ipSet(version: unknown, addresses: string[], id = 'IpSet'): Props {
  return {
    [id]: {
      Type: 'AWS::WAFv2::IPSet',
      Properties: { Name: id, Scope: 'REGIONAL', IPAddressVersion: version, Addresses: addresses },
    },
  };
}

/** A web ACL rule that blocks the callers of the IP sets (an OrStatement when there are several). */
export function ipSetRule(setIds: string[], priority = 5): Props {
  const refs = setIds.map((id) => ({ IPSetReferenceStatement: { Arn: { 'Fn::GetAtt': [id, 'Arn'] } } }));
  return {
    Name: 'BlockListed',
    Priority: priority,
    Action: { Block: {} },
    Statement: refs.length === 1 ? refs[0] : { OrStatement: { Statements: refs } },
    VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'blocklisted' },
  };
}
