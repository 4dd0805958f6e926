import type { ResolvedStandard } from '../standard';
import { resolveStandard } from '../standard';

let shipped: ResolvedStandard | undefined;

/**
 * A rule's effective options in the shipped standard for a data-classification tier (rule defaults ←
 * standard ← tier). The constructs derive their bounds from it, so a construct's defaults pass the
 * standard in the tier it is tagged with. Loaded once per process.
 */
export function standardOptions<T extends object>(ruleId: string, tier: string): Partial<T> {
  shipped ??= resolveStandard();
  const options = shipped.setting(ruleId, tier)?.options;
  return (options && typeof options === 'object' ? options : {}) as Partial<T>;
}
