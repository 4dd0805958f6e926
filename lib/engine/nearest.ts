import { distance } from 'fastest-levenshtein';

/**
 * The valid value closest to a mistyped one (Levenshtein distance, case-insensitive), or undefined when
 * none is close enough to be what was meant: at most a third of the longer string's length, and never
 * more than 3 edits. Ties go to the earlier candidate, so callers list candidates in a stable order.
 */
export function nearest(received: unknown, candidates: readonly string[]): string | undefined {
  if (typeof received !== 'string' || received.length === 0) return undefined;
  const typed = received.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(typed, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.min(3, Math.ceil(Math.max(typed.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** "did you mean 'x'?" for an error's fix text, or the full list when nothing is close. */
export function suggestion(received: unknown, candidates: readonly string[]): string {
  const close = nearest(received, candidates);
  return close !== undefined
    ? `did you mean '${close}'?`
    : `valid values are ${candidates.map((c) => `'${c}'`).join(', ')}.`;
}
