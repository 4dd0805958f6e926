import type { Finding } from '../engine/finding';
import { countFindings, isBlocking } from '../engine/finding';
import type { Notice } from '../model/types';
import type { RenderOptions } from './common';
import {
  apisPhrase,
  countPhrase,
  displayPath,
  fixesOf,
  groupByResource,
  groupByRule,
  oneLine,
  plural,
  whereLabel,
  worstSeverity,
} from './common';
import type { Report } from './report';
import { safeReport } from './safe-text';

/** GitHub rejects comments over 65,536 characters; stop adding rows well before that. */
const MAX_ROWS_PER_RULE = 50;
/** More info notices of one code than this are folded into a collapsed list. */
const FOLD_INFO_NOTICES_OVER = 5;

/**
 * A pull-request comment (`--format markdown`): a verdict line, a summary table, failing findings
 * grouped by rule in collapsible <details>, acknowledged exceptions with reason and expiry, the APIs
 * with tier and owner, and notices. All user text is escaped (tables, HTML).
 */
export function renderMarkdown(unsafe: Report, options: RenderOptions = {}): string {
  const report = safeReport(unsafe);
  const out: string[] = [];
  const c = report.summary.counts;
  const verdict =
    report.summary.result === 'failed'
      ? `❌ ${plural(report.summary.blocking, 'blocking finding')} (fail on \`${report.failOn}\`)`
      : `✅ passed (fail on \`${report.failOn}\`)`;
  out.push(`## API Guardrails: ${verdict}`, '');
  out.push(
    `Standard **${esc(report.standard.name)}**${report.standard.version ? ` ${esc(report.standard.version)}` : ''} · ${plural(report.inputs.length, 'input')} · ${apisPhrase(report)} · ${report.tool.name} ${report.tool.version}`,
    '',
  );
  if (c.baselined > 0) {
    out.push(
      '| ❌ Failing | ❔ Unknown | 🔕 Acknowledged | 📋 Baselined | ✅ Passing |',
      '|---:|---:|---:|---:|---:|',
      `| ${c.fail} | ${c.unknown} | ${c.acknowledged} | ${c.baselined} | ${c.pass} |`,
      '',
    );
  } else {
    out.push(
      '| ❌ Failing | ❔ Unknown | 🔕 Acknowledged | ✅ Passing |',
      '|---:|---:|---:|---:|',
      `| ${c.fail} | ${c.unknown} | ${c.acknowledged} | ${c.pass} |`,
      '',
    );
  }

  const failing = groupByRule(report, ['fail', 'unknown']);
  if (failing.length > 0) {
    out.push('### Findings', '');
    for (const group of failing) {
      const blocking = group.findings.some((f) => isBlocking(f, report.failOn));
      const icon = group.findings.some((f) => f.status === 'fail') ? '❌' : '❔';
      const summary = `${icon} <code>${esc(group.rule.id)}</code> ${esc(group.rule.title)}: ${countPhrase(countFindings(group.findings))} (${worstSeverity(group.findings)}${blocking ? '' : ', not blocking'})`;
      out.push('<details>', `<summary>${summary}</summary>`, '');
      out.push('| Resource | Where | Finding |', '|---|---|---|');
      const resources = groupByResource(group.findings);
      for (const findings of resources.slice(0, MAX_ROWS_PER_RULE)) out.push(row(findings, options));
      if (resources.length > MAX_ROWS_PER_RULE)
        out.push(`| …and ${resources.length - MAX_ROWS_PER_RULE} more | | see the full report |`);
      for (const fix of fixesOf(group.findings)) out.push('', `**Fix:** ${trusted(fix)}`);
      if (group.rule.owasp.length) out.push('', `OWASP: ${group.rule.owasp.join(', ')}`);
      out.push('', '</details>', '');
    }
  }

  const acknowledged = report.findings.filter((f) => f.status === 'acknowledged');
  if (acknowledged.length > 0) {
    out.push('### Acknowledged exceptions', '');
    out.push('| Rule | Resource | Reason | Ticket | Expires | Approved by | Via |', '|---|---|---|---|---|---|---|');
    for (const f of acknowledged.slice(0, MAX_ROWS_PER_RULE * 4)) {
      const a = f.acknowledgement;
      out.push(
        `| ${code(f.ruleId)} | ${esc(f.resource.label)} | ${esc(oneLine(a?.reason ?? ''))} | ${esc(a?.ticket ?? '')} | ${esc(a?.expires ?? 'never')} | ${esc(a?.approvedBy ?? '')} | ${a?.via ?? ''} |`,
      );
    }
    out.push('');
  }

  if (c.baselined > 0) {
    out.push(
      `📋 ${plural(c.baselined, 'finding')} accepted in the baseline do not block; \`api-guardrails check --format json\` lists them.`,
      '',
    );
  }

  if (report.inventory.perApi.length > 0) {
    out.push('<details>', `<summary>APIs (${report.inventory.perApi.length})</summary>`, '');
    out.push('| API | Kind | Tier | Owner | Stages | Operations | Findings |', '|---|---|---|---|---:|---:|---|');
    for (const api of report.inventory.perApi) {
      out.push(
        `| ${esc(api.name)} | ${api.kind} | ${esc(api.tier)} | ${api.owner ? esc(api.owner) : '⚠️ none'} | ${api.stages} | ${api.operations} | ${countPhrase(api.counts) || 'none'} |`,
      );
    }
    out.push('', '</details>', '');
  }

  if (report.notices.length > 0) {
    out.push('### Notices', '');
    const line = (n: Notice): string => {
      const icon = n.level === 'error' ? '❌' : n.level === 'warning' ? '⚠️' : 'ℹ️';
      const file = displayPath(n.source.templatePath, options.cwd);
      return `- ${icon} ${code(n.code)}${file ? ` ${code(file)}` : ''}: ${esc(oneLine(n.message))}`;
    };
    // Many info notices of one code (e.g. REMEDIATED, one per change) fold into a collapsed list.
    const info = new Map<string, Notice[]>();
    for (const n of report.notices) {
      if (n.level !== 'info') out.push(line(n));
      else {
        // Append in place: copying the group per notice was quadratic in the notices of one code.
        const group = info.get(n.code);
        if (group) group.push(n);
        else info.set(n.code, [n]);
      }
    }
    for (const [infoCode, group] of info) {
      if (group.length <= FOLD_INFO_NOTICES_OVER) {
        out.push(...group.map(line));
        continue;
      }
      const shown = group.slice(0, MAX_ROWS_PER_RULE).map(line);
      if (group.length > MAX_ROWS_PER_RULE)
        shown.push(`- … and ${group.length - MAX_ROWS_PER_RULE} more (every notice is in the JSON and SARIF reports)`);
      out.push(
        '',
        '<details>',
        `<summary>ℹ️ ${infoCode}: ${group.length} notices</summary>`,
        '',
        ...shown,
        '',
        '</details>',
        '',
      );
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function row(findings: Finding[], options: RenderOptions): string {
  const first = findings[0];
  const messages = findings.map(
    (f) =>
      `${f.status === 'unknown' ? '❔ ' : ''}${esc(oneLine(f.message))}${f.location ? ` (${code(f.location)})` : ''}`,
  );
  return `| ${esc(first.resource.label)} | ${code(whereLabel(first.resource.source, options.cwd))} | ${messages.join('<br>')} |`;
}

/** Escape text for a Markdown table cell or line: HTML, pipes, and Markdown emphasis/link characters. */
export function esc(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([`*_[\]|])/g, '\\$1')
    .replace(/\s+/g, ' ');
}

/** Text the toolkit itself wrote (rule fixes use Markdown code spans on purpose): only kept on one line and free of HTML. */
function trusted(text: string): string {
  return oneLine(text).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code that survives tables: <code> with escaped content (backticks cannot break out). */
function code(text: string): string {
  return `<code>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;')}</code>`;
}
