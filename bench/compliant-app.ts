import type { Stack } from 'aws-cdk-lib';
import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, WebSocketIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { IConstruct } from 'constructs';

/**
 * The `compliant` workload: the plain workload's APIs written with plain aws-cdk-lib constructs so they pass
 * the shipped standard (policies/standards/default.json). REST APIs rotate through the tiers that allow a
 * REGIONAL endpoint (restricted, confidential, public) and all satisfy the strictest; `internal` wants
 * PRIVATE endpoints (a VPC and endpoints), which this workload leaves out. HTTP APIs are `public`, the only
 * tier that does not require a WAF (HTTP APIs cannot attach one). WebSocket APIs are `restricted`.
 * Shared: one KMS key, one access log group, one web ACL with its logging, the account CloudWatch role,
 * one user pool and one Lambda function for the HTTP routes.
 */
export const REST_TIERS = ['restricted', 'confidential', 'public'] as const;

/** Access log fields the access-log-format rule asks for, per API kind (JSON, one object per request). */
const ACCESS_LOG_FORMAT = {
  rest: {
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    principal: '$context.authorizer.principalId',
    caller: '$context.identity.userArn',
    method: '$context.httpMethod',
    path: '$context.resourcePath',
    status: '$context.status',
    latency: '$context.responseLatency',
  },
  http: {
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    caller: '$context.identity.userArn',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latency: '$context.responseLatency',
  },
  websocket: {
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    caller: '$context.identity.userArn',
    routeKey: '$context.routeKey',
    status: '$context.status',
    latency: '$context.integrationLatency',
  },
} as const;

/** Within restricted's bounds (rate ≤ 500, burst ≤ 1000), so within every tier's. */
const THROTTLE = { rateLimit: 100, burstLimit: 200 };

interface Shared {
  readonly accessLogs: logs.LogGroup;
  readonly webAcl: wafv2.CfnWebACL;
  readonly userPool: cognito.UserPool;
  readonly handler: lambda.Function;
}

export function buildCompliantApis(stack: Stack, n: number): void {
  const shared = sharedResources(stack);
  for (let i = 0; i < n; i++) {
    compliantRestApi(stack, i, shared);
    if (i % 10 === 0) compliantHttpApi(stack, i, shared);
    if (i % 20 === 0) compliantWebSocketApi(stack, i, shared);
  }
}

function tag(scope: IConstruct, tier: string): void {
  Tags.of(scope).add('owner', 'bench-team');
  Tags.of(scope).add('data-classification', tier);
}

