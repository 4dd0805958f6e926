import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import rule from '../../../policies/rules/detailed-metrics';
import { allMethods, httpApi, restApi, restDeployment, restStage, v2Stage } from '../../helpers/fixtures';
import { cdkRestApi, describeCorpusAgreement } from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

const withOverride = {
  ...restApi(),
  ...restStage({
    MethodSettings: [
      ...allMethods({ MetricsEnabled: true }),
      { ResourcePath: '/~1health', HttpMethod: 'GET', MetricsEnabled: false },
    ],
  }),
};

testRule(rule, {
  valid: [
    {
      name: 'REST stage-wide MetricsEnabled',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ MetricsEnabled: true }) }) },
      cdk: (stack) => cdkRestApi(stack, { metricsEnabled: true }),
    },
    {
      name: 'HTTP API DefaultRouteSettings.DetailedMetricsEnabled',
      template: { ...httpApi(), ...v2Stage({ DefaultRouteSettings: { DetailedMetricsEnabled: true } }) },
      cdk: (stack) => {
        const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
        new apigwv2.HttpStage(stack, 'V2Stage', { httpApi: api, stageName: '$default', detailedMetricsEnabled: true });
      },
    },
    {
      name: 'Deployment StageDescription.MetricsEnabled',
      template: {
        ...restApi(),
        ...restDeployment('Deployment', 'Api', { StageName: 'prod', StageDescription: { MetricsEnabled: true } }),
      },
    },
    {
      name: 'an override turning metrics off is accepted when the standard ignores overrides',
      template: withOverride,
      options: { checkOverrides: false },
    },
    {
      name: 'no finding when the standard disables the rule for the public tier',
      template: { ...restApi({ Tags: [{ Key: 'data-classification', Value: 'public' }] }), ...restStage() },
      tiers: { public: { rules: { 'detailed-metrics': { enabled: false } } } },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a stage without metrics (CDK default RestApi)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => cdkRestApi(stack),
      message: /does not enable detailed metrics/,
      count: 1,
    },
    {
      name: 'fails an HTTP API default stage without detailed metrics (CDK default HttpApi)',
      template: { ...httpApi(), ...v2Stage() },
      cdk: (stack) => void new apigwv2.HttpApi(stack, 'HttpApi'),
    },
    { name: 'fails a method override that turns metrics off', template: withOverride, message: /GET \/health/ },
    {
      name: 'fails as unknown when MetricsEnabled comes from a parameter without default',
      template: {
        Parameters: { M: { Type: 'String' } },
        Resources: { ...restApi(), ...restStage({ MethodSettings: allMethods({ MetricsEnabled: { Ref: 'M' } }) }) },
      },
      expect: 'unknown',
      message: /parameter M/,
    },
  ],
});

describeCorpusAgreement(rule, [
  // Only stage-wide settings ('/*', '*') cover every method; KICS' "CloudWatch Metrics Disabled" query accepts any MethodSetting
  // with MetricsEnabled, so it would pass this stage. We fail it on purpose: new methods would have no metrics.
  {
    name: 'fails per-method-only metrics in a checkov fixture (KICS metrics query would pass it)',
    file: 'checkov-CKV_AWS_76-APIGatewayAccessLogging-pass.yaml',
    expect: { Enabled: 'fail' },
  },
  {
    name: 'passes a v2 stage with DefaultRouteSettings.DetailedMetricsEnabled',
    file: 'checkov-CKV_AWS_95-APIGatewayV2AccessLogging-pass.yaml',
    expect: { Enabled: 'pass' },
  },
]);
