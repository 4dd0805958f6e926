import type { WafIpSet } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import type { BuildContext } from './context';
import { asArray, asRecord } from './convert';

/** Statements that nest other statements (a rule's IP set may sit inside any of them). */
const NESTING = ['AndStatement', 'OrStatement'] as const;

/** The AWS::WAFv2::IPSet an IPSetReferenceStatement's Arn points at, or why it cannot be known. */
function ipSetAt(ctx: BuildContext, arn: unknown): Value<WafIpSet> {
  if (isUnresolved(arn)) return arn;
  const key = ctx.tokens.resourceKey(arn);
  const resource = key !== undefined ? ctx.resources.get(key) : undefined;
  if (!resource || resource.type !== 'AWS::WAFv2::IPSet')
    return unresolved(`IP set ${ctx.v.describe(arn)} is not in the template`);
  const conditional = ctx.conditional(resource, 'IP set');
  if (conditional) return conditional;
  const props = ctx.props(resource);
  return {
    id: ctx.label(resource.key),
    source: ctx.source(resource),
    name: ctx.v.str(props.Name, 'Name'),
    ipAddressVersion:
      ctx.v.str(props.IPAddressVersion, 'IPAddressVersion') ?? unresolved('IPAddressVersion is not set'),
    addresses: ctx.v.strList(props.Addresses, 'Addresses') ?? [],
  };
}

/**
 * The IP sets a WAF rule statement references, at any depth (And/Or/Not statements, a rate-based rule's
 * scope-down statement); undefined when it references none.
 */
export function ipSetsOf(ctx: BuildContext, statement: unknown): Value<WafIpSet>[] | undefined {
  const found: Value<WafIpSet>[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 20) return;
    if (isUnresolved(value)) {
      found.push(value);
      return;
    }
    const s = asRecord(value);
    const reference = s.IPSetReferenceStatement;
    if (reference !== undefined)
      found.push(ipSetAt(ctx, isUnresolved(reference) ? reference : asRecord(reference).Arn));
    for (const key of NESTING) for (const inner of asArray(asRecord(s[key]).Statements)) walk(inner, depth + 1);
    if (s.NotStatement !== undefined) walk(asRecord(s.NotStatement).Statement, depth + 1);
    if (s.RateBasedStatement !== undefined) {
      const scopeDown = asRecord(s.RateBasedStatement).ScopeDownStatement;
      if (scopeDown !== undefined) walk(scopeDown, depth + 1);
    }
  };
  walk(statement, 0);
  return found.length ? found : undefined;
}
