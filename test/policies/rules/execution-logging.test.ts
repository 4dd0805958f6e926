import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/execution-logging';
import { allMethods, httpApi, restApi, restStage, v2Stage, webSocketApi } from '../../helpers/fixtures';
import { testRule } from '../../helpers/rule-tester';

function cdkRestApi(stack: Stack, deployOptions: apigw.StageOptions): void {
  const api = new apigw.RestApi(stack, 'Api', { deployOptions, cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration());
}

testRule(rule, {
  valid: [
    {
      name: 'stage-wide ERROR level',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'ERROR' }) }) },
      cdk: (stack) => cdkRestApi(stack, { loggingLevel: apigw.MethodLoggingLevel.ERROR }),
    },
    {
      name: 'INFO level set through a Deployment StageDescription',
      template: {
        ...restApi(),
        Deployment: {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod', StageDescription: { LoggingLevel: 'INFO' } },
        },
      },
    },
    {
      name: 'WebSocket stage with default route logging',
      template: {
        ...webSocketApi(),
        ...v2Stage({ DefaultRouteSettings: { LoggingLevel: 'ERROR' } }, 'WsStage', 'WsApi'),
      },
    },
    {
      name: 'HTTP API stages are out of scope (no execution logs exist)',
      template: { ...httpApi(), ...v2Stage() },
      expect: 'skip',
    },
    {
      name: 'only INFO allowed by the standard, and INFO set',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'INFO' }) }) },
      options: { allowedLevels: ['INFO'] },
    },
  ],
  invalid: [
    {
      name: 'fails a stage without any logging level (CDK default RestApi)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => cdkRestApi(stack, {}),
      message: /no execution logging level/,
    },
    {
      name: 'fails a stage with logging OFF',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'OFF' }) }) },
      cdk: (stack) => cdkRestApi(stack, { loggingLevel: apigw.MethodLoggingLevel.OFF }),
      message: /OFF/,
    },
    {
      name: 'fails a method override that turns logging OFF',
      template: {
        ...restApi(),
        ...restStage({
          MethodSettings: [
            ...allMethods({ LoggingLevel: 'ERROR' }),
            { ResourcePath: '/~1orders', HttpMethod: 'GET', LoggingLevel: 'OFF' },
          ],
        }),
      },
      message: /GET \/orders/,
    },
    {
      name: 'fails ERROR when the standard only allows INFO',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'ERROR' }) }) },
      options: { allowedLevels: ['INFO'] },
    },
    {
      name: 'fails as unknown when the level comes from a parameter without default',
      template: {
        Parameters: { Level: { Type: 'String' } },
        Resources: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: { Ref: 'Level' } }) }) },
      },
      expect: 'unknown',
      message: /parameter Level/,
    },
  ],
});
