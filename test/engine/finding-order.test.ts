import { sortFindings, type Finding, type FindingStatus } from '../../lib/engine/finding';

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
  const finding = (status: FindingStatus, ruleId: string, label: string, message: string, fix = ''): Finding => ({
    ruleId,
    title: 't',
    status,
    severity: 'error',
    message,
    fix,
    resource: { kind: 'stage', label, source: {} },
    tier: 'internal',
  });

  it('orders by status, then rule id, resource label and message, in code-unit order', () => {
    const findings = [
      finding('pass', 'a-rule', 'A', 'm'),
      finding('fail', 'stage-waf', 'Api9', 'm'),
      finding('fail', 'stage-waf', 'Api10', 'b'),
      finding('fail', 'stage-waf', 'Api10', 'a'),
      finding('fail', 'cors-origins', 'Z', 'm'),
      finding('unknown', 'a-rule', 'A', 'm'),
    ];
    // 'Api10' < 'Api9' by code unit: labels are not compared as numbers.
    expect(sortFindings(findings).map((f) => `${f.status} ${f.ruleId} ${f.resource.label} ${f.message}`)).toEqual([
      'fail cors-origins Z m',
      'fail stage-waf Api10 a',
      'fail stage-waf Api10 b',
      'fail stage-waf Api9 m',
      'unknown a-rule A m',
      'pass a-rule A m',
    ]);
  });

  it('keeps findings that differ only in their fix in input order, for any input size', () => {
    for (const count of [2, 7, 500, 3000]) {
      const findings = randomFindings(count, count);
      const sorted = sortFindings(findings);
      for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1], sorted[i]];
        const same =
          a.status === b.status &&
          a.ruleId === b.ruleId &&
          a.resource.label === b.resource.label &&
          a.message === b.message;
        if (same) expect(findings.indexOf(a)).toBeLessThan(findings.indexOf(b));
      }
    }
  });

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
