import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'test-results-parser';
import { renderJunit } from '../../lib/reporters/junit';
import { esc, renderMarkdown } from '../../lib/reporters/markdown';
import { fixtureReport, withProdBaselined } from './fixture';

interface XmlCase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: { '@_message'?: string };
  'system-out'?: string;
}
interface XmlSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: XmlCase[];
}

interface ParsedCase {
  readonly name: string;
  readonly status: 'PASS' | 'FAIL' | 'SKIP';
  readonly failure: string;
}

/** What a CI tool reads from the XML: test-results-parser is the parser of TestBeats and other CI reporters. */
function consumerView(xml: string): { failed: number; skipped: number; status: string; cases: ParsedCase[] } {
  const dir = mkdtempSync(join(tmpdir(), 'apig-junit-'));
  try {
    const file = join(dir, 'report.xml');
    writeFileSync(file, xml);
    const result = parse({ type: 'junit', files: [file] }) as {
      failed: number;
      skipped: number;
      status: string;
      suites: { cases: ParsedCase[] }[];
    };
    return { ...result, cases: result.suites.flatMap((s) => s.cases) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('JUnit reporter', () => {
  const xml = renderJunit(fixtureReport());
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml) as {
    testsuites: { '@_tests': string; '@_failures': string; '@_skipped': string; testsuite: XmlSuite[] };
  };
  const cases = parsed.testsuites.testsuite.flatMap((s) => s.testcase);
  const caseOf = (rule: string, logicalId: string): XmlCase | undefined =>
    cases.find((c) => c['@_classname'] === rule && c['@_name'].includes(logicalId));

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('fails well-formedness when the XML is cut (the check is not vacuous)', () => {
    expect(XMLValidator.validate(xml.slice(0, xml.length / 2))).not.toBe(true);
  });

  it('fails only the blocking findings: a CI parser counts as many failures as the CLI counts blocking findings', () => {
    const report = fixtureReport();
    const view = consumerView(xml);
    expect(report.summary.blocking).toBe(3);
    expect([view.failed, view.skipped, view.status]).toEqual([3, 1, 'FAIL']);
    expect(parsed.testsuites['@_failures']).toBe('3');
    // Under --fail-on warning the warnings block too; under never nothing fails.
    expect(consumerView(renderJunit(fixtureReport('warning'))).failed).toBe(fixtureReport('warning').summary.blocking);
    expect(consumerView(renderJunit(fixtureReport('never'))).status).toBe('PASS');
  });

  it('has one test case per rule × resource with the right counts', () => {
    const root = parsed.testsuites;
    expect([root['@_tests'], root['@_failures'], root['@_skipped']]).toEqual(['9', '3', '1']);
    const byRule = Object.fromEntries(
      root.testsuite.map((s) => [s.testcase[0]['@_classname'], [s['@_tests'], s['@_failures'], s['@_skipped']]]),
    );
    expect(byRule).toEqual({
      'execution-logging': ['4', '2', '1'],
      'stage-description': ['4', '0', '0'],
      'not-evaluable': ['1', '1', '0'],
    });
  });

  it('passes warnings that do not block, with the message in system-out', () => {
    const described = caseOf('stage-description', 'ProdStage');
    expect(described?.failure).toBeUndefined();
    expect(described?.['system-out']).toContain('FAIL (warning, tier internal): Stage has no description');
    const view = consumerView(xml).cases.find((c) => c.name.includes('ProdStage') && c.failure === '');
    expect(view?.status).toBe('PASS');
  });

  it('fails unknown findings that block as failures of type unknown and keeps special characters intact', () => {
    expect(caseOf('execution-logging', 'BetaStage')?.failure?.['@_type']).toBe('unknown:error');
    const failed = consumerView(renderJunit(fixtureReport('warning'))).cases.find(
      (c) => c.status === 'FAIL' && c.failure.startsWith('Stage has no description'),
    );
    expect(failed?.failure).toBe('Stage has no description | with <html> & `code`.');
  });

  it('skips acknowledged cases with the reason, ticket and expiry in the message', () => {
    const billing = caseOf('execution-logging', 'BillingStage');
    expect(billing?.failure).toBeUndefined();
    expect(billing?.skipped?.['@_message']).toBe(
      'acknowledged: Legacy | billing <stage> & retired soon (ticket SEC-12, expires 2027-01-31, approved by ciso, via baseline)',
    );
    expect(
      consumerView(xml)
        .cases.filter((c) => c.status === 'SKIP')
        .map((c) => c.name),
    ).toEqual([billing?.['@_name']]);
  });

  it('skips baselined cases, saying they are baselined', () => {
    const report = fixtureReport();
    const findings = withProdBaselined(report, 'accepted in b.json when the standard was adopted');
    const view = consumerView(renderJunit({ ...report, findings, summary: { ...report.summary, blocking: 2 } }));
    expect(view.failed).toBe(2);
    expect(view.skipped).toBe(2);
    const prod = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' || n === 'testcase' })
      .parse(renderJunit({ ...report, findings }))
      .testsuites.testsuite.flatMap((s: XmlSuite) => s.testcase)
      .find((c: XmlCase) => c['@_classname'] === 'execution-logging' && c['@_name'].includes('ProdStage')) as XmlCase;
    expect(prod.skipped?.['@_message']).toBe(
      'baselined: accepted in b.json when the standard was adopted (via baseline)',
    );
  });
});

describe('Markdown reporter', () => {
  const md = renderMarkdown(fixtureReport());

  it('starts with the verdict and a summary table', () => {
    expect(md.startsWith('## API Guardrails: ❌ 3 blocking findings (fail on `error`)')).toBe(true);
    expect(md).toContain('| 3 | 2 | 1 | 3 |');
    expect(renderMarkdown(fixtureReport('never'))).toMatch(/^## API Guardrails: ✅ passed/);
  });

  it('groups failing findings by rule in collapsible details with the fix', () => {
    expect(md.match(/<details>\n<summary>❌ <code>execution-logging<\/code>/g)).toHaveLength(1);
    expect(md).toMatch(
      /<summary>❌ <code>stage-description<\/code> Stages have a description: 2 failing \(warning, not blocking\)<\/summary>/,
    );
    expect(md).toContain('**Fix:** CDK: Set `description` on the stage. CloudFormation: Description.');
  });

  it('lists acknowledged exceptions with reason and expiry, escaped for a table', () => {
    expect(md).toContain('### Acknowledged exceptions');
    expect(md).toContain(
      '| Legacy \\| billing &lt;stage&gt; &amp; retired soon | SEC-12 | 2027-01-31 | ciso | baseline |',
    );
  });

  it('escapes user text so it cannot break tables or inject HTML', () => {
    expect(md).not.toContain('<html>');
    expect(md).toContain('Stage has no description \\| with &lt;html&gt; &amp; \\`code\\`.');
    expect(esc('a|b\n<script>*x*')).toBe('a\\|b &lt;script&gt;\\*x\\*');
  });
});
