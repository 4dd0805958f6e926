import rule from '../../../policies/rules/tracing';
import { httpApi, restApi, restDeployment, restStage, v2Stage, webSocketApi } from '../../helpers/fixtures';
import { cdkRestApi, describeCorpusAgreement } from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'REST stage with TracingEnabled',
      template: { ...restApi(), ...restStage({ TracingEnabled: true }) },
      cdk: (stack) => cdkRestApi(stack, { tracingEnabled: true }),
    },
    {
      name: 'TracingEnabled as the string "true" (CloudFormation accepts it)',
      template: { ...restApi(), ...restStage({ TracingEnabled: 'true' }) },
    },
    {
      name: 'Deployment StageDescription.TracingEnabled',
      template: {
        ...restApi(),
        ...restDeployment('Deployment', 'Api', { StageName: 'prod', StageDescription: { TracingEnabled: true } }),
      },
    },
    {
      name: 'HTTP API stages are out of scope (X-Ray is REST-only)',
      template: { ...httpApi(), ...v2Stage() },
      expect: 'skip',
    },
    {
      name: 'WebSocket stages are out of scope',
      template: { ...webSocketApi(), ...v2Stage({}, 'WsStage', 'WsApi') },
      expect: 'skip',
    },
    {
      name: 'no finding when the standard disables the rule for the public tier',
      template: { ...restApi({ Tags: [{ Key: 'data-classification', Value: 'public' }] }), ...restStage() },
      tiers: { public: { rules: { tracing: { enabled: false } } } },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a stage without TracingEnabled (CDK default RestApi)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => cdkRestApi(stack),
      message: /does not enable X-Ray/,
      count: 1,
    },
    {
      name: 'fails TracingEnabled false',
      template: { ...restApi(), ...restStage({ TracingEnabled: false }) },
      cdk: (stack) => cdkRestApi(stack, { tracingEnabled: false }),
      message: /false/,
    },
    {
      name: 'fails as unknown when TracingEnabled comes from a parameter without default',
      template: {
        Parameters: { Tracing: { Type: 'String' } },
        Resources: { ...restApi(), ...restStage({ TracingEnabled: { Ref: 'Tracing' } }) },
      },
      expect: 'unknown',
      message: /parameter Tracing/,
    },
  ],
});

describeCorpusAgreement(rule, [
  {
    name: 'agrees with checkov CKV_AWS_73 FAIL',
    file: 'checkov-CKV_AWS_73-APIGatewayXray-fail.yaml',
    expect: { Default: 'fail', Disabled: 'fail' },
  },
  {
    name: 'agrees with checkov CKV_AWS_73 PASS',
    file: 'checkov-CKV_AWS_73-APIGatewayXray-pass.yaml',
    expect: { Enabled: 'pass' },
  },
  {
    name: 'agrees with KICS X-Ray disabled positive',
    file: 'kics-xray-disabled-positive1.yaml',
    expect: { ProdPos3: 'fail' },
  },
  {
    name: 'agrees with KICS X-Ray disabled negative',
    file: 'kics-xray-disabled-negative1.yaml',
    expect: { ProdNeg1: 'pass' },
  },
]);
