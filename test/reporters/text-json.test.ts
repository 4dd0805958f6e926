import type { Finding } from '../../lib/engine/finding';
import { renderJson, toJsonReport } from '../../lib/reporters/json';
import { renderReport, REPORT_FORMATS } from '../../lib/reporters/index';
import { renderText } from '../../lib/reporters/text';
import { fixtureReport, SEEDED_SECRET } from './fixture';

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

describe('text reporter', () => {
  const text = renderText(fixtureReport());

  it('prints one line per rule with its counts and severity, the resources indented below it', () => {
    expect(text).toMatch(/^✖ execution-logging {2}1 failing, 1 unknown, 1 acknowledged {2}\(error\)$/m);
    expect(text).toMatch(/^✖ stage-description {2}2 failing {2}\(warning, not blocking\)$/m);
    expect(text).toMatch(/^\? not-evaluable {2}1 unknown {2}\(error\)$/m);
    expect(text).toMatch(
      /^ {4}Orders \(rest API\) › stage prod {2}\[cdk\.out\/Shop\.template\.json › ProdStage\]\n {6}construct Shop\/Orders\/ProdStage$/m,
    );
    expect(text).toMatch(/^ {6}unknown: Cannot decide: the stage logging level is unresolved/m);
    // One fix per failing rule, not per resource, on its own lines.
    expect(text.match(/ {4}fix:\n {6}CDK: Set `description` on the stage/g)).toHaveLength(1);
  });

  it('summarises passes as counts, never a block per passing resource', () => {
    expect(text).toContain('✔ 3 checks passed across 2 rules\n  (execution-logging 1, stage-description 2)');
    expect(text).not.toContain('DevStage');
  });

  it('shows acknowledgements with reason, ticket and expiry, notices, and the per-API tier and owner', () => {
    expect(text.replace(/\n +/g, ' ')).toContain(
      'reason: Legacy | billing <stage> & retired soon (ticket SEC-12, expires 2027-01-31, approved by ciso, via baseline)',
    );
    expect(text).toContain('✖ NOT_EVALUABLE_SAM sam/app.yaml: Template uses the SAM transform');
    expect(text).toMatch(/Orders\n {4}rest · tier internal · owner team-orders/);
    expect(text).toMatch(
      /Billing\n {4}rest · tier restricted \(no data-classification tag: the strictest\) · owner no owner tag/,
    );
  });

  it('fails the run with the number of blocking findings at the fail-on threshold', () => {
    expect(text).toMatch(/✖ FAILED: 3 blocking findings at fail-on error/);
    expect(renderText(fixtureReport('warning'))).toMatch(/✖ FAILED: 5 blocking findings at fail-on warning/);
    expect(renderText(fixtureReport('never'))).toMatch(/✔ PASSED at fail-on never/);
  });

  it('prints a message several resources share once, with those resources listed under it', () => {
    const base = fixtureReport('never');
    const failing = base.findings.find((f) => f.status === 'fail' && !f.acknowledgement) as Finding;
    const on = (label: string, message = failing.message): Finding => ({
      ...failing,
      message,
      resource: { ...failing.resource, label },
    });
    const findings = [
      on('A (rest API)'),
      on('B (rest API)'),
      on('C (rest API)'),
      on('D (rest API)', 'A message only D has.'),
    ];
    const shared = renderText({
      ...base,
      findings: [...findings, ...base.findings.filter((f) => f.ruleId !== failing.ruleId)],
    });
    const message = failing.message.replace(/\s+/g, ' ').trim();
    // Once, not once per resource: four resources, three of which share the message.
    expect(shared.split(message)).toHaveLength(2);
    expect(shared).toMatch(/ — 3 resources:$/m);
    for (const label of ['A', 'B', 'C']) expect(shared).toMatch(new RegExp(`^ {6}${label} \\(rest API\\)`, 'm'));
    // A resource with a message of its own keeps the two-line layout.
    expect(shared).toMatch(/^ {4}D \(rest API\).*\n {6}construct .*\n {6}A message only D has\./m);
    // In the fixture, two stages share stage-description's message; execution-logging's three differ (fail, unknown, acknowledged).
    expect(text).toMatch(
      /^ {4}Stage has no description \| with <html> & `code`\. — 2 resources:\n {6}Orders \(rest API\) › stage beta/m,
    );
    expect(text).toMatch(/^ {4}Billing \(rest API\) › stage live .*\n {6}construct .*\n {6}acknowledged: /m);
  });

  it('fits every line in the width it is given (100 by default), the words of a long message on the next lines', () => {
    const widths = (t: string): number[] => t.split('\n').map((line) => line.length);
    expect(Math.max(...widths(text))).toBeLessThanOrEqual(100);
    const narrow = renderText(fixtureReport(), { width: 60 });
    expect(Math.max(...widths(narrow))).toBeLessThanOrEqual(60);
    expect(narrow).toMatch(/^ {6}unknown: Cannot decide: the stage logging level is\n {8}unresolved/m);
  });

  it('breaks the header between its " · " phrases at any width, never inside "fail on error"', () => {
    for (let width = 56; width <= 70; width++) {
      const lines = renderText(fixtureReport(), { width }).split('\n');
      const header = lines.slice(1, lines.indexOf(''));
      expect(header.every((line) => line.length <= width)).toBe(true);
      expect(header.slice(0, -1).every((line) => line.endsWith(' ·'))).toBe(true);
      expect(header[header.length - 1]).toMatch(/(^ *| · )fail on error$/);
    }
  });

  it('keeps each rule and its count of passes on one line at any width', () => {
    const report = fixtureReport();
    const passesByRule = [
      'access-log-format',
      'tracing',
      'stage-waf',
      'detailed-metrics',
      'waf-rules',
      'cors-origins',
    ].map((ruleId, i) => ({ ruleId, count: i + 3 }));
    for (let width = 40; width <= 80; width++) {
      const lines = renderText({ ...report, passesByRule }, { width }).split('\n');
      const start = lines.findIndex((line) => line.includes('checks passed across')) + 1;
      const list = lines.slice(start, lines.indexOf('', start));
      expect(list.every((line) => line.length <= width)).toBe(true);
      expect(list.join(' ').replace(/\s+/g, ' ').trim()).toBe(
        `(${passesByRule.map((r) => `${r.ruleId} ${r.count}`).join(', ')})`,
      );
      // A line never ends on a rule id whose count went to the next line.
      for (const line of list) expect(line).toMatch(/(\d+,|\d+\))$/);
    }
  });

  it('fails to fit a word longer than the line, which is kept whole rather than cut', () => {
    const report = fixtureReport();
    const long = 'x'.repeat(120);
    const findings = report.findings.map((f) => (f.status === 'fail' ? { ...f, message: `see ${long} now` } : f));
    const lines = renderText({ ...report, findings }).split('\n');
    expect(lines.filter((line) => line.length > 100)).toEqual(lines.filter((line) => line.includes(long)));
    expect(lines.some((line) => line.trim() === long)).toBe(true);
  });

  it('uses colours only when asked', () => {
    expect(text).not.toMatch(ANSI);
    expect(renderText(fixtureReport(), { color: true })).toMatch(ANSI);
  });
});

