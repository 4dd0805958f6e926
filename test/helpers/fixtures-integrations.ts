/**
 * Building blocks for the integration rules (backend certificate, HTTPS, URI injection, third parties,
 * private integration TLS). Same style as fixtures.ts.
 */
import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { restApi, restMethod, restStage } from './fixtures';

type Props = Record<string, unknown>;

/** A REST method on the root resource with an HTTP_PROXY integration to `uri`. */
export function restHttpMethod(uri: unknown, integration: Props = {}, id = 'Method', apiId = 'Api'): Props {
  return restMethod(
    { Integration: { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'ANY', Uri: uri, ...integration } },
    id,
    apiId,
  );
}

/** REST API + one stage + one HTTP_PROXY method. */
export function restApiCalling(uri: unknown, integration: Props = {}, stage: Props = {}, apiProps: Props = {}): Props {
  return { ...restApi(apiProps), ...restStage(stage), ...restHttpMethod(uri, integration) };
}

/** HTTP API + $default stage + one route `GET /orders` to an integration with the given properties. */
export function httpApiCalling(integration: Props, stage: Props = {}): Props {
  return {
    HttpApi: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'HttpApi', ProtocolType: 'HTTP' } },
    V2Stage: {
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: { Ref: 'HttpApi' }, StageName: '$default', ...stage },
    },
    Integration: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'HttpApi' },
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'ANY',
        PayloadFormatVersion: '1.0',
        ...integration,
      },
    },
    Route: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'HttpApi' },
        RouteKey: 'GET /orders',
        Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'Integration' }]] },
      },
    },
  };
}

/** CDK RestApi whose root GET proxies to `url`. */
export function cdkRestApiCalling(
  stack: Stack,
  url: string,
  deployOptions: apigw.StageOptions = {},
  options: apigw.IntegrationOptions = {},
): apigw.RestApi {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, deployOptions });
  api.root.addMethod('GET', new apigw.HttpIntegration(url, { proxy: true, httpMethod: 'ANY', options }));
  return api;
}

/** CDK HttpApi whose `GET /orders` proxies to `url`. */
export function cdkHttpApiCalling(stack: Stack, url: string): apigwv2.HttpApi {
  const api = new apigwv2.HttpApi(stack, 'HttpApi');
  api.addRoutes({
    path: '/orders',
    methods: [apigwv2.HttpMethod.GET],
    integration: new integrations.HttpUrlIntegration('Backend', url),
  });
  return api;
}
