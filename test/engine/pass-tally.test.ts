import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveStandard } from '../../lib/standard';
import { formatSummary } from '../../lib/adapters/cdk-summary';
import { evaluate, type Evaluation } from '../../lib/engine/evaluate';
import { fromTemplate, readTemplateFile } from '../../lib/model/template';
import { buildReport, renderReport, REPORT_FORMATS } from '../../lib/reporters';
import { corpusFolder, describeWithCorpus } from '../helpers/corpus';

/**
 * `evaluate` lists every passing check and counts it in `passes`. A caller that shows only counts (the
 * synth summary, the hook) drops the pass findings; whatever only counts them (text and Markdown reports,
 * the synth summary) must then say exactly the same. Checked on every template of the shared
 * corpus: REST, HTTP and WebSocket APIs, domains and usage plans (whose passes belong to no API),
 * unknowns and notices.
 */
const standard = resolveStandard();

function both(file: string): { listed: Evaluation; counted: Evaluation } {
  const inventory = fromTemplate(readTemplateFile(join(corpusFolder('templates'), file)), { templatePath: file });
  const listed = evaluate(inventory, { standard });
  return { listed, counted: { ...listed, findings: listed.findings.filter((f) => f.status !== 'pass') } };
}

describeWithCorpus('passes counted without being listed', () => {
  const files = readdirSync(corpusFolder('templates')).filter((f) => /\.(json|ya?ml)$/.test(f));

  it('has the corpus to compare on', () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
  });

  it.each(files)('%s: a tally equal to the listed passes', (file) => {
    const { listed } = both(file);
    const passes = listed.findings.filter((f) => f.status === 'pass');
    expect(listed.passes?.total).toBe(passes.length);
    for (const [ruleId, count] of listed.passes?.byRule ?? [])
      expect(count).toBe(passes.filter((f) => f.ruleId === ruleId).length);
    for (const [apiId, count] of listed.passes?.byApi ?? [])
      expect(count).toBe(passes.filter((f) => f.resource.apiId === apiId).length);
  });

  it.each(files)('%s: text and Markdown reports and the synth summary are identical', (file) => {
    const { listed, counted } = both(file);
    const fromListed = buildReport({ evaluation: listed, standard });
    const fromCounted = buildReport({ evaluation: counted, standard });
    expect(fromCounted.summary).toEqual(fromListed.summary);
    expect(fromCounted.inventory).toEqual(fromListed.inventory);
    // JSON and JUnit list passes, SARIF lists exempt checks as passes; HTML and OSCAL evidence need them listed
    // to tell pass from n/a.
    const countOnly = REPORT_FORMATS.filter((f) => !['json', 'junit', 'sarif', 'html', 'oscal'].includes(f));
    for (const format of countOnly) {
      expect(renderReport(fromCounted, format)).toBe(renderReport(fromListed, format));
    }
    const summary = (e: Evaluation, withTally: boolean): string =>
      formatSummary(e.inventory, e.findings, standard, 'error', 0, withTally ? e.passes : undefined);
    expect(summary(counted, true)).toBe(summary(listed, false));
    expect(summary(listed, true)).toBe(summary(listed, false));
  });
});
