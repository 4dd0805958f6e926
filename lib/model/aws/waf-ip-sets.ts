import type { IPSet, Statement } from '@aws-sdk/client-wafv2';
import type { WafIpSet } from '../types';
import { unresolved, type Value } from '../value';
import type { WebAclSnapshot } from './snapshot';

/** Name, id and scope of a WAFv2 IP set ARN (`arn:aws:wafv2:eu-west-1:1111:regional/ipset/name/id`). */
export function parseIpSetArn(arn: string): { name: string; id: string; scope: 'REGIONAL' | 'CLOUDFRONT' } | undefined {
  const match = /^arn:aws[a-z-]*:wafv2:[^:]*:[^:]*:(regional|global)\/ipset\/([^/]+)\/([^/]+)$/.exec(arn);
  if (!match) return undefined;
  return { scope: match[1] === 'global' ? 'CLOUDFRONT' : 'REGIONAL', name: match[2], id: match[3] };
}

/** ARNs of the IP sets a rule statement references, at any depth (And/Or/Not, rate-based scope-down). */
export function ipSetArnsOf(statement: Statement | undefined, depth = 0): string[] {
  if (!statement || depth > 20) return [];
  const inner = [
    ...(statement.AndStatement?.Statements ?? []),
    ...(statement.OrStatement?.Statements ?? []),
    ...(statement.NotStatement?.Statement ? [statement.NotStatement.Statement] : []),
    ...(statement.RateBasedStatement?.ScopeDownStatement ? [statement.RateBasedStatement.ScopeDownStatement] : []),
  ];
  const own = statement.IPSetReferenceStatement?.ARN ? [statement.IPSetReferenceStatement.ARN] : [];
  return [...own, ...inner.flatMap((s) => ipSetArnsOf(s, depth + 1))];
}

/** The IP sets a rule statement references, as read with GetIPSet; undefined when it references none. */
export function mapIpSets(statement: Statement | undefined, snapshot: WebAclSnapshot): Value<WafIpSet>[] | undefined {
  const arns = ipSetArnsOf(statement);
  if (arns.length === 0) return undefined;
  return arns.map((arn): Value<WafIpSet> => {
    const read = snapshot.ipSets?.[arn];
    if (!read) return unresolved(`IP set ${arn} was not read (GetIPSet)`);
    if (!read.ok) return unresolved(read.because);
    const set: IPSet = read.value;
    return {
      id: arn,
      source: { arn, resourceType: 'AWS::WAFv2::IPSet' },
      name: set.Name,
      ipAddressVersion: set.IPAddressVersion ?? unresolved(`GetIPSet returned no IPAddressVersion for ${arn}`),
      addresses: set.Addresses ?? [],
    };
  });
}
