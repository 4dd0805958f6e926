import type { Severity } from '../engine/rule';

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

/** Limits on acknowledgements (risk acceptances) the standard allows. */
export interface AcknowledgementPolicy {
  /**
   * An acknowledgement may expire at most this many days after the day it is evaluated; one expiring
   * later is refused (its finding keeps failing, naming the cap and the date). @default no cap
   */
  readonly maxDaysAhead?: number;
  /** True: an acknowledgement without an expiry date is refused (baselines are not affected). @default false */
  readonly requireExpiry?: boolean;
}

/** The organisation's API security standard, as data (see the package's `standard.schema.json`). */
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
  readonly acknowledgements?: AcknowledgementPolicy;
  readonly rules: Record<string, RuleSetting>;
  readonly tiers: Record<string, TierSetting>;
}

export interface EffectiveSetting {
  readonly enabled: boolean;
  readonly severity: Severity;
  readonly options: unknown;
  readonly acknowledgeable: boolean;
}
