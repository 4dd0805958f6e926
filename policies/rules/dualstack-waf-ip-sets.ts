import { defineRule } from '../../lib/engine/rule';
import type { WafIpSet } from '../../lib/model/types';
import { isKnown } from '../../lib/model/value';
import { ipv6Entry } from './dualstack-source-ip';

const label = (set: WafIpSet): string => (isKnown(set.name) ? set.name : set.id);

export default defineRule<'stage', Record<string, never>>({
  id: 'dualstack-waf-ip-sets',
  title: 'Web ACL IP-set rules of dual-stack APIs cover IPv6 too',
  rationale:
    'An AWS::WAFv2::IPSet holds addresses of one IP version. A web ACL rule that matches IPv4 sets only never matches an ' +
    'IPv6 caller: once the API (or its custom domain) is dual-stack, a block list is bypassed over IPv6 and an allow ' +
    'list no longer says who may call.',
  fix: {
    cdk:
      'Add a `wafv2.CfnIPSet` with `ipAddressVersion: "IPV6"` holding the same callers and reference it next to the IPv4 ' +
      'set (an `orStatement` of two `ipSetReferenceStatement`s).',
    cloudFormation:
      'Reference an AWS::WAFv2::IPSet with `IPAddressVersion: IPV6` in the same rule (OrStatement of both ' +
      'IPSetReferenceStatements), or keep the API and its domains on IpAddressType ipv4.',
  },
  severity: 'error',
  owasp: ['API8:2023'],
  controls: { nist80053: ['SC-7', 'AC-4'], pciDss4: ['1.4.1', '6.4.2'] },
  // IP address types are from 2025: no peer scanner compares IP sets with them.
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ['rest'] },
  check(stage, ctx) {
    const api = ctx.api;
    if (!api || !stage.waf) return ctx.skip();
    const entry = ipv6Entry(api, ctx);
    if (entry === undefined) return ctx.skip();
    const acl = ctx.need(stage.waf.webAcl, 'the associated web ACL');
    const rules = ctx.need(acl.rules, 'the web ACL rules');
    for (const rule of rules) {
      if (!rule.ipSets) continue;
      const sets = rule.ipSets.map((set) => ctx.need(set, 'an IP set the rule references'));
      const versions = sets.map((set) => ctx.need(set.ipAddressVersion, `the IP version of IP set ${label(set)}`));
      if (versions.some((v) => v.toUpperCase() === 'IPV6')) continue;
      const name = isKnown(rule.name) ? rule.name : '(unnamed)';
      ctx.fail(
        `Web ACL rule ${name} matches IPv4 IP sets only (${sets.map(label).join(', ')}), but ${entry} accepts IPv6: ` +
          'IPv6 callers are never matched by it.',
        { source: acl.source, location: 'Properties.Rules' },
      );
    }
  },
});
