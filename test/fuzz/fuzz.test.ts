import { fuzz, violationsOf } from './harness';

describe('fuzz: mutants of the shared corpus (a sample; `npm run fuzz` runs 5,000)', () => {
  it('keeps every guarantee on 250 seeded mutants: exits 0/1/2, no E_INTERNAL, errors name the file, no unknowable fail turns into a pass', async () => {
    const result = await fuzz({ mutants: 250, seed: 15 });
    expect(result.violations).toEqual([]);
    expect(result.mutants).toBe(250);
    // Every kind of mutation ran, and some mutants were refused (exit 2) while most were evaluated.
    expect(Object.keys(result.byKind).sort()).toEqual([
      'alias-bomb',
      'bytes',
      'deep-nesting',
      'reference-cycle',
      'type-swap',
      'unknowable',
      'wrong-arity',
    ]);
    expect(result.exits['2']).toBeGreaterThan(0);
    expect(result.exits['1']).toBeGreaterThan(result.exits['2']);
  });
});

describe('fuzz: what counts as a broken guarantee', () => {
  const finding = (status: string): object => ({
    ruleId: 'data-trace',
    status,
    resource: { kind: 'stage', label: 'x', logicalId: 'Stage' },
  });
  const before = new Map([['data-trace|stage|Stage|', new Set(['fail'])]]);
  const report = (status: string): string => JSON.stringify({ findings: [finding(status)] });

  it('fails a mutant that ends in E_INTERNAL or an error line without the file', () => {
    const internal = { code: 2, stdout: '', stderr: 'api-guardrails: error E_INTERNAL: boom (m.json). Fix: x\n' };
    expect(violationsOf(internal, 'm.json', false, before)).toEqual([expect.stringMatching(/^E_INTERNAL/)]);
    const unnamed = { code: 2, stdout: '', stderr: 'api-guardrails: error E_TEMPLATE_READ: cannot read. Fix: x\n' };
    expect(violationsOf(unnamed, 'm.json', false, before)).toEqual([expect.stringMatching(/does not name the file/)]);
  });

  it('fails an unknowable mutation that turns a failing check into a passing one, and accepts one that makes it unknown', () => {
    expect(violationsOf({ code: 0, stdout: report('pass'), stderr: '' }, 'm.json', true, before)).toEqual([
      'an unknowable value turned a fail into a pass: data-trace|stage|Stage|',
    ]);
    expect(violationsOf({ code: 1, stdout: report('unknown'), stderr: '' }, 'm.json', true, before)).toEqual([]);
    expect(violationsOf({ code: 3, stdout: report('unknown'), stderr: '' }, 'm.json', true, before)).toEqual([
      'exit code 3',
    ]);
  });
});
