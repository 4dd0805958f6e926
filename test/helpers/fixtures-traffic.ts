/**
 * CloudFormation building blocks for the traffic rules (WAF, throttling, usage plans, custom domains).
 * Same style as fixtures.ts: each returns a Resources map fragment to spread into one object.
 */
import { join } from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { readTemplateFile } from '../../lib/model/template';
import { CORPUS_DIR } from './corpus';

type Props = Record<string, unknown>;

const VISIBILITY = { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'm' };

/** A WAFv2 rule running an AWS managed rule group (blocking unless `count`). */
export function managedRule(name: string, priority: number, count = false, vendor = 'AWS'): Props {
  return {
    Name: name,
    Priority: priority,
    Statement: { ManagedRuleGroupStatement: { VendorName: vendor, Name: name } },
    OverrideAction: count ? { Count: {} } : { None: {} },
    VisibilityConfig: VISIBILITY,
  };
}

/** A rate-based WAFv2 rule (requests per 5 minutes per IP). */
export function rateRule(limit: unknown, priority = 10, count = false): Props {
  return {
    Name: 'RateLimit',
    Priority: priority,
    Statement: { RateBasedStatement: { Limit: limit, AggregateKeyType: 'IP' } },
    Action: count ? { Count: {} } : { Block: {} },
    VisibilityConfig: VISIBILITY,
  };
}

/** The rules the rule defaults ask for: common + known bad inputs managed groups and a rate-based rule. */
export function standardWafRules(): Props[] {
  return [
    managedRule('AWSManagedRulesCommonRuleSet', 1),
    managedRule('AWSManagedRulesKnownBadInputsRuleSet', 2),
    rateRule(1000),
  ];
}

export function webAcl(props: Props = {}, id = 'WebAcl'): Props {
  return {
    [id]: {
      Type: 'AWS::WAFv2::WebACL',
      Properties: {
        Name: id,
        Scope: 'REGIONAL',
        DefaultAction: { Allow: {} },
        VisibilityConfig: VISIBILITY,
        Rules: standardWafRules(),
        ...props,
      },
    },
  };
}

/** Associates `aclId` with the stage `stageId` of `apiId`, ARN written with Fn::Sub. */
export function wafAssociation(
  id = 'WafAssociation',
  stageId = 'Stage',
  apiId = 'Api',
  aclId = 'WebAcl',
  extra: Props = {},
): Props {
  return wafAssociationTo({ 'Fn::GetAtt': [aclId, 'Arn'] }, id, stageId, apiId, extra);
}

/** Associates any web ACL ARN (e.g. an `Fn::ImportValue` from another stack) with the stage `stageId` of `apiId`. */
export function wafAssociationTo(
  webAclArn: unknown,
  id = 'WafAssociation',
  stageId = 'Stage',
  apiId = 'Api',
  extra: Props = {},
): Props {
  return {
    [id]: {
      Type: 'AWS::WAFv2::WebACLAssociation',
      Properties: {
        ResourceArn: { 'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}::/restapis/\${${apiId}}/stages/\${${stageId}}` },
        WebACLArn: webAclArn,
      },
      ...extra,
    },
  };
}

/** WAF logging for `aclId`, redacting the given headers; `extra` goes on the resource (e.g. a Condition). */
export function wafLogging(
  redactedHeaders: string[] = ['authorization', 'cookie'],
  id = 'WafLogging',
  aclId = 'WebAcl',
  extra: Props = {},
): Props {
  return {
    [id]: {
      Type: 'AWS::WAFv2::LoggingConfiguration',
      Properties: {
        ResourceArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
        LogDestinationConfigs: [
          { 'Fn::Sub': 'arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:aws-waf-logs-api' },
        ],
        ...(redactedHeaders.length
          ? { RedactedFields: redactedHeaders.map((name) => ({ SingleHeader: { Name: name } })) }
          : {}),
      },
      ...extra,
    },
  };
}

/** A REST custom domain (REGIONAL unless the props say otherwise). */
export function restDomain(props: Props = {}, id = 'Domain'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::DomainName',
      Properties: {
        DomainName: 'api.example.com',
        RegionalCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
        EndpointConfiguration: { Types: ['REGIONAL'] },
        ...props,
      },
    },
  };
}

export function basePathMapping(id = 'Mapping', domainId = 'Domain', apiId = 'Api', stageId = 'Stage'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::BasePathMapping',
      Properties: { DomainName: { Ref: domainId }, RestApiId: { Ref: apiId }, Stage: { Ref: stageId } },
    },
  };
}

export function v2Domain(config: Props = {}, props: Props = {}, id = 'V2Domain'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGatewayV2::DomainName',
      Properties: {
        DomainName: 'http.example.com',
        DomainNameConfigurations: [
          { CertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/abc', EndpointType: 'REGIONAL', ...config },
        ],
        ...props,
      },
    },
  };
}

export function v2ApiMapping(id = 'ApiMapping', domainId = 'V2Domain', apiId = 'HttpApi', stageId = 'V2Stage'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGatewayV2::ApiMapping',
      Properties: { DomainName: { Ref: domainId }, ApiId: { Ref: apiId }, Stage: { Ref: stageId } },
    },
  };
}

/** A usage plan covering the stage `stageId` of `apiId`. */
export function usagePlan(props: Props = {}, id = 'UsagePlan', apiId = 'Api', stageId = 'Stage'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: {
        ApiStages: [{ ApiId: { Ref: apiId }, Stage: { Ref: stageId } }],
        Throttle: { RateLimit: 50, BurstLimit: 100 },
        Quota: { Limit: 10000, Period: 'DAY' },
        ...props,
      },
    },
  };
}

/** CDK: a RestApi with one GET method; returns it for further wiring. */
export function cdkRestApi(stack: Stack, props: apigw.RestApiProps = {}): apigw.RestApi {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, ...props });
  api.root.addMethod('GET', new apigw.MockIntegration());
  return api;
}

/** CDK: a REGIONAL web ACL with the standard's rules, associated with the API's deployment stage. */
export function cdkWebAcl(stack: Stack, api: apigw.RestApi, rules: Props[] = standardWafRules()): wafv2.CfnWebACL {
  const acl = new wafv2.CfnWebACL(stack, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: 'acl' },
    rules: rules.map(toCdkRule),
  });
  new wafv2.CfnWebACLAssociation(stack, 'WafAssociation', {
    resourceArn: api.deploymentStage.stageArn,
    webAclArn: acl.attrArn,
  });
  return acl;
}

/** Fixture rule (CloudFormation casing) → CDK L1 property casing. */
function toCdkRule(rule: Props): wafv2.CfnWebACL.RuleProperty {
  return lowerKeys(rule) as wafv2.CfnWebACL.RuleProperty;
}

function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), lowerKeys(v)]),
    );
  }
  return value;
}

export { describeWithCorpus } from './corpus';

/** Reads a corpus template by file name (JSON or YAML with short-form tags). */
export function corpusTemplate(file: string): Record<string, unknown> {
  return readTemplateFile(join(CORPUS_DIR, 'templates', file));
}
