import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/usage-plan-limits';
import { httpApi, restApi, restMethod, restStage, v2Stage } from '../../helpers/fixtures';
import { corpusTemplate, describeWithCorpus, usagePlan } from '../../helpers/fixtures-traffic';
import { findingsFor, testRule } from '../../helpers/rule-tester';

const keyed = restMethod({ ApiKeyRequired: true, AuthorizationType: 'AWS_IAM' });

function cdkKeyedApi(stack: Stack, plan?: apigw.UsagePlanProps): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration(), {
    apiKeyRequired: true,
    authorizationType: apigw.AuthorizationType.IAM,
  });
  if (plan) api.addUsagePlan('UsagePlan', plan).addApiStage({ stage: api.deploymentStage });
}

testRule(rule, {
  valid: [
    {
      name: 'keyed methods on a stage in a plan with throttle and quota',
      template: { ...restApi(), ...keyed, ...restStage(), ...usagePlan() },
      cdk: (stack) =>
        cdkKeyedApi(stack, {
          throttle: { rateLimit: 50, burstLimit: 100 },
          quota: { limit: 10000, period: apigw.Period.DAY },
        }),
    },
    {
      name: 'a stage without keyed methods needs no plan (cfn_nag W64 and KICS flag every stage without one)',
      template: { ...restApi(), ...restMethod({ AuthorizationType: 'AWS_IAM' }), ...restStage() },
      expect: 'skip',
    },
    { name: 'HTTP APIs have no usage plans', template: { ...httpApi(), ...v2Stage() }, expect: 'skip' },
    {
      name: 'a tier that does not require quotas accepts a throttle-only plan',
      template: {
        ...restApi({ Tags: [{ Key: 'data-classification', Value: 'public' }] }),
        ...keyed,
        ...restStage(),
        ...usagePlan({ Quota: undefined }),
      },
      tiers: { public: { rules: { 'usage-plan-limits': { options: { requireQuota: false } } } } },
    },
  ],
  invalid: [
    {
      name: 'fails keyed methods on a stage that is in no usage plan',
      template: { ...restApi(), ...keyed, ...restStage() },
      cdk: (stack) => cdkKeyedApi(stack),
      message: /Methods GET \/ require an API key, but the stage is in no usage plan/,
    },
    {
      name: 'fails a plan without throttle and quota',
      template: { ...restApi(), ...keyed, ...restStage(), ...usagePlan({ Throttle: undefined, Quota: undefined }) },
      cdk: (stack) => cdkKeyedApi(stack, {}),
      message: /sets no throttle rate limit or throttle burst limit/,
      count: 2,
    },
    {
      name: 'fails a plan with a rate but no burst',
      template: { ...restApi(), ...keyed, ...restStage(), ...usagePlan({ Throttle: { RateLimit: 10 } }) },
      message: /sets no throttle burst limit/,
      count: 1,
    },
    {
      name: 'fails a throttle-only plan where the tier requires a quota',
      template: { ...restApi(), ...keyed, ...restStage(), ...usagePlan({ Quota: undefined }) },
      message: /sets no quota/,
    },
    {
      name: 'fails as unknown when the quota limit comes from a parameter without default',
      template: {
        Parameters: { Quota: { Type: 'Number' } },
        Resources: {
          ...restApi(),
          ...keyed,
          ...restStage(),
          ...usagePlan({ Quota: { Limit: { Ref: 'Quota' }, Period: 'DAY' } }),
        },
      },
      expect: 'unknown',
      message: /parameter Quota/,
    },
    {
      name: 'fails as unknown when ApiKeyRequired comes from a parameter without default and no plan covers the stage',
      template: {
        Parameters: { NeedKey: { Type: 'String' } },
        Resources: {
          ...restApi(),
          ...restMethod({ ApiKeyRequired: { Ref: 'NeedKey' }, AuthorizationType: 'AWS_IAM' }),
          ...restStage(),
        },
      },
      expect: 'unknown',
      message: /require an API key is unresolved/,
    },
    {
      name: 'fails as unknown, not as "in no usage plan", when the stage name is unresolved and a plan names a stage of the API',
      template: {
        Parameters: { StageName: { Type: 'String' } },
        Resources: {
          ...restApi(),
          ...keyed,
          ...restStage({ StageName: { Ref: 'StageName' } }),
          ...usagePlan({ ApiStages: [{ ApiId: { Ref: 'Api' }, Stage: 'prod' }] }),
        },
      },
      expect: 'unknown',
      message:
        /usage plan\(s\) UsagePlan cover a stage of this API, and this stage's name is unresolved \(parameter StageName/,
    },
  ],
});

describeWithCorpus('usage-plan-limits on the shared corpus (peer agreement)', () => {
  const findings = (file: string) => findingsFor(rule, corpusTemplate(file));
  const statuses = (file: string) => [...new Set(findings(file).map((f) => f.status))];

  it('is unknown where cfn_nag W64 flags four stages: their API is not in the template, so whether its methods need keys (and so a plan) cannot be known', () => {
    const found = findings('cfnnag-api_gateway-api_gateway_usage_plan_does_not_exist_for_api_stage.yaml');
    expect(found).toHaveLength(4);
    expect(new Set(found.map((f) => f.status))).toEqual(new Set(['unknown']));
  });

  it('fails the plans cfn_nag W64 passes: the stages are in plans, but the plans set neither throttle nor quota', () => {
    const found = findings('cfnnag-api_gateway-api_gateway_usage_plan_exists_for_api_stage.yaml');
    expect(statuses('cfnnag-api_gateway-api_gateway_usage_plan_exists_for_api_stage.yaml')).toEqual(['fail']);
    expect(new Set(found.map((f) => f.resource.source.logicalId))).toEqual(
      new Set(['ApiGatewayUsagePlan1', 'ApiGatewayUsagePlan2']),
    );
  });

  it('passes where KICS flags kics-stage-no-usageplan-positive2: the plan lists the stage by !Ref and sets throttle and quota', () => {
    expect(statuses('kics-stage-no-usageplan-positive2.yaml')).toEqual(['pass']);
  });

  it('passes kics-stage-no-usageplan-negative2 like KICS: the plan lists the stage by literal API id and stage name', () => {
    expect(statuses('kics-stage-no-usageplan-negative2.json')).toEqual(['pass']);
  });
});
