import type { Finding } from '../engine/finding';
import { countFindings, isBlocking } from '../engine/finding';
import type { Notice } from '../model/types';
import type { RenderOptions } from './common';
import type { Severity } from '../engine/rule';
import {
  apisPhrase,
  countPhrase,
  displayPath,
  fixesOf,
  groupByResource,
  groupByRule,
  oneLine,
  plural,
  SEVERITY_RANK,
  whereLabel,
} from './common';
import type { Report } from './report';

type Paint = (text: string) => string;

interface Palette {
  readonly red: Paint;
  readonly yellow: Paint;
  readonly green: Paint;
  readonly cyan: Paint;
  readonly dim: Paint;
  readonly bold: Paint;
}

function palette(enabled: boolean): Palette {
  const code = (open: number, close: number): Paint =>
    enabled ? (t) => `\u001b[${open}m${t}\u001b[${close}m` : (t) => t;
  return {
    red: code(31, 39),
    yellow: code(33, 39),
    green: code(32, 39),
    cyan: code(36, 39),
    dim: code(2, 22),
    bold: code(1, 22),
  };
}

/**
 * Human-readable report for a terminal or a CI log. Findings are grouped by rule: one line per rule
 * with its counts ("✖ stage-waf  3 failing  (error)"), the resources indented below it, the fix once per
 * rule. A message that several resources share is printed once, with those resources listed one per
 * line under it (a rule failing on 400 stages is 401 lines, not 800). Passes are only counted. Colours
 * only when `options.color` is true.
 */
export function renderText(report: Report, options: RenderOptions = {}): string {
  const p = palette(options.color === true);
  const out: string[] = [];
  const inputs = plural(report.inputs.length, 'input');
  const std = `${report.standard.name}${report.standard.version ? ` ${report.standard.version}` : ''}`;
  out.push(
    p.bold(`${report.tool.name} ${report.tool.version}`) +
      p.dim(` · standard ${std} · ${inputs} · ${apisPhrase(report)} · fail on ${report.failOn}`),
  );
  out.push('');

  for (const group of groupByRule(report, ['fail', 'unknown', 'acknowledged'])) {
    const { severity, hasFail, hasUnknown, blocking } = headerFacts(group.findings, report.failOn);
    const colour = blocking ? p.red : hasFail || hasUnknown ? p.yellow : p.dim;
    const icon = hasFail ? '✖' : hasUnknown ? '?' : '~';
    const sev = hasFail || hasUnknown ? `  (${severity}${blocking ? '' : ', not blocking'})` : '';
    out.push(`${colour(`${icon} ${group.rule.id}`)}  ${countPhrase(countFindings(group.findings))}${p.dim(sev)}`);
    out.push(`    ${p.dim(group.rule.title)}`);
    ruleBody(groupByResource(group.findings), options, p, out);
    for (const fix of fixesOf(group.findings)) out.push(`    ${p.cyan('fix:')} ${fix}`);
    out.push('');
  }

  const passes = report.passesByRule;
  if (passes.length > 0) {
    const perRule = passes.map((r) => `${r.ruleId} ${r.count}`).join(', ');
    out.push(
      `${p.green('✔')} ${plural(report.summary.counts.pass, 'check')} passed across ${plural(passes.length, 'rule')}${p.dim(` (${perRule})`)}`,
    );
    out.push('');
  }

  if (report.notices.length > 0) {
    out.push(p.bold('Notices'));
    out.push(...noticeLines(report.notices, options, p));
    out.push('');
  }

  const inv = report.inventory;
  out.push(p.bold(`${apisPhrase(report)} · ${plural(inv.stages, 'stage')} · ${plural(inv.operations, 'operation')}`));
  for (const api of inv.perApi) {
    const owner = api.owner ?? p.yellow('no owner tag');
    out.push(
      `  ${api.name}  ${p.dim(`${api.kind} · tier ${api.tier} · owner`)} ${owner}  ${p.dim(countPhrase(api.counts) || 'no findings')}`,
    );
  }
  out.push('');

  const c = report.summary.counts;
  const totals = `${c.fail} failing, ${c.unknown} unknown, ${c.acknowledged} acknowledged, ${c.pass} passing`;
  if (report.summary.result === 'failed') {
    out.push(
      p.red(p.bold(`✖ FAILED: ${plural(report.summary.blocking, 'blocking finding')} at fail-on ${report.failOn}`)) +
        p.dim(` (${totals})`),
    );
  } else {
    out.push(p.green(p.bold(`✔ PASSED at fail-on ${report.failOn}`)) + p.dim(` (${totals})`));
  }
  return `${out.join('\n')}\n`;
}

/** What a rule's header line says of its findings, in one pass: worst severity of the unacknowledged ones, statuses, blocking. */
function headerFacts(
  findings: readonly Finding[],
  failOn: Report['failOn'],
): { severity: Severity; hasFail: boolean; hasUnknown: boolean; blocking: boolean } {
  let severity: Severity = 'info';
  let hasFail = false;
  let hasUnknown = false;
  let blocking = false;
  for (const f of findings) {
    if (f.status === 'fail') hasFail = true;
    else if (f.status === 'unknown') hasUnknown = true;
    if (f.status !== 'acknowledged' && SEVERITY_RANK[f.severity] < SEVERITY_RANK[severity]) severity = f.severity;
    if (!blocking && isBlocking(f, failOn)) blocking = true;
  }
  return { severity, hasFail, hasUnknown, blocking };
}