describe('JSON reporter', () => {
  const json = toJsonReport(fixtureReport());

  it('has the documented top-level shape in a fixed key order', () => {
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'tool',
      'standard',
      'failOn',
      'result',
      'summary',
      'inputs',
      'inventory',
      'rules',
      'findings',
      'notices',
    ]);
    expect(json.schemaVersion).toBe(1);
    expect(json.summary).toEqual({ fail: 3, unknown: 2, acknowledged: 1, baselined: 0, pass: 3, blocking: 3 });
    expect(json.result).toBe('failed');
    expect(json.inventory.apis).toEqual({ total: 2, rest: 2, http: 0, websocket: 0 });
    expect(json.inventory.perApi.map((a) => [a.name, a.tier, a.owner ?? null])).toEqual([
      ['Orders', 'internal', 'team-orders'],
      ['Billing', 'restricted', null],
    ]);
    expect(json.rules.map((r) => r.id)).toEqual(['execution-logging', 'not-evaluable', 'stage-description']);
  });

  it('flattens each finding with its location and a blocking flag', () => {
    const prod = json.findings.find((f) => f.resource.logicalId === 'ProdStage' && f.ruleId === 'execution-logging');
    expect(prod).toMatchObject({
      status: 'fail',
      severity: 'error',
      blocking: true,
      tier: 'internal',
      location: 'Properties.MethodSettings',
      resource: {
        kind: 'stage',
        apiId: 'OrdersApi',
        templatePath: 'cdk.out/Shop.template.json',
        stackName: 'Shop',
        constructPath: 'Shop/Orders/ProdStage',
      },
    });
    const described = json.findings.find(
      (f) => f.resource.logicalId === 'ProdStage' && f.ruleId === 'stage-description',
    );
    expect(described?.blocking).toBe(false);
    const acknowledged = json.findings.find((f) => f.status === 'acknowledged');
    expect(acknowledged?.acknowledgement).toMatchObject({
      reason: expect.stringContaining('Legacy'),
      expires: '2027-01-31',
      via: 'baseline',
    });
  });

  it('is byte-identical across runs', () => {
    expect(renderJson(fixtureReport())).toBe(renderJson(fixtureReport()));
  });

  it('shows absolute template paths relative to the working directory', () => {
    const report = fixtureReport();
    const moved = { ...report, inputs: [{ path: '/repo/cdk.out/Shop.template.json' }] };
    expect(toJsonReport(moved, { cwd: '/repo' }).inputs[0].path).toBe('cdk.out/Shop.template.json');
  });
});

describe('every format', () => {
  it.each(REPORT_FORMATS)('%s never prints a stage variable value', (format) => {
    expect(renderReport(fixtureReport(), format)).not.toContain(SEEDED_SECRET);
  });
});
