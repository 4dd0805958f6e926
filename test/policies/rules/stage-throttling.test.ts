import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import rule from '../../../policies/rules/stage-throttling';
import { allMethods, httpApi, restApi, restStage, v2Stage, webSocketApi } from '../../helpers/fixtures';
import { cdkRestApi } from '../../helpers/fixtures-traffic';
import { testRule } from '../../helpers/rule-tester';

const limits = (rate: unknown, burst: unknown) => ({ ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst });
const publicApi = { Tags: [{ Key: 'data-classification', Value: 'public' }] };

testRule(rule, {
  valid: [
    {
      name: 'REST stage-wide rate and burst within bounds',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods(limits(100, 200)) }) },
      cdk: (stack) =>
        void cdkRestApi(stack, { deployOptions: { throttlingRateLimit: 100, throttlingBurstLimit: 200 } }),
    },
    {
      name: 'limits set through a Deployment StageDescription',
      template: {
        ...restApi(),
        Deployment: {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod', StageDescription: limits(50, 100) },
        },
      },
    },
    {
      name: 'HTTP API stage with DefaultRouteSettings throttling',
      template: { ...httpApi(), ...v2Stage({ StageName: 'prod', DefaultRouteSettings: limits(100, 200) }) },
      cdk: (stack) => {
        const api = new apigwv2.HttpApi(stack, 'HttpApi', { createDefaultStage: false });
        api.addStage('prod', { stageName: 'prod', autoDeploy: true, throttle: { rateLimit: 100, burstLimit: 200 } });
      },
    },
    {
      name: 'WebSocket stage with DefaultRouteSettings throttling',
      template: {
        ...webSocketApi(),
        ...v2Stage({ StageName: 'prod', DefaultRouteSettings: limits(10, 20) }, 'WsStage', 'WsApi'),
      },
    },
    {
      name: 'a method override that lowers the rate and leaves burst to the stage default',
      template: {
        ...restApi(),
        ...restStage({
          MethodSettings: [
            ...allMethods(limits(100, 200)),
            { ResourcePath: '/~1orders', HttpMethod: 'POST', ThrottlingRateLimit: 5 },
          ],
        }),
      },
    },
    {
      name: 'the public tier allows higher limits through its options',
      template: { ...restApi(publicApi), ...restStage({ MethodSettings: allMethods(limits(4000, 5000)) }) },
      tiers: { public: { rules: { 'stage-throttling': { options: { maxRateLimit: 5000, maxBurstLimit: 5000 } } } } },
    },
  ],
  invalid: [
    {
      name: 'fails a REST stage with no throttling at all (CDK default RestApi; cdk-nag Serverless agrees)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => void cdkRestApi(stack),
      message: /no default throttling rate limit/,
      count: 2,
    },
    {
      name: 'fails a stage that sets the rate but not the burst',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ ThrottlingRateLimit: 100 }) }) },
      message: /no default throttling burst limit/,
      count: 1,
    },
    {
      name: 'fails a rate above the standard maximum',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods(limits(10000, 200)) }) },
      message: /rate limit is 10000; the standard allows at most 1000/,
      count: 1,
    },
    {
      name: 'fails the same limits in a tier with a lower maximum',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods(limits(100, 200)) }) },
      tiers: { restricted: { rules: { 'stage-throttling': { options: { maxRateLimit: 50, maxBurstLimit: 100 } } } } },
      count: 2,
    },
    {
      name: 'fails a method override that raises the rate above the bound',
      template: {
        ...restApi(),
        ...restStage({
          MethodSettings: [
            ...allMethods(limits(100, 200)),
            { ResourcePath: '/~1orders', HttpMethod: 'GET', ThrottlingRateLimit: 5000 },
          ],
        }),
      },
      message: /GET \/orders raises throttling rate limit to 5000/,
    },
    {
      name: 'fails a v2 route override above the bound',
      template: {
        ...httpApi(),
        ...v2Stage({
          DefaultRouteSettings: limits(100, 200),
          RouteSettings: { 'GET /orders': { ThrottlingBurstLimit: 9000 } },
        }),
      },
      message: /burst limit to 9000/,
    },
    {
      name: 'fails an HTTP API $default stage without DefaultRouteSettings',
      template: { ...httpApi(), ...v2Stage() },
      count: 2,
    },
    {
      name: 'fails a stage default of -1 (no limit)',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods(limits(-1, 200)) }) },
      message: /-1, which disables the stage limit/,
    },
    {
      name: 'fails a stage-wide rate of 0 (below the minimum: the stage would reject all traffic)',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods(limits(0, 0)) }) },
      message: /requires at least 1/,
      count: 2,
    },
    {
      name: 'fails as unknown when the rate comes from a parameter without default',
      template: {
        Parameters: { Rate: { Type: 'Number' } },
        Resources: { ...restApi(), ...restStage({ MethodSettings: allMethods(limits({ Ref: 'Rate' }, 200)) }) },
      },
      expect: 'unknown',
      message: /parameter Rate/,
    },
  ],
});
