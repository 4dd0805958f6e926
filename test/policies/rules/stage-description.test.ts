import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import rule from '../../../policies/rules/stage-description';
import { httpApi, restApi, restDeployment, restStage, v2Stage } from '../../helpers/fixtures';
import { cdkRestApi, describeCorpusAgreement } from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'REST stage with a description',
      template: { ...restApi(), ...restStage({ Description: 'Production, customer-facing' }) },
      cdk: (stack) => cdkRestApi(stack, { description: 'Production, customer-facing' }),
    },
    {
      name: 'Deployment StageDescription.Description',
      template: {
        ...restApi(),
        ...restDeployment('Deployment', 'Api', { StageName: 'prod', StageDescription: { Description: 'Production' } }),
      },
    },
    {
      name: 'HTTP API stage with a description',
      template: { ...httpApi(), ...v2Stage({ Description: 'Production' }) },
      cdk: (stack) => {
        const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
        new apigwv2.HttpStage(stack, 'V2Stage', { httpApi: api, stageName: '$default', description: 'Production' });
      },
    },
    {
      name: 'no finding when the standard disables the rule for the public tier',
      template: { ...restApi({ Tags: [{ Key: 'data-classification', Value: 'public' }] }), ...restStage() },
      tiers: { public: { rules: { 'stage-description': { enabled: false } } } },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a stage without description (CDK default RestApi)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => cdkRestApi(stack),
      message: /no description/,
      count: 1,
    },
    {
      name: 'fails a blank description',
      template: { ...restApi(), ...restStage({ Description: '   ' }) },
      message: /empty/,
    },
    {
      name: "fails a description shorter than the standard's minimum",
      template: { ...restApi(), ...restStage({ Description: 'prod' }) },
      options: { minLength: 10 },
      message: /4 characters/,
    },
    {
      name: 'fails as unknown when the description comes from a parameter without default',
      template: {
        Parameters: { D: { Type: 'String' } },
        Resources: { ...restApi(), ...restStage({ Description: { Ref: 'D' } }) },
      },
      expect: 'unknown',
      message: /parameter D/,
    },
  ],
});

describeCorpusAgreement(rule, [
  {
    name: 'passes a described stage (checkov fixture)',
    file: 'checkov-CKV_AWS_76-APIGatewayAccessLogging-fail.yaml',
    expect: { Default: 'pass' },
  },
]);
