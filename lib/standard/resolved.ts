import type { Api } from '../model/types';
import { isKnown } from '../model/value';
import type { Acknowledgement } from '../engine/finding';
import type { AnyRule } from '../engine/rule';
import type { EffectiveSetting, Standard } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A standard bound to a rule set: every (tier, rule) setting computed once, up front, so the engine's
 * walk does a map lookup per subject and nothing more.
 */
export class ResolvedStandard {
  readonly strictestTier: string;
  private readonly table = new Map<string, Map<string, EffectiveSetting>>();

  constructor(
    readonly standard: Standard,
    readonly rules: readonly AnyRule[],
  ) {
    const tiers = standard.classification.tiers;
    this.strictestTier = tiers[tiers.length - 1];
    for (const tier of tiers) {
      const byRule = new Map<string, EffectiveSetting>();
      for (const rule of rules) byRule.set(rule.id, this.compute(rule, tier));
      this.table.set(tier, byRule);
    }
  }

  setting(ruleId: string, tier: string): EffectiveSetting | undefined {
    return this.table.get(tier)?.get(ruleId);
  }

  /** Tier of an API from its classification tag; missing, unresolved or unknown values give the strictest tier. */
  tierOf(api: Api): string {
    const value = api.tags[this.standard.classification.tagKey];
    if (isKnown(value) && this.table.has(value)) return value;
    return this.strictestTier;
  }

  /** Why an API is in the strictest tier without asking for it (no, unresolved or unknown classification tag), or undefined. */
  tierDefaultedBecause(api: Api): string | undefined {
    const key = this.standard.classification.tagKey;
    const value = api.tags[key];
    if (value === undefined) return `no ${key} tag`;
    if (!isKnown(value)) return `${key} tag unresolved`;
    return this.table.has(value) ? undefined : `${key} tag "${value}" is not a tier`;
  }

  /** The stricter of two tiers. */
  stricter(a: string, b: string): string {
    const tiers = this.standard.classification.tiers;
    return tiers.indexOf(a) >= tiers.indexOf(b) ? a : b;
  }

  /**
   * Why the standard's `acknowledgements` policy refuses an acknowledgement, or undefined when it is
   * allowed: an expiry beyond `maxDaysAhead` days from `today` (UTC), or no expiry under `requireExpiry`.
   * Baseline entries are not acknowledgements of risk and are never refused here.
   */
  acknowledgementRefusal(ack: Pick<Acknowledgement, 'expires' | 'via'>, today: Date = new Date()): string | undefined {
    const policy = this.standard.acknowledgements;
    if (!policy || ack.via === 'baseline') return undefined;
    if (ack.expires === undefined) {
      return policy.requireExpiry
        ? 'it has no expiry date and the standard requires one (acknowledgements.requireExpiry)'
        : undefined;
    }
    const cap = policy.maxDaysAhead;
    if (cap === undefined) return undefined;
    const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    const latest = new Date(start + cap * DAY_MS).toISOString().slice(0, 10);
    if (ack.expires <= latest) return undefined;
    return `it expires on ${ack.expires}, beyond the standard's cap of ${cap} days ahead (acknowledgements.maxDaysAhead: latest allowed ${latest})`;
  }

  private compute(rule: AnyRule, tier: string): EffectiveSetting {
    const base = this.standard.rules[rule.id] ?? {};
    const forTier = this.standard.tiers[tier]?.rules?.[rule.id] ?? {};
    const defaults = (rule.options?.defaults ?? {}) as Record<string, unknown>;
    return {
      enabled: forTier.enabled ?? base.enabled ?? true,
      severity: forTier.severity ?? base.severity ?? rule.severity,
      options: { ...defaults, ...(base.options ?? {}), ...(forTier.options ?? {}) },
      acknowledgeable: forTier.acknowledgeable ?? base.acknowledgeable ?? true,
    };
  }
}
