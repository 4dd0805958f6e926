import {
  App,
  Stack,
  aws_apigateway as apigw,
  aws_apigatewayv2 as apigwv2,
  aws_cognito as cognito,
  aws_logs as logs,
  aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { fromTemplate } from '../../lib/model/template';
import type { Inventory, Stage } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';
import { hasToken } from './helpers';

function synth(): Inventory {
  const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(app, 'CdkStack', { env: { account: '123456789012', region: 'eu-west-1' } });
  const accessLogs = new logs.LogGroup(stack, 'AccessLogs', { retention: logs.RetentionDays.THREE_MONTHS });
  const rest = new apigw.RestApi(stack, 'Rest', {
    endpointTypes: [apigw.EndpointType.REGIONAL],
    deployOptions: {
      stageName: 'prod',
      loggingLevel: apigw.MethodLoggingLevel.ERROR,
      tracingEnabled: true,
      throttlingRateLimit: 100,
      throttlingBurstLimit: 50,
      accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
      accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
    },
    defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'] },
  });
  const pool = new cognito.UserPool(stack, 'Pool');
  const authorizer = new apigw.CognitoUserPoolsAuthorizer(stack, 'Authorizer', { cognitoUserPools: [pool] });
  rest.root
    .addResource('orders')
    .addMethod('GET', new apigw.MockIntegration(), { authorizer, authorizationScopes: ['orders/read'] });
  const acl = new wafv2.CfnWebACL(stack, 'Acl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'acl', sampledRequestsEnabled: true },
    rules: [
      {
        name: 'common',
        priority: 0,
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
        overrideAction: { none: {} },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'common', sampledRequestsEnabled: true },
      },
    ],
  });
  new wafv2.CfnWebACLAssociation(stack, 'AclAssociation', {
    resourceArn: rest.deploymentStage.stageArn,
    webAclArn: acl.attrArn,
  });
  const http = new apigwv2.HttpApi(stack, 'Http', { corsPreflight: { allowOrigins: ['*'] } });
  http.addRoutes({
    path: '/items',
    methods: [apigwv2.HttpMethod.GET],
    integration: new (class extends apigwv2.HttpRouteIntegration {
      bind(): apigwv2.HttpRouteIntegrationConfig {
        return {
          type: apigwv2.HttpIntegrationType.HTTP_PROXY,
          uri: 'https://backend.example.com',
          method: apigwv2.HttpMethod.GET,
          payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_1_0,
        };
      }
    })('Backend'),
  });
  return fromTemplate(Template.fromStack(stack).toJSON(), { stackName: stack.stackName });
}

describe('fromTemplate on a CDK-synthesized stack', () => {
  const inventory = synth();
  const rest = inventory.apis.find((api) => api.kind === 'rest');
  const http = inventory.apis.find((api) => api.kind === 'http');
  const stage = rest?.stages[0] as Stage;

  it('models the RestApi with construct paths and its deployOptions stage', () => {
    expect(rest?.external).toBe(false);
    expect(rest?.source.constructPath).toBe('CdkStack/Rest/Resource');
    expect(rest?.endpointTypes).toEqual(['REGIONAL']);
    expect(rest?.stages).toHaveLength(1);
    expect(stage.name).toBe('prod');
    expect(stage.settings.loggingLevel).toBe('ERROR');
    expect(stage.settings.throttle).toEqual({ rateLimit: 100, burstLimit: 50 });
    expect(stage.tracing).toBe(true);
  });

  it('links the access log to the CDK log group', () => {
    expect(stage.accessLog?.format).toContain('$context.requestId');
    const group = stage.accessLog?.logGroup;
    expect(group && !isUnresolved(group) ? group.retentionDays : undefined).toBe(90);
  });

  it('models methods with the Cognito authorizer and the CORS preflight', () => {
    const get = rest?.operations.find((op) => op.method === 'GET');
    expect(get?.path).toBe('/orders');
    expect(get?.auth.type).toBe('COGNITO_USER_POOLS');
    expect(get?.auth.scopes).toEqual(['orders/read']);
    expect(get?.auth.authorizer && !isUnresolved(get.auth.authorizer) ? get.auth.authorizer.type : undefined).toBe(
      'COGNITO_USER_POOLS',
    );
    expect(
      rest?.operations
        .filter((op) => op.method === 'OPTIONS')
        .map((op) => op.path)
        .sort(),
    ).toEqual(['/', '/orders']);
    expect(rest?.cors[0]).toEqual(
      expect.objectContaining({ from: 'preflight', allowOrigins: ['https://app.example.com'] }),
    );
  });

  it('links the WAF association made with stage.stageArn (Fn::Join of Refs) to the stage', () => {
    const webAcl = stage.waf?.webAcl;
    expect(webAcl && !isUnresolved(webAcl) ? webAcl.rules : undefined).toEqual([
      expect.objectContaining({
        name: 'common',
        managedRuleGroup: { vendor: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
        countOnly: false,
      }),
    ]);
    expect(stage.waf?.source.logicalId).toMatch(/^AclAssociation/);
  });

  it('models the HttpApi with its route, integration, CORS and $default stage', () => {
    expect(http?.operations.map((op) => op.routeKey)).toEqual(['GET /items']);
    expect(http?.operations[0].integration?.uri).toBe('https://backend.example.com');
    expect(http?.cors[0].allowOrigins).toEqual(['*']);
    expect(http?.stages.map((s) => s.name)).toEqual(['$default']);
    expect(inventory.notices).toEqual([]);
  });

  it('leaks no internal reference token into the model', () => {
    expect(hasToken(JSON.stringify(inventory))).toBe(false);
  });
});
