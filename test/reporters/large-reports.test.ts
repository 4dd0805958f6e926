import type { Finding } from '../../lib/engine/finding';
import { groupByRule } from '../../lib/reporters/common';
import { renderText } from '../../lib/reporters/text';
import { renderJson, renderJsonChunks, toJsonReport } from '../../lib/reporters/json';
import { renderSarif, renderSarifChunks, toSarif } from '../../lib/reporters/sarif';
import { ResolvedStandard } from '../../lib/standard';
import { buildReport } from '../../lib/reporters/report';
import { fixtureInventory, fixtureReport, RULES, STANDARD, TOOL } from './fixture';

/**
 * Org-wide checks over many templates can give one rule hundreds of thousands of findings. Spreading
 * that many values into Math.min/Math.max overflows V8's argument stack (it fails from ~150,000), so the
 * reporters must not do it.
 */
describe('reports with very many findings', () => {
  const base = fixtureReport('never');
  const template = base.findings.find((f) => f.status === 'fail') as Finding;
  const many: Finding[] = Array.from({ length: 300_000 }, (_, i) => ({
    ...template,
    status: i % 2 ? 'fail' : 'pass',
    resource: { ...template.resource, label: `Api${i} (rest API) › stage prod` },
  }));
  // A second rule, so that groups are ordered (by their worst status) and every group is looked at.
  const other = base.findings.filter((f) => f.ruleId !== template.ruleId);
  // Through buildReport, as every report is made: it counts the listed passes (the groups are ordered by the reporters).
  const report = buildReport({
    evaluation: { findings: [...many, ...other], inventory: fixtureInventory() },
    standard: new ResolvedStandard(STANDARD, RULES),
    failOn: 'never',
    tool: TOOL,
  });

  it('groups 300,000 findings of one rule without overflowing the stack', () => {
    const groups = groupByRule(report, ['fail', 'unknown', 'acknowledged', 'pass']);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.find((g) => g.rule.id === template.ruleId)?.findings.length).toBeGreaterThanOrEqual(300_000);
  });

  it('renders them as text, failing ones listed and passing ones counted', () => {
    const text = renderText(report);
    expect(text).toMatch(new RegExp(`✖ ${template.ruleId} {2}1500\\d\\d failing`));
    expect(text).toMatch(/✔ 1500\d\d checks passed/);
  });

  it('writes JSON and SARIF of them in chunks of about a megabyte, never as one string', () => {
    for (const chunks of [renderJsonChunks(report), renderSarifChunks(report)]) {
      let count = 0;
      let last = '';
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThan(1.1 * 2 ** 20);
        count++;
        last = chunk;
      }
      expect(count).toBeGreaterThan(10);
      expect(last.endsWith('}\n')).toBe(true);
    }
  });
});

describe('JSON and SARIF in chunks', () => {
  it('are byte for byte the text of renderJson and renderSarif', () => {
    const small = fixtureReport();
    expect([...renderJsonChunks(small)].join('')).toBe(renderJson(small));
    expect([...renderSarifChunks(small)].join('')).toBe(renderSarif(small));
    expect([...renderJsonChunks(fixtureReport('never'))].join('')).toBe(renderJson(fixtureReport('never')));
  });

  it('parse back to the same report when there are several chunks', () => {
    const base = fixtureReport();
    const template = base.findings.find((f) => f.status === 'fail') as Finding;
    const findings = Array.from({ length: 4000 }, (_, i) => ({
      ...template,
      message: `${template.message} ${'x'.repeat(i % 50)}`,
      resource: { ...template.resource, label: `Api${i} (rest API) › stage prod` },
    }));
    const report = { ...base, findings };
    const json = [...renderJsonChunks(report)];
    expect(json.length).toBeGreaterThan(1);
    expect(JSON.parse(json.join(''))).toEqual(JSON.parse(JSON.stringify(toJsonReport(report))));
    const sarif = [...renderSarifChunks(report)];
    expect(sarif.length).toBeGreaterThan(1);
    expect(JSON.parse(sarif.join(''))).toEqual(JSON.parse(JSON.stringify(toSarif(report))));
  });
});
