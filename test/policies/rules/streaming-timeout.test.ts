import { Duration } from 'aws-cdk-lib';
import rule from '../../../policies/rules/streaming-timeout';
import { restApi, restStage } from '../../helpers/fixtures';
import { cdkStreamingApi, streamingMethod, tier } from '../../helpers/fixtures-r19-traffic';
import { testRule } from '../../helpers/rule-tester';

const restrictedBound = { restricted: { rules: { 'streaming-timeout': { options: { maxTimeoutMillis: 120000 } } } } };

testRule(rule, {
  valid: [
    {
      name: 'a streaming integration with a 2-minute timeout (default bound 5 minutes)',
      template: { ...restApi(), ...restStage(), ...streamingMethod({ TimeoutInMillis: 120000 }) },
      cdk: (stack) => cdkStreamingApi(stack, { timeout: Duration.minutes(2) }),
    },
    {
      name: 'a streaming integration without a timeout gets the 29-second AWS default',
      template: { ...restApi(), ...restStage(), ...streamingMethod() },
      cdk: (stack) => cdkStreamingApi(stack),
    },
    {
      name: 'a buffered integration is not checked, whatever its timeout',
      template: {
        ...restApi(),
        ...restStage(),
        ...streamingMethod({ ResponseTransferMode: 'BUFFERED', TimeoutInMillis: 29000 }),
      },
      cdk: (stack) => cdkStreamingApi(stack, { streaming: false }),
      expect: 'skip',
    },
    {
      name: 'a public tier bound of 15 minutes accepts a 10-minute stream',
      template: {
        ...restApi({ Tags: tier('public') }),
        ...restStage(),
        ...streamingMethod({ TimeoutInMillis: 600000 }),
      },
      tiers: { public: { rules: { 'streaming-timeout': { options: { maxTimeoutMillis: 900000 } } } } },
    },
  ],
  invalid: [
    {
      name: 'fails a 15-minute stream against the default 5-minute bound',
      template: { ...restApi(), ...restStage(), ...streamingMethod({ TimeoutInMillis: 900000 }) },
      cdk: (stack) => cdkStreamingApi(stack, { timeout: Duration.minutes(15) }),
      message: /timeout is 900000 ms; the standard allows at most 300000 ms/,
    },
    {
      name: 'fails a 5-minute stream in a restricted API whose tier allows 2 minutes',
      template: { ...restApi(), ...restStage(), ...streamingMethod({ TimeoutInMillis: 300000 }) },
      tiers: restrictedBound,
      message: /at most 120000 ms for tier restricted/,
    },
    {
      name: 'fails a streaming integration declared in an OpenAPI body (x-amazon-apigateway-integration)',
      template: {
        ...restApi({
          Body: {
            openapi: '3.0.1',
            info: { title: 'streams', version: '1' },
            paths: {
              '/chat': {
                post: {
                  'x-amazon-apigateway-integration': {
                    type: 'http_proxy',
                    httpMethod: 'POST',
                    uri: 'https://backend.example.com/chat',
                    responseTransferMode: 'STREAM',
                    timeoutInMillis: 600000,
                  },
                },
              },
            },
          },
        }),
        ...restStage(),
      },
      message: /timeout is 600000 ms/,
    },
    {
      name: 'fails as unknown when the timeout is a parameter without default',
      template: {
        Parameters: { Timeout: { Type: 'Number' } },
        Resources: { ...restApi(), ...restStage(), ...streamingMethod({ TimeoutInMillis: { Ref: 'Timeout' } }) },
      },
      expect: 'unknown',
      message: /integration timeout/,
    },
    {
      name: 'fails as unknown when the transfer mode is a parameter without default',
      template: {
        Parameters: { Mode: { Type: 'String' } },
        Resources: { ...restApi(), ...restStage(), ...streamingMethod({ ResponseTransferMode: { Ref: 'Mode' } }) },
      },
      expect: 'unknown',
      message: /response transfer mode/,
    },
  ],
});
