import { emptyState, type FakeState } from './fake-aws/state';
import { ACCOUNT, ORDERS_LOG_GROUP, REGION, WEB_ACL_ARN } from './fixture-ids';
import { legacyApi, ordersApi } from './fixtures-rest';
import { httpApi, websocketApi } from './fixtures-v2';

export * from './fixture-ids';

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
  state.restApis.push(ordersApi(), legacyApi());
  state.v2Apis.push(httpApi(), websocketApi());
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