function sharedResources(stack: Stack): Shared {
  // Confidential and restricted tiers want access logs kept a year and encrypted with a customer key.
  const key = new kms.Key(stack, 'LogKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
  key.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`));
  const accessLogs = new logs.LogGroup(stack, 'AccessLogs', {
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: key,
  });
  // Execution logging needs the account-wide CloudWatch role (account-logging-role).
  const role = new iam.Role(stack, 'ApiGatewayCloudWatchRole', {
    assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonAPIGatewayPushToCloudWatchLogs')],
  });
  new apigw.CfnAccount(stack, 'ApiGatewayAccount', { cloudWatchRoleArn: role.roleArn });
  const webAcl = new wafv2.CfnWebACL(stack, 'Acl', {
    name: 'bench-acl',
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'acl', sampledRequestsEnabled: true },
    rules: [
      managedGroup('AWSManagedRulesCommonRuleSet', 1),
      managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 2),
      managedGroup('AWSManagedRulesAmazonIpReputationList', 3),
      {
        name: 'RateLimit',
        priority: 4,
        // restricted allows at most 2,000 requests per window per client.
        statement: { rateBasedStatement: { limit: 1000, aggregateKeyType: 'IP' } },
        action: { block: {} },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'RateLimit', sampledRequestsEnabled: true },
      },
    ],
  });
  // WAF log groups must be named aws-waf-logs-*; credentials are redacted (waf-logging).
  const wafLogs = new logs.LogGroup(stack, 'WafLogs', {
    logGroupName: 'aws-waf-logs-bench',
    retention: logs.RetentionDays.ONE_YEAR,
  });
  new wafv2.CfnLoggingConfiguration(stack, 'AclLogging', {
    resourceArn: webAcl.attrArn,
    logDestinationConfigs: [wafLogs.logGroupArn],
    redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
  });
  const userPool = new cognito.UserPool(stack, 'Users', {
    removalPolicy: RemovalPolicy.DESTROY,
    passwordPolicy: {
      minLength: 14,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      passwordHistorySize: 5,
    },
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    featurePlan: cognito.FeaturePlan.PLUS,
    standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
  });
  const handler = new lambda.Function(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "[]" });'),
  });
  return { accessLogs, webAcl, userPool, handler };
}

function managedGroup(name: string, priority: number): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    overrideAction: { none: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
  };
}

function compliantRestApi(stack: Stack, i: number, shared: Shared): void {
  const api = new apigw.RestApi(stack, `Api${i}`, {
    cloudWatchRole: false,
    // EDGE is not allowed in the confidential and restricted tiers.
    endpointTypes: [apigw.EndpointType.REGIONAL],
    deployOptions: {
      stageName: 'prod',
      description: `Production stage of bench API ${i}`,
      tracingEnabled: true,
      metricsEnabled: true,
      loggingLevel: apigw.MethodLoggingLevel.ERROR,
      dataTraceEnabled: false,
      throttlingRateLimit: THROTTLE.rateLimit,
      throttlingBurstLimit: THROTTLE.burstLimit,
      accessLogDestination: new apigw.LogGroupLogDestination(shared.accessLogs),
      accessLogFormat: apigw.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FORMAT.rest)),
    },
  });
  tag(api, REST_TIERS[i % REST_TIERS.length]);
  // The RestApi L2 has no prop for the API's own TLS policy (a 2025 CloudFormation property).
  const cfnApi = api.node.defaultChild as apigw.CfnRestApi;
  cfnApi.securityPolicy = 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09';
  cfnApi.endpointAccessMode = 'STRICT';
  for (const [id, type] of [
    ['Default4xx', apigw.ResponseType.DEFAULT_4XX],
    ['Default5xx', apigw.ResponseType.DEFAULT_5XX],
  ] as const) {
    api.addGatewayResponse(id, {
      type,
      templates: { 'application/json': '{"message":"Request failed","requestId":"$context.requestId"}' },
    });
  }
  const validator = api.addRequestValidator('Validator', {
    validateRequestBody: true,
    validateRequestParameters: true,
  });
  const model = api.addModel('Item', {
    contentType: 'application/json',
    schema: {
      type: apigw.JsonSchemaType.OBJECT,
      properties: { name: { type: apigw.JsonSchemaType.STRING, maxLength: 100 } },
      required: ['name'],
      additionalProperties: false,
    },
  });
  const authorizer = new apigw.CognitoUserPoolsAuthorizer(stack, `Authorizer${i}`, {
    cognitoUserPools: [shared.userPool],
  });
  const items = api.root.addResource('items');
  items.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
  items.addMethod('POST', new apigw.MockIntegration(), {
    authorizer,
    authorizationType: apigw.AuthorizationType.COGNITO,
    authorizationScopes: ['bench/items.write'],
    requestValidator: validator,
    requestModels: { 'application/json': model },
  });
  new wafv2.CfnWebACLAssociation(stack, `Assoc${i}`, {
    resourceArn: api.deploymentStage.stageArn,
    webAclArn: shared.webAcl.attrArn,
  });
}

/** What HTTP and WebSocket stages share: auto-deploy, throttling, detailed metrics and JSON access logs. */
function v2StageSettings(shared: Shared, kind: 'http' | 'websocket', description: string) {
  return {
    autoDeploy: true,
    description,
    throttle: THROTTLE,
    detailedMetricsEnabled: true,
    accessLogSettings: {
      destination: new apigwv2.LogGroupLogDestination(shared.accessLogs),
      format: apigw.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FORMAT[kind])),
    },
  };
}

function compliantHttpApi(stack: Stack, i: number, shared: Shared): void {
  const api = new apigwv2.HttpApi(stack, `Http${i}`, { createDefaultStage: false });
  tag(api, 'public');
  api.addStage('Stage', {
    stageName: '$default',
    ...v2StageSettings(shared, 'http', `Default stage of bench HTTP API ${i}`),
  });
  api.addRoutes({
    path: '/items',
    methods: [apigwv2.HttpMethod.GET],
    integration: new HttpLambdaIntegration(`Items${i}`, shared.handler),
    authorizer: new HttpIamAuthorizer(),
  });
}

function compliantWebSocketApi(stack: Stack, i: number, shared: Shared): void {
  const api = new apigwv2.WebSocketApi(stack, `Ws${i}`, {
    connectRouteOptions: {
      integration: new WebSocketMockIntegration(`Connect${i}`),
      authorizer: new WebSocketIamAuthorizer(),
    },
  });
  tag(api, 'restricted');
  const stage = new apigwv2.WebSocketStage(stack, `WsStage${i}`, {
    webSocketApi: api,
    stageName: 'prod',
    ...v2StageSettings(shared, 'websocket', `Production stage of bench WebSocket API ${i}`),
  });
  // The stage is the stack's child, not the API's: tags on the API do not reach it.
  tag(stage, 'restricted');
  // The L2 stage has no execution-logging option: set it on the L1 (restricted forbids INFO and data tracing).
  const cfn = stage.node.defaultChild as apigwv2.CfnStage;
  cfn.addPropertyOverride('DefaultRouteSettings.LoggingLevel', 'ERROR');
  cfn.addPropertyOverride('DefaultRouteSettings.DataTraceEnabled', false);
}
