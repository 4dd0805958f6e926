import { Tags } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import rule from '../../../policies/rules/http-api-waf';
import { httpApi, restApi, restStage, v2Stage, webSocketApi } from '../../helpers/fixtures';
import { testRule } from '../../helpers/rule-tester';

const tagged = (tier: string) => ({ Tags: { 'data-classification': tier } });
const noWafForPublic = { public: { rules: { 'http-api-waf': { options: { requireWaf: false } } } } };

testRule(rule, {
  valid: [
    {
      name: 'an HTTP API in a tier that does not require a WAF',
      template: { ...httpApi(tagged('public')), ...v2Stage() },
      cdk: (stack) => Tags.of(new apigwv2.HttpApi(stack, 'HttpApi')).add('data-classification', 'public'),
      tiers: noWafForPublic,
    },
    {
      name: 'REST APIs are out of scope (stage-waf applies)',
      template: { ...restApi(), ...restStage() },
      expect: 'skip',
    },
    { name: 'WebSocket APIs are out of scope by default', template: webSocketApi(), expect: 'skip' },
  ],
  invalid: [
    {
      name: 'fails an HTTP API in the strictest tier (unclassified)',
      template: { ...httpApi(), ...v2Stage() },
      cdk: (stack) => void new apigwv2.HttpApi(stack, 'HttpApi'),
      message: /HTTP API in tier restricted, which requires a WAF/,
    },
    {
      name: 'fails an internal HTTP API even when the public tier is exempt',
      template: httpApi(tagged('internal')),
      tiers: noWafForPublic,
      message: /tier internal/,
    },
    {
      name: 'fails a WebSocket API when the standard lists websocket among the kinds',
      template: webSocketApi(),
      options: { apiKinds: ['http', 'websocket'] },
      message: /WebSocket API/,
    },
    {
      name: 'fails as restricted (strictest tier) when the classification tag is unresolved',
      template: {
        Parameters: { Tier: { Type: 'String' } },
        Resources: httpApi({ Tags: { 'data-classification': { Ref: 'Tier' } } }),
      },
      tiers: noWafForPublic,
      message: /tier restricted/,
    },
  ],
});
