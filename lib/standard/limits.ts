import type { AnyRule } from '../engine/rule';
import { describe, type StandardIssue } from './errors';
import type { Standard } from './types';

/** API Gateway's default account quotas per Region: 10,000 requests per second, bursts of 5,000. */
export const ACCOUNT_RATE_LIMIT = 10_000;
export const ACCOUNT_BURST_LIMIT = 5_000;

type Options = Record<string, unknown>;
interface Problem {
  /** The options involved; the problem is reported on the first one the user set (most specific place first). */
  readonly keys: readonly string[];
  readonly message: string;
}

/**
 * Settings a schema cannot refuse because they only make sense together, or because they are valid JSON
 * but no security standard: checked on each tier's effective options (rule defaults, then `rules`, then
 * the tier), reported at the place the user set the value.
 */
const CHECKS: Readonly<Record<string, (options: Options) => Problem[]>> = {
  'stage-throttling': (o) => {
    const out: Problem[] = [];
    const max = o.maxRateLimit as number;
    const burst = o.maxBurstLimit as number;
    if (max > ACCOUNT_RATE_LIMIT) {
      out.push({
        keys: ['maxRateLimit'],
        message: `received ${describe(max)}; a cap above the account limit of ${ACCOUNT_RATE_LIMIT} requests/s checks nothing; the nearest valid value is ${ACCOUNT_RATE_LIMIT}.`,
      });
    }
    if (burst > ACCOUNT_BURST_LIMIT) {
      out.push({
        keys: ['maxBurstLimit'],
        message: `received ${describe(burst)}; a cap above the account burst limit of ${ACCOUNT_BURST_LIMIT} checks nothing; the nearest valid value is ${ACCOUNT_BURST_LIMIT}.`,
      });
    }
    if ((o.minRateLimit as number) > max) {
      out.push({
        keys: ['minRateLimit', 'maxRateLimit'],
        message: `received ${describe(o.minRateLimit)}, above maxRateLimit ${describe(max)}: no stage could pass; the nearest valid value is ${describe(max)}.`,
      });
    }
    if ((o.minBurstLimit as number) > burst) {
      out.push({
        keys: ['minBurstLimit', 'maxBurstLimit'],
        message: `received ${describe(o.minBurstLimit)}, above maxBurstLimit ${describe(burst)}: no stage could pass; the nearest valid value is ${describe(burst)}.`,
      });
    }
    return out;
  },
  'required-tags': (o) =>
    Array.isArray(o.requiredKeys) && o.requiredKeys.length === 0
      ? [
          {
            keys: ['requiredKeys'],
            message:
              'received []; an empty list requires no tag and the rule would pass every API; the nearest valid value is ["owner"] (or disable the rule with enabled: false).',
          },
        ]
      : [],
  'domain-tls': (o) =>
    Array.isArray(o.allowedPolicies) && o.allowedPolicies.includes('TLS_1_0')
      ? [
          {
            keys: ['allowedPolicies'],
            message: `received ${describe(o.allowedPolicies)}; TLS 1.0 is deprecated (RFC 8996) and cannot be allowed by a security standard; the nearest valid value is "TLS_1_2".`,
          },
        ]
      : [],
};

/** Problems of a schema-valid standard's effective options, one per place the user set a value. */
export function limitIssues(standard: Standard, rules: readonly AnyRule[]): StandardIssue[] {
  const seen = new Set<string>();
  const out: StandardIssue[] = [];
  for (const rule of rules) {
    const check = CHECKS[rule.id];
    if (!check) continue;
    const base = standard.rules[rule.id]?.options ?? {};
    for (const tier of standard.classification.tiers) {
      const forTier = standard.tiers[tier]?.rules?.[rule.id]?.options ?? {};
      const effective = { ...((rule.options?.defaults ?? {}) as Options), ...base, ...forTier };
      for (const problem of check(effective)) {
        const inTier = problem.keys.find((k) => k in forTier);
        const inBase = problem.keys.find((k) => k in base);
        const where =
          inTier !== undefined
            ? `tiers.${tier}.rules.${rule.id}.options.${inTier}`
            : inBase !== undefined
              ? `rules.${rule.id}.options.${inBase}`
              : `tiers.${tier}.rules.${rule.id}.options`;
        const key = `${where}\n${problem.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ path: where, message: problem.message });
      }
    }
  }
  return out;
}

/** Numbers YAML can write (`.inf`, `.nan`) that no option means: each one refused at its path. */
export function nonFiniteIssues(data: unknown): StandardIssue[] {
  const out: StandardIssue[] = [];
  const stack: Array<[unknown, string]> = [[data, '']];
  while (stack.length > 0) {
    const [value, at] = stack.pop()!;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      out.push({ path: at || '(root)', message: `received ${describe(value)}; allowed: a finite number.` });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, `${at}[${i}]`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push([item, at ? `${at}.${key}` : key]);
    }
  }
  return out.reverse();
}
