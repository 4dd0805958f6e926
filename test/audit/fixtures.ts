import { emptyState, restApi, v2Api, type FakeState } from './fake-aws/state';

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
export const WEB_ACL_ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/orders-acl/0f1e2d3c-aaaa-bbbb-cccc-111122223333`;
export const ORDERS_LOG_GROUP = '/aws/apigateway/orders-prod';
/** Seeded secrets: no reporter output may contain them. */
export const SEEDED_STAGE_SECRET = 'sk_live_SEEDED_9f8e7d6c5b4a';
export const SEEDED_V2_SECRET = 'SEEDED-v2-password-77aa';

/**
 * A small account: one well-configured REST API (orders), one bare REST API (legacy), an HTTP API and a
 * WebSocket API, a usage plan, a custom domain shared by REST and HTTP mappings, a web ACL with logging.
 */
export function accountFixture(): FakeState {
  const state = emptyState();
  state.account = {
    cloudwatchRoleArn: `arn:aws:iam::${ACCOUNT}:role/apigw-cloudwatch`,
    throttleSettings: { burstLimit: 5000, rateLimit: 10000 },
  };
  state.restApis.push(
    restApi(
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
    ),
    restApi(
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
    ),
  );
  state.v2Apis.push(
    v2Api(
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
    ),
    v2Api(
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
    ),
  );
  state.usagePlans.push({
    id: 'plan1',
    name: 'partners',
    apiStages: [{ apiId: 'ord3rs', stage: 'prod' }],
    throttle: { burstLimit: 20, rateLimit: 10 },
    quota: { limit: 10000, offset: 0, period: 'MONTH' },
  });
  state.restDomains.push({
    domain: {
      domainName: 'api.example.com',
      securityPolicy: 'TLS_1_2',
      endpointConfiguration: { types: ['REGIONAL'] },
      domainNameArn: `arn:aws:apigateway:${REGION}::/domainnames/api.example.com`,
    },
    mappings: [{ basePath: '(none)', restApiId: 'ord3rs', stage: 'prod' }],
  });
  state.v2Domains.push(
    {
      domain: {
        domainName: 'api.example.com',
        domainNameConfigurations: [{ endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' }],
      },
      mappings: [
        { apiMappingId: 'am1', apiId: 'ord3rs', stage: 'prod', apiMappingKey: '' },
        { apiMappingId: 'am2', apiId: 'h77p01', stage: '$default', apiMappingKey: 'catalog' },
      ],
    },
    {
      domain: {
        domainName: 'ws.example.com',
        domainNameConfigurations: [{ endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' }],
        mutualTlsAuthentication: { truststoreUri: 's3://bucket/truststore.pem' },
      },
      mappings: [{ apiMappingId: 'am3', apiId: 'w5s001', stage: 'live', apiMappingKey: '' }],
    },
  );
  state.webAcls[WEB_ACL_ARN] = {
    webAcl: {
      Name: 'orders-acl',
      Id: '0f1e2d3c-aaaa-bbbb-cccc-111122223333',
      ARN: WEB_ACL_ARN,
      DefaultAction: { Allow: {} },
      Rules: [
        {
          Name: 'common',
          Priority: 0,
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
          OverrideAction: { None: {} },
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'common' },
        },
        {
          Name: 'rate',
          Priority: 1,
          Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP' } },
          Action: { Block: {} },
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'rate' },
        },
        {
          Name: 'bad-inputs',
          Priority: 2,
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' } },
          OverrideAction: { Count: {} },
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'bad' },
        },
      ],
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'acl' },
      Capacity: 800,
    },
    logging: {
      ResourceArn: WEB_ACL_ARN,
      LogDestinationConfigs: [`arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws-waf-logs-orders`],
      RedactedFields: [
        { SingleHeader: { Name: 'Authorization' } },
        { SingleHeader: { Name: 'cookie' } },
        { QueryString: {} },
      ],
    },
  };
  state.logGroups.push(
    {
      logGroupName: '/aws/apigateway/orders',
      retentionInDays: 1,
      arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/apigateway/orders:*`,
    },
    {
      logGroupName: ORDERS_LOG_GROUP,
      retentionInDays: 365,
      kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`,
      arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${ORDERS_LOG_GROUP}:*`,
    },
  );
  return state;
}
