import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/data-trace';
import { allMethods, httpApi, restApi, restDeployment, restStage, v2Stage, webSocketApi } from '../../helpers/fixtures';
import { cdkRestApi } from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

const noInfo = { restricted: { rules: { 'data-trace': { options: { allowInfoLevel: false } } } } };

testRule(rule, {
  valid: [
    {
      name: 'ERROR logging without data trace',
      template: {
        ...restApi(),
        ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'ERROR', DataTraceEnabled: false }) }),
      },
      cdk: (stack) => cdkRestApi(stack, { loggingLevel: apigw.MethodLoggingLevel.ERROR, dataTraceEnabled: false }),
    },
    {
      name: 'INFO logging is allowed by the default options',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'INFO' }) }) },
      cdk: (stack) => cdkRestApi(stack, { loggingLevel: apigw.MethodLoggingLevel.INFO }),
    },
    {
      name: 'WebSocket default route settings without data trace',
      template: {
        ...webSocketApi(),
        ...v2Stage({ DefaultRouteSettings: { LoggingLevel: 'ERROR', DataTraceEnabled: false } }, 'WsStage', 'WsApi'),
      },
    },
    {
      name: 'ERROR logging where the restricted tier forbids INFO',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'ERROR' }) }) },
      tiers: noInfo,
    },
    {
      name: 'HTTP API stages are out of scope (no execution logs, no data trace)',
      template: { ...httpApi(), ...v2Stage() },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a stage with data trace on (CDK dataTraceEnabled: true)',
      template: {
        ...restApi(),
        ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'ERROR', DataTraceEnabled: true }) }),
      },
      cdk: (stack) => cdkRestApi(stack, { loggingLevel: apigw.MethodLoggingLevel.ERROR, dataTraceEnabled: true }),
      message: /Stage default turns on data tracing/,
      count: 1,
    },
    {
      name: 'fails a method override that turns data trace on',
      template: {
        ...restApi(),
        ...restStage({
          MethodSettings: [
            ...allMethods({ LoggingLevel: 'ERROR' }),
            { ResourcePath: '/~1orders', HttpMethod: 'POST', DataTraceEnabled: true },
          ],
        }),
      },
      message: /POST \/orders/,
    },
    {
      name: 'fails data trace set through a Deployment StageDescription',
      template: {
        ...restApi(),
        ...restDeployment('Deployment', 'Api', { StageName: 'prod', StageDescription: { DataTraceEnabled: true } }),
      },
      message: /data tracing/,
    },
    {
      name: 'fails a WebSocket stage with data trace in DefaultRouteSettings',
      template: {
        ...webSocketApi(),
        ...v2Stage({ DefaultRouteSettings: { LoggingLevel: 'INFO', DataTraceEnabled: true } }, 'WsStage', 'WsApi'),
      },
      message: /data tracing/,
    },
    {
      name: 'fails INFO logging in the restricted tier (untagged API) that forbids it',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'INFO' }) }) },
      cdk: (stack) => cdkRestApi(stack, { loggingLevel: apigw.MethodLoggingLevel.INFO }),
      tiers: noInfo,
      message: /INFO level, which tier restricted forbids/,
    },
    {
      name: 'fails as unknown when DataTraceEnabled comes from a parameter without default',
      template: {
        Parameters: { Trace: { Type: 'String' } },
        Resources: {
          ...restApi(),
          ...restStage({ MethodSettings: allMethods({ DataTraceEnabled: { Ref: 'Trace' } }) }),
        },
      },
      expect: 'unknown',
      message: /parameter Trace/,
    },
  ],
});
