import { ALL_API_KINDS, defineRule, type RuleContext } from '../../lib/engine/rule';
import { itemsWithIds } from '../../lib/model/lookup';
import type { Api, PolicyStatement } from '../../lib/model/types';
import { isUnresolved, type Value } from '../../lib/model/value';

type Options = Record<string, never>;

/**
 * Where the API answers IPv6 callers: 'the API' (IpAddressType dualstack, or a PRIVATE REST API, which is
 * always dualstack), 'domain <name>' for a dual-stack custom domain mapped to it, or undefined (IPv4 only).
 * Stops with `unknown` when an address type it depends on is unresolved.
 */
export function ipv6Entry(api: Api, ctx: RuleContext<unknown>): string | undefined {
  if (api.ipAddressType !== undefined) {
    if (ctx.need(api.ipAddressType, 'the API IP address type').toLowerCase() === 'dualstack')
      return 'the API (IpAddressType dualstack)';
  } else if (api.kind === 'rest') {
    const types = ctx.need(api.endpointTypes, 'the API endpoint type').map((t) => t.toUpperCase());
    if (types.includes('PRIVATE')) return 'the API (PRIVATE APIs are always dual-stack)';
  }
  for (const domain of itemsWithIds(ctx.inventory.domains, api.domainIds)) {
    if (domain.ipAddressType === undefined) continue;
    if (ctx.need(domain.ipAddressType, 'the IP address type of a mapped domain').toLowerCase() === 'dualstack')
      return `custom domain ${isUnresolved(domain.name) ? domain.id : (domain.name ?? domain.id)} (dualstack)`;
  }
  return undefined;
}

const IP_KEYS = ['aws:sourceip', 'aws:vpcsourceip'];

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** What an IPv4-only condition does to IPv6 callers, by statement effect and operator. */
function effectOnIpv6(effect: string, negated: boolean): string {
  if (effect === 'Deny' && !negated) return 'IPv6 callers are not denied: they bypass this denylist';
  if (effect === 'Allow' && negated) return 'IPv6 callers are not excluded: they bypass this exclusion';
  if (effect === 'Allow') return 'IPv6 callers are never allowed by this statement (an allowlist without IPv6 ranges)';
  return 'every IPv6 caller is denied by this statement (an allowlist without IPv6 ranges)';
}

export default defineRule<'api', Options>({
  id: 'dualstack-source-ip',
  title: 'Dual-stack APIs list IPv6 ranges in their resource-policy IP conditions',
  rationale:
    'With IpAddressType dualstack (or a dual-stack custom domain) an API answers IPv6 callers, and an aws:SourceIp ' +
    'condition that lists IPv4 CIDRs only never matches them: a denylist is bypassed over IPv6, and an allowlist either ' +
    'locks IPv6 clients out or, as an exclusion, lets them in. AWS asks to update such policies before switching to dual-stack.',
  fix: {
    cdk:
      'Add the IPv6 ranges to the `aws:SourceIp` condition of the `policy: new iam.PolicyDocument(...)`, or keep ' +
      '`endpointConfiguration: { ipAddressType: apigw.IpAddressType.IPV4 }` until the policy covers IPv6.',
    cloudFormation:
      'List IPv6 CIDRs next to the IPv4 ones in every `aws:SourceIp` / `aws:VpcSourceIp` condition of `Policy`, or set ' +
      '`EndpointConfiguration.IpAddressType` (v2: `IpAddressType`) to ipv4.',
    sam: 'Add IPv6 ranges to `Auth.ResourcePolicy.IpRangeWhitelist` / `IpRangeBlacklist` of the AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API5:2023'],
  controls: { nist80053: ['AC-3', 'SC-7'], pciDss4: ['1.4.1', '7.2.1'] },
  // IP address types are from 2025: no peer scanner checks the policy against them.
  references: {},
  appliesTo: { subject: 'api', apiKinds: ALL_API_KINDS },
  check(api, ctx) {
    if (api.policy === undefined) return ctx.skip();
    if (isUnresolved(api.policy)) {
      // Only an API that accepts IPv6 needs its policy read.
      if (ipv6Entry(api, ctx) === undefined) return ctx.skip();
      ctx.need(api.policy, 'the resource policy');
      return;
    }
    const conditions = api.policy.Statement.flatMap((statement, index) => ipv4OnlyConditions(statement, index, ctx));
    if (conditions.length === 0) return;
    const entry = ipv6Entry(api, ctx);
    if (entry === undefined) return ctx.skip();
    for (const c of conditions) {
      ctx.fail(
        `${c.label} (${c.effect}, ${c.operator} ${c.key}) lists IPv4 ranges only, but ${entry} accepts IPv6: ` +
          `${effectOnIpv6(c.effect, c.negated)}.`,
        { location: 'Properties.Policy' },
      );
    }
  },
});

interface Ipv4OnlyCondition {
  readonly label: string;
  readonly effect: string;
  readonly operator: string;
  readonly key: string;
  readonly negated: boolean;
}

/** The statement's IpAddress / NotIpAddress conditions on a source-IP key that list IPv4 ranges only. */
function ipv4OnlyConditions(statement: PolicyStatement, index: number, ctx: RuleContext<Options>): Ipv4OnlyCondition[] {
  const condition = statement.Condition;
  if (condition === undefined) return [];
  const label = typeof statement.Sid === 'string' ? `Statement ${statement.Sid}` : `Statement ${index + 1}`;
  const known = (value: unknown, what: string): unknown => ctx.need(value as Value<unknown>, what);
  const found: Ipv4OnlyCondition[] = [];
  for (const [operator, keys] of Object.entries(asRecord(known(condition, 'the statement condition')))) {
    const base = operator.replace(/^(ForAnyValue|ForAllValues):/, '').replace(/IfExists$/, '');
    if (base !== 'IpAddress' && base !== 'NotIpAddress') continue;
    for (const [key, value] of Object.entries(asRecord(known(keys, `the ${operator} condition`)))) {
      if (!IP_KEYS.includes(key.toLowerCase())) continue;
      const ranges = asList(known(value, `the ${key} ranges`)).map((range) => String(known(range, `a ${key} range`)));
      if (ranges.length === 0 || ranges.some((range) => range.includes(':'))) continue;
      const effect = String(known(statement.Effect, 'the statement effect'));
      found.push({ label, effect, operator, key, negated: base === 'NotIpAddress' });
    }
  }
  return found;
}