/** The line a finding's message prints as (status marker, message, location). */
function messageLine(f: Finding, p: Palette): string {
  const marker =
    f.status === 'unknown' ? p.yellow('unknown: ') : f.status === 'acknowledged' ? p.dim('acknowledged: ') : '';
  const at = f.location ? p.dim(` (${f.location})`) : '';
  return `${marker}${oneLine(f.message)}${at}`;
}

/**
 * A rule's resources. Those with one finding and no acknowledgement whose message line another such
 * resource shares are listed under that line, printed once ("… — 460 resources:"); the others keep their
 * own message lines. Shared messages come first, in first-seen order, then the other resources in order.
 * Appends to `lines` (a rule may have 100,000s of resources: no spread into push).
 */
function ruleBody(resources: readonly Finding[][], options: RenderOptions, p: Palette, lines: string[]): void {
  // Grouped by (message, location, status) through nested maps of the strings the findings already hold:
  // building each resource's message line to key on would hash a new string per resource.
  const byMessage = new Map<string, Map<string | undefined, Map<Finding['status'], Finding[][]>>>();
  const shared: Finding[][][] = [];
  const groupOf = new Map<Finding[], Finding[][]>();
  for (const findings of resources) {
    const f = findings[0];
    if (findings.length !== 1 || f.acknowledgement) continue;
    const message = oneLine(f.message);
    let byLocation = byMessage.get(message);
    if (!byLocation) byMessage.set(message, (byLocation = new Map()));
    let byStatus = byLocation.get(f.location);
    if (!byStatus) byLocation.set(f.location, (byStatus = new Map()));
    let group = byStatus.get(f.status);
    if (!group) {
      byStatus.set(f.status, (group = []));
      shared.push(group);
    }
    group.push(findings);
    groupOf.set(findings, group);
  }
  for (const group of shared) {
    if (group.length < 2) continue;
    lines.push(`    ${messageLine(group[0][0], p)} ${p.dim(`— ${group.length} resources:`)}`);
    for (const findings of group) lines.push(`      ${resourceLine(findings[0], options, p)}`);
  }
  for (const findings of resources) {
    if ((groupOf.get(findings)?.length ?? 0) >= 2) continue;
    lines.push(`    ${resourceLine(findings[0], options, p)}`);
    for (const f of findings) {
      lines.push(`      ${messageLine(f, p)}`);
      if (f.acknowledgement) {
        const a = f.acknowledgement;
        const extra = [
          a.ticket && `ticket ${a.ticket}`,
          a.expires && `until ${a.expires}`,
          a.approvedBy && `approved by ${a.approvedBy}`,
          `via ${a.via}`,
        ].filter(Boolean);
        lines.push(`      ${p.dim(`reason: ${oneLine(a.reason)} (${extra.join(', ')})`)}`);
      }
    }
  }
}

/** A resource's label and, when it says more, where it is: "Api (rest API) › stage prod  [file › LogicalId]". */
function resourceLine(f: Finding, options: RenderOptions, p: Palette): string {
  const where = whereLabel(f.resource.source, options.cwd);
  return `${f.resource.label}${where === f.resource.label ? '' : `  ${p.dim(`[${where}]`)}`}`;
}

/** Info notices shown per code before the rest are only counted (e.g. one REMEDIATED per change an aspect made). */
const INFO_NOTICES_SHOWN = 3;

/**
 * Errors and warnings one per line; info notices grouped by code, a count plus the first few, so a stack
 * whose every stage was remediated does not bury the findings. JSON and SARIF keep every notice.
 */
function noticeLines(notices: readonly Notice[], options: RenderOptions, p: Palette): string[] {
  const lines: string[] = [];
  const info = new Map<string, Notice[]>();
  for (const notice of notices) {
    if (notice.level !== 'info') {
      lines.push(`  ${noticeLine(notice, options, p)}`);
      continue;
    }
    const group = info.get(notice.code);
    if (group) group.push(notice);
    else info.set(notice.code, [notice]);
  }
  for (const [code, group] of info) {
    if (group.length <= INFO_NOTICES_SHOWN + 1) {
      for (const notice of group) lines.push(`  ${noticeLine(notice, options, p)}`);
      continue;
    }
    lines.push(`  ${p.cyan('ℹ')} ${code}: ${group.length} notices, the first ${INFO_NOTICES_SHOWN}:`);
    for (const notice of group.slice(0, INFO_NOTICES_SHOWN)) {
      const file = displayPath(notice.source.templatePath, options.cwd);
      lines.push(`      ${oneLine(notice.message)}${file ? p.dim(` [${file}]`) : ''}`);
    }
    lines.push(
      `      ${p.dim(`… and ${group.length - INFO_NOTICES_SHOWN} more (every notice is in --format json and sarif)`)}`,
    );
  }
  return lines;
}

function noticeLine(notice: Notice, options: RenderOptions, p: Palette): string {
  const icon = notice.level === 'error' ? p.red('✖') : notice.level === 'warning' ? p.yellow('⚠') : p.cyan('ℹ');
  const file = displayPath(notice.source.templatePath, options.cwd) ?? notice.source.logicalId ?? '';
  return `${icon} ${notice.code}${file ? ` ${file}` : ''}: ${oneLine(notice.message)}`;
}
