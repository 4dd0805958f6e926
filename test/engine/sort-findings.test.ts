import { compareFindings, type Finding, type FindingStatus } from '../../lib/engine/finding';
import { sortFindings } from '../../lib/engine/sort-findings';

const STATUSES: FindingStatus[] = ['pass', 'fail', 'acknowledged', 'unknown', 'baselined'];

/** A deterministic pseudo-random generator, so a failure reproduces. */
function generator(seed: number): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * max); // high bits: the low bits of this generator cycle fast
  };
}

function randomFindings(count: number, seed: number): Finding[] {
  const next = generator(seed);
  // Few distinct values, so many findings share status, rule and label and the message and input order decide.
  const labels = [
    'Api10 (rest API) › stage prod',
    'Api9 (rest API) › stage prod',
    'Api1 (rest API) › GET /items',
    'api › ü',
    'Api1 (rest API)',
    '',
  ];
  const messages = ['b message', 'a message', 'A message', 'a message'];
  return Array.from({ length: count }, (_, i) => ({
    ruleId: ['waf-rules', 'stage-waf', 'cors-origins', 'not-evaluable'][next(4)],
    title: 't',
    status: STATUSES[next(STATUSES.length)],
    severity: 'error',
    message: messages[next(messages.length)],
    fix: `fix ${i}`,
    resource: { kind: 'stage', label: labels[next(labels.length)], source: {} },
    tier: 'internal',
  }));
}

describe('sortFindings', () => {
  it.each([0, 1, 2, 7, 500, 3000])(
    'orders %i findings exactly like sort(compareFindings), ties in input order',
    (count) => {
      for (const seed of [1, 2, 3]) {
        const findings = randomFindings(count, seed);
        const expected = [...findings].sort(compareFindings);
        const actual = sortFindings(findings);
        // Identity, not equality: findings that differ only in `fix` must keep their input order.
        expect(actual.map((f) => findings.indexOf(f))).toEqual(expected.map((f) => findings.indexOf(f)));
      }
    },
  );

  it('returns a new array and leaves its input alone', () => {
    const findings = randomFindings(50, 9);
    const before = [...findings];
    const sorted = sortFindings(findings);
    expect(sorted).not.toBe(findings);
    expect(findings).toEqual(before);
  });

  it('puts fail before unknown before acknowledged before baselined before pass, whatever the input order', () => {
    const order: FindingStatus[] = ['fail', 'unknown', 'acknowledged', 'baselined', 'pass'];
    const statuses = sortFindings(randomFindings(200, 4)).map((f) => order.indexOf(f.status));
    expect(statuses.every((rank, i) => i === 0 || statuses[i - 1] <= rank)).toBe(true);
    expect(new Set(statuses).size).toBe(5);
  });
});
