import type { Api } from '../model/types';
import { isKnown } from '../model/value';
import type { AnyRule, Severity } from './rule';

/** How one rule is configured, in the standard's `rules` or in a tier's `rules`. */
export interface RuleSetting {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  /** Merged over the rule's default options (shallow: a key set here replaces the default). */
  readonly options?: Record<string, unknown>;
  /** False: acknowledging this rule is itself a finding (e.g. no public API for restricted data). */
  readonly acknowledgeable?: boolean;
}

export interface TierSetting {
  readonly description?: string;
  readonly rules?: Record<string, RuleSetting>;
}

/** The organisation's API security standard, as data (see policies/standard.schema.json). */
export interface Standard {
  readonly name: string;
  readonly version?: string;
  readonly description?: string;
  readonly classification: {
    /** Tag holding the API's data classification. @default 'data-classification' */
    readonly tagKey: string;
    /** Tier names, least to most strict. A missing or unknown value selects the last (strictest). */
    readonly tiers: string[];
  };
  /** Tag naming the owning team. @default 'owner' */
  readonly ownerTagKey: string;
  /** How `unknown` findings count: as their rule's severity ('error' rules fail), or capped at warning. */
  readonly unknownAs: 'rule-severity' | 'warning';
  readonly rules: Record<string, RuleSetting>;
  readonly tiers: Record<string, TierSetting>;
}

export interface EffectiveSetting {
  readonly enabled: boolean;
  readonly severity: Severity;
  readonly options: unknown;
  readonly acknowledgeable: boolean;
}

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

  /** The stricter of two tiers. */
  stricter(a: string, b: string): string {
    const tiers = this.standard.classification.tiers;
    return tiers.indexOf(a) >= tiers.indexOf(b) ? a : b;
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
