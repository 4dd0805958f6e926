import type { FieldToMatch, LoggingConfiguration, Rule, WebACL } from '@aws-sdk/client-wafv2';
import type { WafLogging, WafRule, WebAcl } from '../types';
import { unresolved, type Value } from '../value';
import { parseWebAclArn } from './arn';
import type { WebAclSnapshot } from './snapshot';
import { mapIpSets } from './waf-ip-sets';

/** A web ACL read with GetWebACL (+ GetLoggingConfiguration) as a model WebAcl. */
export function mapWebAcl(arn: string, snapshot: WebAclSnapshot): Value<WebAcl> {
  if (!snapshot.acl.ok) return unresolved(snapshot.acl.because);
  const acl: WebACL = snapshot.acl.value;
  const source = { arn, resourceType: 'AWS::WAFv2::WebACL' };
  let logging: Value<WafLogging> | undefined;
  if (!snapshot.logging.ok) logging = unresolved(snapshot.logging.because);
  else if (snapshot.logging.value) logging = mapLogging(snapshot.logging.value);
  return {
    id: arn,
    source,
    name: acl.Name,
    scope: parseWebAclArn(arn)?.scope ?? unresolved(`cannot read the scope from ARN ${arn}`),
    defaultAction: acl.DefaultAction?.Block ? 'BLOCK' : 'ALLOW',
    rules: (acl.Rules ?? []).map((rule) => mapRule(rule, snapshot)),
    ...(logging !== undefined ? { logging } : {}),
  };
}

function mapRule(rule: Rule, snapshot: WebAclSnapshot): WafRule {
  const managed = rule.Statement?.ManagedRuleGroupStatement;
  const rate = rule.Statement?.RateBasedStatement;
  const ipSets = mapIpSets(rule.Statement, snapshot);
  return {
    name: rule.Name ?? '',
    ...(rule.Priority !== undefined ? { priority: rule.Priority } : {}),
    ...(managed ? { managedRuleGroup: { vendor: managed.VendorName ?? '', name: managed.Name ?? '' } } : {}),
    ...(rate
      ? {
          rateBased: {
            limit: rate.Limit ?? 0,
            ...(rate.AggregateKeyType ? { aggregateKeyType: rate.AggregateKeyType } : {}),
          },
        }
      : {}),
    countOnly: rule.OverrideAction?.Count !== undefined || rule.Action?.Count !== undefined,
    ...(ipSets ? { ipSets } : {}),
  };
}

function mapLogging(config: LoggingConfiguration): WafLogging {
  return {
    source: { arn: config.ResourceArn, resourceType: 'AWS::WAFv2::LoggingConfiguration' },
    destinations: config.LogDestinationConfigs ?? [],
    redactedFields: (config.RedactedFields ?? []).map(redactedName).filter((n): n is string => n !== undefined),
  };
}

function redactedName(field: FieldToMatch): string | undefined {
  if (field.SingleHeader?.Name) return field.SingleHeader.Name.toLowerCase();
  if (field.UriPath) return 'uri-path';
  if (field.QueryString) return 'query-string';
  if (field.Method) return 'method';
  return undefined;
}
