import rule from '../../../policies/rules/streaming-protection';
import { restApi, restStage } from '../../helpers/fixtures';
import { cdkWebAcl, wafAssociation, webAcl } from '../../helpers/fixtures-traffic';
import { cdkStreamingApi, streamingMethod, throttled } from '../../helpers/fixtures-r19-traffic';
import { testRule } from '../../helpers/rule-tester';

const regional = { EndpointConfiguration: { Types: ['REGIONAL'] } };
const throttledDeploy = { throttlingRateLimit: 100, throttlingBurstLimit: 50 };

testRule(rule, {
  valid: [
    {
      name: 'a streaming method on a stage with a web ACL and stage-wide throttling',
      template: {
        ...restApi(regional),
        ...restStage(throttled()),
        ...webAcl(),
        ...wafAssociation(),
        ...streamingMethod(),
      },
      cdk: (stack) => cdkWebAcl(stack, cdkStreamingApi(stack, { deployOptions: throttledDeploy })),
    },
    {
      name: 'a method-level throttling override for the streaming method counts',
      template: {
        ...restApi(regional),
        ...restStage({
          MethodSettings: [{ ResourcePath: '/', HttpMethod: 'GET', ThrottlingRateLimit: 10, ThrottlingBurstLimit: 5 }],
        }),
        ...webAcl(),
        ...wafAssociation(),
        ...streamingMethod(),
      },
    },
    {
      name: 'a tier that does not require WAF accepts a throttled stage without one',
      template: { ...restApi(regional), ...restStage(throttled()), ...streamingMethod() },
      options: { requireWaf: false },
    },
    {
      name: 'a buffered integration is not checked',
      template: { ...restApi(regional), ...restStage(), ...streamingMethod({ ResponseTransferMode: 'BUFFERED' }) },
      cdk: (stack) => cdkStreamingApi(stack, { streaming: false }),
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a streaming method on a stage without WAF (throttled)',
      template: { ...restApi(regional), ...restStage(throttled()), ...streamingMethod() },
      cdk: (stack) => cdkStreamingApi(stack, { deployOptions: throttledDeploy }),
      message: /Stage prod serves this streaming integration without an AWS WAF web ACL/,
      count: 1,
    },
    {
      name: 'fails a streaming method on a stage with WAF but no throttling (rate and burst)',
      template: { ...restApi(regional), ...restStage(), ...webAcl(), ...wafAssociation(), ...streamingMethod() },
      cdk: (stack) => cdkWebAcl(stack, cdkStreamingApi(stack)),
      message: /sets no throttling rate limit/,
      count: 2,
    },
    {
      name: 'fails a throttling limit of -1, which disables the stage limit',
      template: {
        ...restApi(regional),
        ...restStage(throttled(-1, 50)),
        ...webAcl(),
        ...wafAssociation(),
        ...streamingMethod(),
      },
      count: 1,
    },
    {
      name: 'fails as unknown when the stage rate limit is a parameter without default',
      template: {
        Parameters: { Rate: { Type: 'Number' } },
        Resources: {
          ...restApi(regional),
          ...restStage(throttled({ Ref: 'Rate' }, 50)),
          ...webAcl(),
          ...wafAssociation(),
          ...streamingMethod(),
        },
      },
      expect: 'unknown',
      message: /rate limit is unresolved/,
    },
  ],
});
