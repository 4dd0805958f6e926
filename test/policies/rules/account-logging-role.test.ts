import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/account-logging-role';
import { allMethods, httpApi, restApi, restStage, v2Stage, webSocketApi } from '../../helpers/fixtures';
import { account, cdkRestApi } from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

const loggingStage = { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'ERROR' }) }) };

testRule(rule, {
  valid: [
    {
      name: 'execution logging with an AWS::ApiGateway::Account role in the app (CDK cloudWatchRole: true)',
      template: { ...loggingStage, ...account() },
      cdk: (stack) => cdkRestApi(stack, { loggingLevel: apigw.MethodLoggingLevel.ERROR }, { cloudWatchRole: true }),
    },
    {
      name: 'execution logging when the standard declares a pre-existing account role',
      template: loggingStage,
      cdk: (stack) => cdkRestApi(stack, { loggingLevel: apigw.MethodLoggingLevel.ERROR }),
      options: { preExistingRole: true },
      expect: 'skip',
    },
    {
      name: 'no execution logging, so no role needed (CDK default RestApi without cloudWatchRole)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => cdkRestApi(stack),
      expect: 'skip',
    },
    {
      name: 'logging explicitly OFF needs no role',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: 'OFF' }) }) },
      expect: 'skip',
    },
    {
      name: 'HTTP API stages are out of scope (no execution logs)',
      template: { ...httpApi(), ...v2Stage() },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails execution logging without an Account resource (CDK cloudWatchRole: false)',
      template: loggingStage,
      cdk: (stack) => cdkRestApi(stack, { loggingLevel: apigw.MethodLoggingLevel.ERROR }),
      message: /no AWS::ApiGateway::Account/,
      count: 1,
    },
    {
      name: 'fails a WebSocket stage logging without an Account',
      template: {
        ...webSocketApi(),
        ...v2Stage({ DefaultRouteSettings: { LoggingLevel: 'INFO' } }, 'WsStage', 'WsApi'),
      },
      message: /no AWS::ApiGateway::Account/,
    },
    {
      name: 'fails data trace alone (it writes execution logs too) without an Account',
      template: { ...restApi(), ...restStage({ MethodSettings: allMethods({ DataTraceEnabled: true }) }) },
    },
    {
      name: 'fails an Account resource without CloudWatchRoleArn',
      template: { ...loggingStage, ApiAccount: { Type: 'AWS::ApiGateway::Account', Properties: {} } },
      message: /no AWS::ApiGateway::Account with a CloudWatchRoleArn/,
    },
    {
      name: 'fails as unknown when the role ARN comes from a parameter without default',
      template: {
        Parameters: { RoleArn: { Type: 'String' } },
        Resources: {
          ...loggingStage,
          ApiAccount: { Type: 'AWS::ApiGateway::Account', Properties: { CloudWatchRoleArn: { Ref: 'RoleArn' } } },
        },
      },
      expect: 'unknown',
      message: /parameter RoleArn/,
    },
    {
      name: 'fails as unknown when the Account resource exists only under a condition',
      template: {
        Parameters: { Env: { Type: 'String' } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
        Resources: {
          ...loggingStage,
          ...account(),
          ApiAccount: { ...(account().ApiAccount as object), Condition: 'IsProd' },
        },
      },
      expect: 'unknown',
      message: /condition/i,
    },
    {
      name: 'fails as unknown when the logging level is unresolved',
      template: {
        Parameters: { Level: { Type: 'String' } },
        Resources: { ...restApi(), ...restStage({ MethodSettings: allMethods({ LoggingLevel: { Ref: 'Level' } }) }) },
      },
      expect: 'unknown',
      message: /parameter Level/,
    },
  ],
});
