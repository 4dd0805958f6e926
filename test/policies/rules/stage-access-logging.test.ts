import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import rule from '../../../policies/rules/stage-access-logging';
import { httpApi, restApi, restDeployment, restStage, v2Stage, webSocketApi } from '../../helpers/fixtures';
import {
  accessLogTo,
  cdkAccessLog,
  cdkRestApi,
  describeCorpusAgreement,
  logGroup,
} from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'REST stage logging to a log group in the template',
      template: { ...restApi(), ...logGroup(), ...restStage({ AccessLogSetting: accessLogTo() }) },
      cdk: (stack) => cdkRestApi(stack, cdkAccessLog(stack)),
    },
    {
      name: 'stage created by a Deployment with StageDescription.AccessLogSetting',
      template: {
        ...restApi(),
        ...logGroup(),
        ...restDeployment('Deployment', 'Api', {
          StageName: 'prod',
          StageDescription: { AccessLogSetting: accessLogTo() },
        }),
      },
    },
    {
      name: 'HTTP API stage with AccessLogSettings',
      template: { ...httpApi(), ...logGroup(), ...v2Stage({ AccessLogSettings: accessLogTo() }) },
      cdk: (stack) => {
        const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
        const group = new logs.LogGroup(stack, 'AccessLogs');
        new apigwv2.CfnStage(stack, 'V2Stage', {
          apiId: api.apiId,
          stageName: '$default',
          accessLogSettings: { destinationArn: group.logGroupArn, format: '{"requestId":"$context.requestId"}' },
        });
      },
    },
    {
      name: 'WebSocket stage with AccessLogSettings',
      template: {
        ...webSocketApi(),
        ...logGroup(),
        ...v2Stage({ AccessLogSettings: accessLogTo() }, 'WsStage', 'WsApi'),
      },
    },
    {
      name: 'destination log group outside the template, named by a literal ARN (the destination itself is known)',
      template: {
        ...restApi(),
        ...restStage({
          AccessLogSetting: {
            DestinationArn: 'arn:aws:logs:eu-west-1:111111111111:log-group:shared-access-logs',
            Format: '$context.requestId',
          },
        }),
      },
    },
    {
      name: 'destination without format when the standard does not require a format',
      template: { ...restApi(), ...logGroup(), ...restStage({ AccessLogSetting: accessLogTo('AccessLogs', null) }) },
      options: { requireFormat: false },
    },
    {
      name: 'no finding when the standard turns the rule off for the API tier',
      template: { ...restApi({ Tags: [{ Key: 'data-classification', Value: 'public' }] }), ...restStage() },
      tiers: { public: { rules: { 'stage-access-logging': { enabled: false } } } },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a REST stage without AccessLogSetting (CDK default RestApi)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => cdkRestApi(stack),
      message: /no access log destination/,
      count: 1,
    },
    {
      name: 'fails an HTTP API default stage without AccessLogSettings (CDK default HttpApi)',
      template: { ...httpApi(), ...v2Stage() },
      cdk: (stack) => void new apigwv2.HttpApi(stack, 'HttpApi'),
      message: /no access log destination/,
    },
    {
      name: 'fails a stage created by a Deployment without StageDescription (cfn_nag W45 flags the deployment)',
      template: { ...restApi(), ...restDeployment('Deployment', 'Api', { StageName: 'prod' }) },
      message: /no access log destination/,
    },
    {
      name: 'fails a destination without a format (checkov CKV_AWS_76 only checks DestinationArn and would pass it)',
      template: { ...restApi(), ...logGroup(), ...restStage({ AccessLogSetting: accessLogTo('AccessLogs', null) }) },
      message: /no access log format/,
    },
    {
      name: 'fails as unknown when the destination comes from a parameter without default',
      template: {
        Parameters: { LogArn: { Type: 'String' } },
        Resources: {
          ...restApi(),
          ...restStage({ AccessLogSetting: { DestinationArn: { Ref: 'LogArn' }, Format: '$context.requestId' } }),
        },
      },
      expect: 'unknown',
      message: /parameter LogArn/,
    },
  ],
});

describeCorpusAgreement(rule, [
  {
    name: 'agrees with checkov CKV_AWS_76 FAIL',
    file: 'checkov-CKV_AWS_76-APIGatewayAccessLogging-fail.yaml',
    expect: { Default: 'fail' },
  },
  {
    name: 'agrees with checkov CKV_AWS_76 PASS',
    file: 'checkov-CKV_AWS_76-APIGatewayAccessLogging-pass.yaml',
    expect: { Enabled: 'pass' },
  },
  {
    name: 'agrees with checkov CKV_AWS_95 FAIL',
    file: 'checkov-CKV_AWS_95-APIGatewayV2AccessLogging-fail.yaml',
    expect: { Default: 'fail' },
  },
  {
    name: 'agrees with checkov CKV_AWS_95 PASS',
    file: 'checkov-CKV_AWS_95-APIGatewayV2AccessLogging-pass.yaml',
    expect: { Enabled: 'pass' },
  },
  {
    name: 'agrees with KICS stage access logging positive',
    file: 'kics-stage-no-accesslog-positive1.yaml',
    expect: { Prod: 'fail' },
  },
  {
    name: 'agrees with KICS v2 stage access logging positive',
    file: 'kics-v2-stage-no-accesslog-positive1.yaml',
    expect: { MyStage: 'fail' },
  },
]);
