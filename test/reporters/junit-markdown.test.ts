import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderJunit } from '../../lib/reporters/junit';
import { esc, renderMarkdown } from '../../lib/reporters/markdown';
import { fixtureReport } from './fixture';

interface XmlCase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: unknown;
}
interface XmlSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: XmlCase[];
}

describe('JUnit reporter', () => {
  const xml = renderJunit(fixtureReport());
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml) as {
    testsuites: { '@_tests': string; '@_failures': string; '@_skipped': string; testsuite: XmlSuite[] };
  };

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('fails well-formedness when the XML is cut (the check is not vacuous)', () => {
    expect(XMLValidator.validate(xml.slice(0, xml.length / 2))).not.toBe(true);
  });

  it('has one test case per rule × resource with the right counts', () => {
    const root = parsed.testsuites;
    expect([root['@_tests'], root['@_failures'], root['@_skipped']]).toEqual(['9', '5', '1']);
    const byRule = Object.fromEntries(
      root.testsuite.map((s) => [s.testcase[0]['@_classname'], [s['@_tests'], s['@_failures'], s['@_skipped']]]),
    );
    expect(byRule).toEqual({
      'execution-logging': ['4', '2', '1'],
      'stage-description': ['4', '2', '0'],
      'not-evaluable': ['1', '1', '0'],
    });
  });

  it('marks unknown findings as failures of type unknown and keeps special characters intact', () => {
    const cases = parsed.testsuites.testsuite.flatMap((s) => s.testcase);
    const beta = cases.find((c) => c['@_classname'] === 'execution-logging' && c['@_name'].includes('BetaStage'));
    expect(beta?.failure?.['@_type']).toBe('unknown:error');
    const described = cases.find((c) => c['@_classname'] === 'stage-description' && c['@_name'].includes('ProdStage'));
    expect(described?.failure?.['@_message']).toBe('Stage has no description | with <html> & `code`.');
    const billing = cases.find((c) => c['@_classname'] === 'execution-logging' && c['@_name'].includes('BillingStage'));
    expect(billing?.skipped).toBeDefined();
    expect(billing?.failure).toBeUndefined();
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
