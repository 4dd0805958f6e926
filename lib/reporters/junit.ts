import type { Finding } from '../engine/finding';
import { isBlocking } from '../engine/finding';
import { fastXml } from '../lazy-modules';
import type { RenderOptions } from './common';
import { acknowledgementPhrase, displayPath, groupByResource, groupByRule, oneLine, whereLabel } from './common';
import type { Report } from './report';

type XmlNode = Record<string, unknown>;

/**
 * JUnit XML (`--format junit`) for CI test tabs: one <testsuite> per rule, one <testcase> per rule ×
 * resource. A case is a <failure> only when one of its findings blocks at the report's fail-on; fail and
 * unknown findings that do not block (warnings, info) pass with their messages in <system-out>; a case
 * whose findings are all acknowledged or baselined is <skipped message="..."> with reason, ticket and
 * expiry. XML is written by fast-xml-parser's XMLBuilder (escaping, CDATA).
 */
export function renderJunit(report: Report, options: RenderOptions = {}): string {
  const suites: XmlNode[] = [];
  const totals = { tests: 0, failures: 0, skipped: 0 };
  for (const group of groupByRule(report, ['fail', 'unknown', 'acknowledged', 'baselined', 'pass'])) {
    const cases: XmlNode[] = [];
    const counts = { tests: 0, failures: 0, skipped: 0 };
    for (const findings of groupByResource(group.findings)) {
      const testCase = caseOf(findings, report, options);
      counts.tests++;
      if (testCase.failure) counts.failures++;
      if (testCase.skipped) counts.skipped++;
      cases.push(testCase);
    }
    const properties: { '@_name': string; '@_value': string }[] = [
      { '@_name': 'severity', '@_value': group.rule.severity },
    ];
    if (group.rule.owasp.length) properties.push({ '@_name': 'owasp', '@_value': group.rule.owasp.join(',') });
    suites.push({
      '@_name': xmlSafe(`${group.rule.id}: ${group.rule.title}`),
      '@_tests': counts.tests,
      '@_failures': counts.failures,
      '@_errors': 0,
      '@_skipped': counts.skipped,
      properties: { property: properties },
      testcase: cases,
    });
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.skipped += counts.skipped;
  }
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': xmlSafe(report.tool.name),
      '@_tests': totals.tests,
      '@_failures': totals.failures,
      '@_errors': 0,
      '@_skipped': totals.skipped,
      testsuite: suites,
    },
  };
  const builder = new (fastXml().XMLBuilder)({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    cdataPropName: '__cdata',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
  });
  return `${(builder.build(document) as string).trimEnd()}\n`;
}

/** One rule × resource: failure when something blocks, skipped when all is acknowledged or baselined, else a pass. */
function caseOf(findings: readonly Finding[], report: Report, options: RenderOptions): XmlNode {
  const first = findings[0];
  const testCase: XmlNode = {
    '@_classname': xmlSafe(first.ruleId),
    '@_name': xmlSafe(`${first.resource.label} [${whereLabel(first.resource.source, options.cwd)}]`),
  };
  const file = displayPath(first.resource.source.templatePath, options.cwd);
  if (file) testCase['@_file'] = xmlSafe(file);
  const blocking = findings.filter((f) => isBlocking(f, report.failOn));
  const open = findings.filter((f) => f.status === 'fail' || f.status === 'unknown');
  const excepted = findings.filter((f) => f.status === 'acknowledged' || f.status === 'baselined');
  if (blocking.length > 0) {
    testCase.failure = {
      '@_message': xmlSafe(oneLine(blocking[0].message)),
      '@_type': `${blocking[0].status}:${blocking[0].severity}`,
      __cdata: cdataSafe(details(findings)),
    };
  } else if (open.length === 0 && excepted.length > 0) {
    const f = excepted[0];
    testCase.skipped = {
      '@_message': xmlSafe(`${f.status}: ${f.acknowledgement ? acknowledgementPhrase(f.acknowledgement) : f.message}`),
    };
    testCase['system-out'] = { __cdata: cdataSafe(details(findings)) };
  } else if (open.length > 0 || excepted.length > 0) {
    testCase['system-out'] = { __cdata: cdataSafe(details(findings)) };
  }
  return testCase;
}

function details(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    if (f.status === 'pass') continue;
    lines.push(`${f.status.toUpperCase()} (${f.severity}, tier ${f.tier}): ${oneLine(f.message)}`);
    if (f.location) lines.push(`  at ${f.location}`);
    if (f.acknowledgement) lines.push(`  ${f.status}: ${acknowledgementPhrase(f.acknowledgement)}`);
    else lines.push(`  fix: ${oneLine(f.fix)}`);
  }
  return xmlSafe(lines.join('\n'));
}

/** Drop characters XML 1.0 cannot carry at all (control characters). */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** A CDATA section cannot contain its own terminator: split it across two sections. */
function cdataSafe(text: string): string {
  return text.split(']]>').join(']]]]><![CDATA[>');
}
