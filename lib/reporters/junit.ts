import { junitBuilder } from '../lazy-modules';
import type { Finding } from '../engine/finding';
import type { RenderOptions } from './common';
import { displayPath, groupByResource, groupByRule, oneLine, whereLabel } from './common';
import type { Report } from './report';

/**
 * JUnit XML (`--format junit`) for CI test tabs: one <testsuite> per rule, one <testcase> per rule ×
 * resource. A test case fails when any of its findings is fail or unknown, is skipped when all of them
 * are acknowledged, and passes otherwise. XML is written by junit-report-builder (escaping, CDATA).
 */
export function renderJunit(report: Report, options: RenderOptions = {}): string {
  const builder = junitBuilder().newBuilder().name(report.tool.name);
  for (const group of groupByRule(report, ['fail', 'unknown', 'acknowledged', 'pass'])) {
    const suite = builder.testSuite().name(xmlSafe(`${group.rule.id}: ${group.rule.title}`));
    suite.property('severity', group.rule.severity);
    if (group.rule.owasp.length) suite.property('owasp', group.rule.owasp.join(','));
    for (const findings of groupByResource(group.findings)) {
      const first = findings[0];
      const testCase = suite
        .testCase()
        .className(xmlSafe(group.rule.id))
        .name(xmlSafe(`${first.resource.label} [${whereLabel(first.resource.source, options.cwd)}]`));
      const file = displayPath(first.resource.source.templatePath, options.cwd);
      if (file) testCase.file(xmlSafe(file));
      const failing = findings.filter((f) => f.status === 'fail' || f.status === 'unknown');
      if (failing.length > 0) {
        const type = failing.some((f) => f.status === 'fail') ? 'fail' : 'unknown';
        testCase
          .failure(xmlSafe(oneLine(failing[0].message)), `${type}:${failing[0].severity}`)
          .stacktrace(xmlSafe(details(failing)));
      } else if (findings.every((f) => f.status === 'acknowledged')) {
        testCase.skipped();
        testCase.standardOutput(xmlSafe(details(findings)));
      }
    }
  }
  return `${builder.build()}\n`;
}

function details(findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.status.toUpperCase()} (${f.severity}, tier ${f.tier}): ${oneLine(f.message)}`);
    if (f.location) lines.push(`  at ${f.location}`);
    if (f.acknowledgement) {
      const a = f.acknowledgement;
      lines.push(
        `  acknowledged: ${oneLine(a.reason)}${a.ticket ? ` (ticket ${a.ticket})` : ''}${a.expires ? ` until ${a.expires}` : ''} via ${a.via}`,
      );
    } else {
      lines.push(`  fix: ${oneLine(f.fix)}`);
    }
  }
  return lines.join('\n');
}

/** Drop characters XML 1.0 cannot carry at all (control characters), which a builder would reject. */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
