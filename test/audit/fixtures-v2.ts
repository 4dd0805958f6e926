import { v2Api, type FakeV2Api } from './fake-aws/state';
import { REGION, ACCOUNT, SEEDED_V2_SECRET } from './fixture-ids';

/** The HTTP API of the fake account. */
export function httpApi(): FakeV2Api {
  return v2Api(
    {
      apiId: 'h77p01',
      name: 'catalog',
      protocolType: 'HTTP',
      disableExecuteApiEndpoint: false,
      corsConfiguration: { allowOrigins: ['*'], allowCredentials: false },
      tags: { 'data-classification': 'public', owner: 'team-catalog' },
    },
    {
      stages: [
        {
          stageName: '$default',
          autoDeploy: true,
          defaultRouteSettings: {
            detailedMetricsEnabled: false,
            throttlingBurstLimit: 200,
            throttlingRateLimit: 100,
          },
          accessLogSettings: {
            destinationArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/http/missing`,
            format: '$context.requestId',
          },
          stageVariables: { dbPassword: SEEDED_V2_SECRET },
          routeSettings: { 'GET /items': { throttlingBurstLimit: 10, throttlingRateLimit: 5 } },
        },
      ],
      routes: [
        {
          routeId: 'rt1',
          routeKey: 'GET /items',
          authorizationType: 'JWT',
          authorizerId: 'jwt1',
          authorizationScopes: ['items/read'],
          target: 'integrations/int1',
        },
        { routeId: 'rt2', routeKey: '$default', authorizationType: 'NONE', target: 'integrations/int2' },
      ],
      authorizers: [
        {
          authorizerId: 'jwt1',
          name: 'jwt',
          authorizerType: 'JWT',
          identitySource: ['$request.header.Authorization'],
          jwtConfiguration: { audience: ['catalog'], issuer: 'https://issuer.example.com' },
        },
      ],
      integrations: [
        {
          integrationId: 'int1',
          integrationType: 'HTTP_PROXY',
          integrationUri: 'https://catalog.example.com',
          integrationMethod: 'ANY',
          payloadFormatVersion: '1.0',
        },
        {
          integrationId: 'int2',
          integrationType: 'HTTP_PROXY',
          integrationUri: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/x/y/z',
          connectionType: 'VPC_LINK',
          connectionId: 'vl1',
          tlsConfig: { serverNameToVerify: 'internal.example.com' },
        },
      ],
    },
  );
}

/** The WebSocket API of the fake account. */
export function websocketApi(): FakeV2Api {
  return v2Api(
    {
      apiId: 'w5s001',
      name: 'chat',
      protocolType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
      tags: {},
    },
    {
      stages: [
        {
          stageName: 'live',
          defaultRouteSettings: { loggingLevel: 'ERROR', dataTraceEnabled: false, detailedMetricsEnabled: true },
        },
      ],
      routes: [
        { routeId: 'c1', routeKey: '$connect', authorizationType: 'AWS_IAM' },
        { routeId: 'c2', routeKey: '$disconnect', authorizationType: 'NONE' },
      ],
    },
  );
}
