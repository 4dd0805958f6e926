import { Token } from 'aws-cdk-lib';
import type { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { GuardrailsConstructError } from './errors';
import { GUARDRAIL_DEFAULTS } from './guardrail-defaults';

/** A WAF managed rule group, evaluated in list order. */
export interface ManagedRuleGroup {
  /** Rule group name, e.g. 'AWSManagedRulesCommonRuleSet'. */
  readonly name: string;
  /** @default 'AWS' */
  readonly vendor?: string;
  /** @default - the vendor's default version */
  readonly version?: string;
  /**
   * Rules of the group that only count (e.g. 'SizeRestrictions_BODY' for APIs taking large bodies).
   * @default - every rule blocks
   */
  readonly countOnlyRules?: string[];
}

/**
 * Managed rule groups in cost-aware order: cheap reputation lookups first (they drop known-bad clients
 * before the expensive inspection groups run), then the broad groups. Total 1,127 WCU with the
 * rate-based rule, under the 1,500 WCU included in the base price.
 */
export const DEFAULT_MANAGED_RULE_GROUPS: readonly ManagedRuleGroup[] = [
  { name: 'AWSManagedRulesAmazonIpReputationList' }, // 25 WCU
  { name: 'AWSManagedRulesCommonRuleSet' }, // 700 WCU
  { name: 'AWSManagedRulesKnownBadInputsRuleSet' }, // 200 WCU
  { name: 'AWSManagedRulesSQLiRuleSet' }, // 200 WCU
];

/** Headers every web ACL log redacts (tokens and session cookies never reach the logs). */
export const ALWAYS_REDACTED_HEADERS: readonly string[] = ['authorization', 'cookie'];

export interface OrgWebAclSettings {
  readonly rateLimitPer5Min: number;
  readonly managedRuleGroups: readonly ManagedRuleGroup[];
  readonly redactedHeaders: string[];
}

/** Merge user input with the defaults and validate it (pure). */
export function resolveOrgWebAclSettings(input: {
  readonly rateLimitPer5Min?: number;
  readonly managedRuleGroups?: readonly ManagedRuleGroup[];
  readonly additionalRedactedHeaders?: readonly string[];
}): OrgWebAclSettings {
  const rateLimitPer5Min = input.rateLimitPer5Min ?? GUARDRAIL_DEFAULTS.wafRateLimitPer5Min;
  if (
    !Token.isUnresolved(rateLimitPer5Min) &&
    (!Number.isInteger(rateLimitPer5Min) || rateLimitPer5Min < 10 || rateLimitPer5Min > 2_000_000_000)
  ) {
    throw new GuardrailsConstructError(
      'E_WAF_RULES',
      'The per-IP rate limit must be an integer between 10 and 2,000,000,000 requests per 5 minutes (WAF limits).',
      rateLimitPer5Min,
      `Set rateLimitPer5Min to an integer in range (default ${GUARDRAIL_DEFAULTS.wafRateLimitPer5Min}).`,
    );
  }
  const managedRuleGroups = input.managedRuleGroups ?? DEFAULT_MANAGED_RULE_GROUPS;
  if (managedRuleGroups.length === 0) {
    throw new GuardrailsConstructError(
      'E_WAF_RULES',
      'A web ACL without managed rule groups only rate-limits; the standard requires managed protections.',
      [],
      'Omit managedRuleGroups to get DEFAULT_MANAGED_RULE_GROUPS, or list the groups you need.',
    );
  }
  const names = managedRuleGroups.map((g) => `${g.vendor ?? 'AWS'}/${g.name}`);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) {
    throw new GuardrailsConstructError(
      'E_WAF_RULES',
      'A managed rule group is listed twice.',
      duplicate,
      'List each managed rule group once.',
    );
  }
  const redactedHeaders = [
    ...new Set([...ALWAYS_REDACTED_HEADERS, ...(input.additionalRedactedHeaders ?? []).map((h) => h.toLowerCase())]),
  ];
  return { rateLimitPer5Min, managedRuleGroups, redactedHeaders };
}

function visibility(metricName: string): CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/**
 * The web ACL rules (pure): managed groups in the given order with the per-IP rate-based rule placed
 * right after the first (reputation) group, so floods are cut before the expensive groups run.
 */
export function orgWebAclRules(settings: OrgWebAclSettings): CfnWebACL.RuleProperty[] {
  const managed = settings.managedRuleGroups.map((group): CfnWebACL.RuleProperty => ({
    name: `${group.vendor ?? 'AWS'}-${group.name}`,
    priority: 0,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: group.vendor ?? 'AWS',
        name: group.name,
        version: group.version,
        ruleActionOverrides: group.countOnlyRules?.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
      },
    },
    visibilityConfig: visibility(group.name),
  }));
  const rateRule: CfnWebACL.RuleProperty = {
    name: 'PerIpRateLimit',
    priority: 0,
    action: { block: {} },
    statement: {
      rateBasedStatement: { aggregateKeyType: 'IP', limit: settings.rateLimitPer5Min, evaluationWindowSec: 300 },
    },
    visibilityConfig: visibility('PerIpRateLimit'),
  };
  const ordered = [...managed.slice(0, 1), rateRule, ...managed.slice(1)];
  return ordered.map((rule, index) => ({ ...rule, priority: index * 10 }));
}
