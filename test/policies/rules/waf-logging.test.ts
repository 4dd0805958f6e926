import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/waf-logging';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import {
  cdkRestApi,
  cdkWebAcl,
  wafAssociation,
  wafAssociationTo,
  wafLogging,
  webAcl,
} from '../../helpers/fixtures-traffic';
import { testRule } from '../../helpers/rule-tester';

const regional = { EndpointConfiguration: { Types: ['REGIONAL'] } };
const protectedStage = { ...restApi(regional), ...restStage(), ...webAcl(), ...wafAssociation() };

function cdkLoggedAcl(stack: Stack, redacted: string[] | undefined): void {
  const acl = cdkWebAcl(stack, cdkRestApi(stack, { endpointTypes: [apigw.EndpointType.REGIONAL] }));
  if (redacted === undefined) return;
  new wafv2.CfnLoggingConfiguration(stack, 'WafLogging', {
    resourceArn: acl.attrArn,
    logDestinationConfigs: ['arn:aws:logs:eu-west-1:111111111111:log-group:aws-waf-logs-api'],
    redactedFields: redacted.map((name) => ({ singleHeader: { Name: name } })),
  });
}

testRule(rule, {
  valid: [
    {
      name: 'logging with authorization and cookie redacted',
      template: { ...protectedStage, ...wafLogging() },
      cdk: (stack) => cdkLoggedAcl(stack, ['authorization', 'cookie']),
    },
    {
      name: 'header names are compared case-insensitively',
      template: { ...protectedStage, ...wafLogging(['Authorization', 'Cookie', 'x-api-key']) },
    },
    {
      name: 'stages without a web ACL are left to stage-waf',
      template: { ...restApi(regional), ...restStage() },
      expect: 'skip',
    },
    { name: 'HTTP API stages are out of scope', template: { ...httpApi(), ...v2Stage() }, expect: 'skip' },
    {
      name: 'a tier that also requires x-api-key redacted, met',
      template: { ...protectedStage, ...wafLogging(['authorization', 'cookie', 'x-api-key']) },
      tiers: {
        restricted: {
          rules: { 'waf-logging': { options: { requiredRedactedFields: ['authorization', 'cookie', 'x-api-key'] } } },
        },
      },
    },
  ],
  invalid: [
    {
      name: 'fails a web ACL without logging configuration (cdk-nag WAFv2LoggingEnabled agrees)',
      template: protectedStage,
      cdk: (stack) => cdkLoggedAcl(stack, undefined),
      message: /has no logging configuration/,
    },
    {
      name: 'fails logging that redacts nothing',
      template: { ...protectedStage, ...wafLogging([]) },
      cdk: (stack) => cdkLoggedAcl(stack, []),
      message: /logs authorization, cookie unredacted/,
    },
    {
      name: 'fails logging that redacts authorization but not cookie',
      template: { ...protectedStage, ...wafLogging(['authorization']) },
      message: /logs cookie unredacted/,
    },
    {
      name: 'fails when the tier also requires x-api-key redacted',
      template: { ...protectedStage, ...wafLogging() },
      tiers: {
        restricted: {
          rules: { 'waf-logging': { options: { requiredRedactedFields: ['authorization', 'cookie', 'x-api-key'] } } },
        },
      },
      message: /x-api-key/,
    },
    {
      name: 'fails as unknown when the logging configuration exists only under a Condition',
      template: {
        Parameters: { Env: { Type: 'String' } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
        Resources: {
          ...protectedStage,
          ...wafLogging(['authorization', 'cookie'], 'WafLogging', 'WebAcl', { Condition: 'IsProd' }),
        },
      },
      expect: 'unknown',
    },
    {
      name: 'fails as unknown when the web ACL is imported from another stack',
      template: {
        ...restApi(regional),
        ...restStage(),
        ...wafAssociationTo({ 'Fn::ImportValue': 'shared-web-acl-arn' }),
      },
      expect: 'unknown',
    },
  ],
});
