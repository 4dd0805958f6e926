import type { Finding } from './finding';
import { compareFindings, STATUS_ORDER } from './finding';

/**
 * The findings in `compareFindings` order (status, rule, resource label, message; ties keep their input
 * order), as a new array.
 *
 * The same order as `[...findings].sort(compareFindings)`, without its cost: that comparator compares
 * long resource labels thousands of times per finding set and was a third of `evaluate` on a stack of
 * 400 APIs. Here each distinct rule id and label is ranked once, every finding gets one number
 * (status, rule rank, label rank, input position) and a typed-array sort orders the numbers. Only findings
 * that share status, rule and label are then compared by message.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const n = findings.length;
  if (sortedByUs.has(findings) || isSorted(findings)) return remember([...findings]);
  const ruleRank = rankOf(findings, (f) => f.ruleId);
  const labelRank = rankOf(findings, (f) => f.resource.label);
  const rules = ruleRank.size;
  const labels = labelRank.size;
  // Every key must be an exact integer in a double.
  if (4 * rules * labels * n > Number.MAX_SAFE_INTEGER) return [...findings].sort(compareFindings);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    const primary =
      (STATUS_ORDER[f.status] * rules + (ruleRank.get(f.ruleId) as number)) * labels +
      (labelRank.get(f.resource.label) as number);
    keys[i] = primary * n + i;
  }
  keys.sort();
  const sorted = new Array<Finding>(n);
  for (let i = 0; i < n; i++) sorted[i] = findings[keys[i] % n];
  // Runs that share status, rule and label: order by message; the sort is stable, so input order breaks ties.
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && Math.floor(keys[i] / n) === Math.floor(keys[start] / n)) continue;
    if (i - start > 1) {
      const run = sorted.slice(start, i).sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
      for (let j = 0; j < run.length; j++) sorted[start + j] = run[j];
    }
    start = i;
  }
  return remember(sorted);
}

/**
 * Arrays this function returned. `evaluate` hands them out as `readonly Finding[]`, so `buildReport`,
 * which sorts again whatever it is given, can skip the work for an evaluation's own findings (checking
 * the order costs 9,000 comparisons on a 400-API stack). A baseline builds a new array, which is sorted.
 */
const sortedByUs = new WeakSet<readonly Finding[]>();

function remember(sorted: Finding[]): Finding[] {
  sortedByUs.add(sorted);
  return sorted;
}

/** A report re-sorts what `evaluate` already sorted: one linear pass finds that out. */
function isSorted(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (compareFindings(findings[i - 1], findings[i]) > 0) return false;
  return true;
}

/** Rank of each distinct string, in code-unit order (what `<` compares). */
function rankOf(findings: readonly Finding[], key: (f: Finding) => string): Map<string, number> {
  const distinct = new Set<string>();
  for (const f of findings) distinct.add(key(f));
  const ranks = new Map<string, number>();
  // The default sort orders strings by UTF-16 code units, as `<` does, without calling back into JavaScript.
  [...distinct].sort().forEach((value, rank) => ranks.set(value, rank));
  return ranks;
}
