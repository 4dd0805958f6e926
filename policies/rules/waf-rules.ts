import { defineRule } from '../../lib/engine/rule';
import type { WafRule } from '../../lib/model/types';
import { isKnown, isUnresolved } from '../../lib/model/value';

interface Options {
  /** Managed rule groups that must be present and blocking: 'Name' (vendor AWS) or 'Vendor/Name'. */
  readonly requiredManagedRuleGroups: string[];
  /** A blocking rate-based rule must be present. */
  readonly requireRateBasedRule: boolean;
  /** Highest rate-based limit (requests per evaluation window per key) the standard accepts; 0 = no bound. */
  readonly maxRateBasedLimit: number;
}

export default defineRule<'stage', Options>({
  id: 'waf-rules',
  title: 'The stage’s web ACL blocks with the standard’s managed rule groups and a rate-based rule',
  rationale:
    'A web ACL without rules (or with rules in COUNT mode) inspects nothing. The AWS managed groups block common ' +
    'exploits and known-bad inputs, and a rate-based rule stops one client flooding the API.',
  fix: {
    cdk:
      "Use an `OrgWebAcl` (SecureRestApi creates one), which blocks with the standard's managed rule groups " +
      'and a rate-based rule; otherwise give the `wafv2.CfnWebACL` those rules.',
    cloudFormation:
      'Add the managed rule groups (ManagedRuleGroupStatement with OverrideAction None) and a ' +
      'RateBasedStatement rule with Action Block to the AWS::WAFv2::WebACL.',
  },
  severity: 'error',
  owasp: ['API4:2023', 'API8:2023'],
  controls: { nist80053: ['SC-5', 'SC-7', 'SI-4'], pciDss4: ['6.4.2'] },
  references: { checkov: 'CKV2_AWS_77' },
  appliesTo: { subject: 'stage', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        requiredManagedRuleGroups: {
          type: 'array',
          items: { type: 'string', pattern: '^([A-Za-z0-9_.-]+/)?[A-Za-z0-9_.-]+$' },
          uniqueItems: true,
        },
        requireRateBasedRule: { type: 'boolean' },
        maxRateBasedLimit: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
    defaults: {
      requiredManagedRuleGroups: ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'],
      requireRateBasedRule: true,
      maxRateBasedLimit: 0,
    },
  },
  check(stage, ctx) {
    // Only stages with a web ACL: a missing association is stage-waf's finding.
    if (!stage.waf) return ctx.skip();
    const acl = ctx.need(stage.waf.webAcl, 'the associated web ACL');
    const aclName = isKnown(acl.name) ? acl.name : acl.id;
    const rules = ctx.need(acl.rules, `the rules of web ACL ${aclName}`);
    const opts = { source: acl.source, location: 'Properties.Rules' };
    // Rules whose identity or action is unresolved may or may not satisfy a requirement.
    const doubtful = rules.filter(
      (r) =>
        isUnresolved(r.countOnly) ||
        (r.managedRuleGroup && (isUnresolved(r.managedRuleGroup.name) || isUnresolved(r.managedRuleGroup.vendor))),
    );

    const missing: string[] = [];
    const counting: string[] = [];
    for (const required of ctx.options.requiredManagedRuleGroups) {
      const [vendor, name] = required.includes('/') ? required.split('/', 2) : ['AWS', required];
      const found = rules.filter((r) => isManagedGroup(r, vendor, name));
      if (found.some((r) => r.countOnly === false)) continue;
      (found.length ? counting : missing).push(required);
    }
    if (missing.length && doubtful.length) {
      ctx.unknown(
        `Web ACL ${aclName} may lack ${missing.join(', ')}: ${doubtful.length} rule(s) have unresolved names or actions.`,
        opts,
      );
    } else if (missing.length) {
      ctx.fail(`Web ACL ${aclName} lacks the managed rule group(s) ${missing.join(', ')}.`, opts);
    }
    if (counting.length)
      ctx.fail(
        `Web ACL ${aclName} runs ${counting.join(', ')} in COUNT mode only: matching requests are not blocked.`,
        opts,
      );

    if (!ctx.options.requireRateBasedRule) return;
    const rateRules = rules.filter((r) => r.rateBased);
    const blocking = rateRules.filter((r) => r.countOnly === false);
    if (blocking.length === 0) {
      if (rateRules.some((r) => isUnresolved(r.countOnly))) {
        return ctx.unknown(`Web ACL ${aclName}: whether a rate-based rule blocks is unresolved.`, opts);
      }
      const why = rateRules.length ? 'its rate-based rule only counts' : 'it has no rate-based rule';
      return ctx.fail(`Web ACL ${aclName} does not rate-limit clients: ${why}.`, opts);
    }
    const max = ctx.options.maxRateBasedLimit;
    if (max <= 0) return;
    const limits = blocking.map((r) => r.rateBased!.limit);
    if (limits.some((l) => isKnown(l) && l <= max)) return;
    const unresolvedLimit = limits.find(isUnresolved);
    if (unresolvedLimit)
      return ctx.unknown(`Web ACL ${aclName}: the rate-based limit is unresolved (${unresolvedLimit.because}).`, opts);
    ctx.fail(
      `Web ACL ${aclName} rate-limits at ${limits.join(', ')} requests per window; the standard allows at most ${max}.`,
      opts,
    );
  },
});

function isManagedGroup(rule: WafRule, vendor: string, name: string): boolean {
  const group = rule.managedRuleGroup;
  return !!group && group.vendor === vendor && group.name === name;
}
