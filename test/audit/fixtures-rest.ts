import { restApi, type FakeRestApi } from './fake-aws/state';
import { ORDERS_LOG_GROUP, REGION, ACCOUNT, SEEDED_STAGE_SECRET, WEB_ACL_ARN } from './fixture-ids';

/** The well-configured REST API (orders): a prod stage with execution and access logs and a web ACL, a Cognito authorizer. */
export function ordersApi(): FakeRestApi {
  return restApi(
    {
      id: 'ord3rs',
      name: 'orders',
      endpointConfiguration: { types: ['REGIONAL'] },
      disableExecuteApiEndpoint: true,
      tags: {
        'data-classification': 'internal',
        owner: 'team-orders',
        'aws:cloudformation:logical-id': 'OrdersApi1A2B3C',
        'aws:cloudformation:stack-name': 'OrdersStack',
      },
      policy:
        '{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"execute-api:Invoke\\",\\"Resource\\":\\"*\\"}]}',
    },
    {
      stages: [
        {
          stageName: 'prod',
          description: 'Production',
          deploymentId: 'dep1',
          tracingEnabled: true,
          cacheClusterEnabled: false,
          webAclArn: WEB_ACL_ARN,
          clientCertificateId: 'cert1',
          accessLogSettings: {
            destinationArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${ORDERS_LOG_GROUP}`,
            format: '{"requestId":"$context.requestId"}',
          },
          methodSettings: {
            '*/*': {
              loggingLevel: 'ERROR',
              dataTraceEnabled: false,
              metricsEnabled: true,
              throttlingBurstLimit: 100,
              throttlingRateLimit: 50,
              cachingEnabled: false,
              cacheTtlInSeconds: 300,
              cacheDataEncrypted: false,
              requireAuthorizationForCacheControl: true,
            },
            '~1orders/POST': {
              loggingLevel: 'INFO',
              dataTraceEnabled: true,
              metricsEnabled: true,
              throttlingBurstLimit: -1,
              throttlingRateLimit: -1,
            },
          },
          variables: { apiKeySecret: SEEDED_STAGE_SECRET, backendHost: 'orders.internal' },
          tags: { 'aws:cloudformation:logical-id': 'OrdersApiDeploymentStageprod' },
        },
        { stageName: 'dev', deploymentId: 'dep1', methodSettings: {} },
      ],
      resources: [
        { id: 'root1', path: '/' },
        {
          id: 'res1',
          parentId: 'root1',
          path: '/orders',
          pathPart: 'orders',
          resourceMethods: {
            GET: {
              httpMethod: 'GET',
              authorizationType: 'COGNITO_USER_POOLS',
              authorizerId: 'auth1',
              authorizationScopes: ['orders/read'],
              apiKeyRequired: false,
              methodIntegration: {
                type: 'HTTP_PROXY',
                uri: 'https://backend.example.com/orders',
                connectionType: 'INTERNET',
                integrationResponses: {},
              },
            },
            POST: {
              httpMethod: 'POST',
              authorizationType: 'NONE',
              apiKeyRequired: true,
              requestValidatorId: 'val1',
              requestModels: { 'application/json': 'Order' },
              methodIntegration: {
                type: 'AWS_PROXY',
                uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:f/invocations',
              },
            },
            OPTIONS: {
              httpMethod: 'OPTIONS',
              authorizationType: 'NONE',
              methodIntegration: {
                type: 'MOCK',
                integrationResponses: {
                  '204': {
                    statusCode: '204',
                    responseParameters: {
                      'method.response.header.Access-Control-Allow-Origin': "'*'",
                      'method.response.header.Access-Control-Allow-Credentials': "'true'",
                    },
                  },
                },
              },
            },
          },
        },
      ],
      authorizers: [
        {
          id: 'auth1',
          name: 'cognito',
          type: 'COGNITO_USER_POOLS',
          providerARNs: [`arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/eu-west-1_abc`],
          identitySource: 'method.request.header.Authorization',
        },
      ],
      validators: [{ id: 'val1', name: 'body', validateRequestBody: true, validateRequestParameters: false }],
      models: [
        {
          id: 'm1',
          name: 'Order',
          contentType: 'application/json',
          schema: '{"type":"object","additionalProperties":false}',
        },
      ],
      gatewayResponses: [
        {
          responseType: 'DEFAULT_4XX',
          statusCode: '400',
          defaultResponse: false,
          responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'" },
          responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
        },
        { responseType: 'DEFAULT_5XX', defaultResponse: true, responseParameters: {}, responseTemplates: {} },
      ],
    },
  );
}

/** A bare REST API: defaults everywhere. */
export function legacyApi(): FakeRestApi {
  return restApi(
    { id: 'l3gacy', name: 'legacy', endpointConfiguration: { types: ['EDGE'] }, tags: {} },
    {
      stages: [{ stageName: 'v1', deploymentId: 'd9', methodSettings: {} }],
      resources: [
        { id: 'r0', path: '/' },
        {
          id: 'r1',
          parentId: 'r0',
          path: '/items',
          pathPart: 'items',
          resourceMethods: {
            GET: {
              httpMethod: 'GET',
              authorizationType: 'NONE',
              apiKeyRequired: false,
              methodIntegration: { type: 'HTTP', uri: 'http://legacy.example.com/items' },
            },
          },
        },
      ],
    },
  );
}
