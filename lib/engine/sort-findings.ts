import type { Finding } from './finding';
import { compareFindings, STATUS_ORDER } from './finding';

/**
 * The findings in `compareFindings` order (status, rule, resource label, message; ties keep their input
 * order), as a new array.
 *
 * The same order as `[...findings].sort(compareFindings)`, which compares long resource labels many
 * times per finding (kept for its cost: see the benchmark README). Each distinct rule id and label is
 * ranked once, every finding gets one number
 * (status, rule rank, label rank, input position) and a typed-array sort orders the numbers. Only findings
 * that share status, rule and label are then compared by message.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const n = findings.length;
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
  return sorted;
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
