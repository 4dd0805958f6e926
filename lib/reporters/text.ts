import type { Finding } from '../engine/finding';
import { countFindings, isBlocking } from '../engine/finding';
import type { Notice } from '../model/types';
import type { RenderOptions } from './common';
import type { Severity } from '../engine/rule';
import {
  acknowledgementPhrase,
  apisPhrase,
  countPhrase,
  displayPath,
  fixesOf,
  groupByResource,
  groupByRule,
  oneLine,
  plural,
  SEVERITY_RANK,
} from './common';
import type { Report } from './report';
import { safeReport } from './safe-text';
import { DEFAULT_TEXT_WIDTH, wrap, wrapPhrases } from './text-wrap';

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

/** Where text goes: lines, the wrap width and the palette. */
interface Out {
  readonly lines: string[];
  readonly width: number;
  readonly p: Palette;
  readonly cwd?: string;
}

/** Append `text` wrapped at the report's width, every line painted with `paint`. */
function put(out: Out, text: string, indent: number, paint: Paint = (t) => t, hang = indent + 2): void {
  for (const line of wrap(text, out.width, indent, hang)) out.lines.push(paint(line));
}

/**
 * Human-readable report for a terminal or a CI log. Findings are grouped by rule: one line per rule
 * with its counts ("✖ stage-waf  3 failing  (error)"), the resources indented below it, each with its
 * template location and, on a line of its own, its CDK construct path; the fix once per rule on its own
 * line. A message that several resources share is printed once, with those resources listed under it.
 * Passes are only counted. Lines are wrapped at `options.width` (default 100). Every string from a
 * template is made safe first (control characters escaped, line breaks as spaces). Colours only when
 * `options.color` is true.
 */
export function renderText(unsafe: Report, options: RenderOptions = {}): string {
  const report = safeReport(unsafe);
  const p = palette(options.color === true);
  const out: Out = { lines: [], width: options.width ?? DEFAULT_TEXT_WIDTH, p, cwd: options.cwd };
  const inputs = plural(report.inputs.length, 'input');
  const std = `${report.standard.name}${report.standard.version ? ` ${report.standard.version}` : ''}`;
  out.lines.push(p.bold(`${report.tool.name} ${report.tool.version}`));
  const header = [`standard ${std}`, inputs, apisPhrase(report), `fail on ${report.failOn}`];
  for (const line of wrapPhrases(header, out.width, 0)) out.lines.push(p.dim(line));
  out.lines.push('');

  for (const group of groupByRule(report, ['fail', 'unknown', 'acknowledged', 'baselined'])) {
    const { severity, hasFail, hasUnknown, blocking } = headerFacts(group.findings, report.failOn);
    const colour = blocking ? p.red : hasFail || hasUnknown ? p.yellow : p.dim;
    const icon = hasFail ? '✖' : hasUnknown ? '?' : '~';
    const sev = hasFail || hasUnknown ? `  (${severity}${blocking ? '' : ', not blocking'})` : '';
    const counts = countPhrase(countFindings(group.findings));
    if (icon.length + group.rule.id.length + counts.length + sev.length + 3 <= out.width)
      out.lines.push(`${colour(`${icon} ${group.rule.id}`)}  ${counts}${p.dim(sev)}`);
    else {
      out.lines.push(colour(`${icon} ${group.rule.id}`));
      put(out, `${counts}${sev}`, 4);
    }
    put(out, group.rule.title, 4, p.dim);
    ruleBody(groupByResource(group.findings), out);
    for (const fix of fixesOf(group.findings)) {
      out.lines.push(`    ${p.cyan('fix:')}`);
      put(out, fix, 6, undefined, 6);
    }
    out.lines.push('');
  }

  const passes = report.passesByRule;
  if (passes.length > 0) {
    const perRule = passes.map(
      (r, i) => `${i === 0 ? '(' : ''}${r.ruleId} ${r.count}${i === passes.length - 1 ? ')' : ''}`,
    );
    out.lines.push(
      `${p.green('✔')} ${plural(report.summary.counts.pass, 'check')} passed across ${plural(passes.length, 'rule')}`,
    );
    // A rule and its count stay on one line.
    for (const line of wrapPhrases(perRule, out.width, 2, 2, ', ')) out.lines.push(p.dim(line));
    out.lines.push('');
  }

  if (report.notices.length > 0) {
    out.lines.push(p.bold('Notices'));
    noticeLines(report.notices, out);
    out.lines.push('');
  }

  const inv = report.inventory;
  out.lines.push(
    p.bold(`${apisPhrase(report)} · ${plural(inv.stages, 'stage')} · ${plural(inv.operations, 'operation')}`),
  );
  for (const api of inv.perApi) {
    out.lines.push(`  ${api.name}`);
    const owner = api.owner ?? 'no owner tag';
    const tier = api.tierDefaultedBecause
      ? `tier ${api.tier} (${api.tierDefaultedBecause}: the strictest)`
      : `tier ${api.tier}`;
    const facts = [api.kind, tier, `owner ${owner}`, countPhrase(api.counts) || 'no findings'];
    for (const line of wrapPhrases(facts, out.width, 4)) out.lines.push(p.dim(line));
  }
  out.lines.push('');

  const c = report.summary.counts;
  const baselined = c.baselined ? `${c.baselined} baselined, ` : '';
  const totals = `(${c.fail} failing, ${c.unknown} unknown, ${c.acknowledged} acknowledged, ${baselined}${c.pass} passing)`;
  if (report.summary.result === 'failed') {
    out.lines.push(
      p.red(p.bold(`✖ FAILED: ${plural(report.summary.blocking, 'blocking finding')} at fail-on ${report.failOn}`)),
    );
  } else {
    out.lines.push(p.green(p.bold(`✔ PASSED at fail-on ${report.failOn}`)));
  }
  put(out, totals, 2, p.dim);
  return `${out.lines.join('\n')}\n`;
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
    const open = f.status === 'fail' || f.status === 'unknown';
    if (open && SEVERITY_RANK[f.severity] < SEVERITY_RANK[severity]) severity = f.severity;
    if (!blocking && isBlocking(f, failOn)) blocking = true;
  }
  return { severity, hasFail, hasUnknown, blocking };
}

/** What a finding's message line says (status marker, message, location), before wrapping. */
function messageText(f: Finding): string {
  const marker = f.status === 'fail' ? '' : `${f.status}: `;
  return `${marker}${oneLine(f.message)}${f.location ? ` (${f.location})` : ''}`;
}

/** The colour of a finding's message line. */
function messagePaint(f: Finding, p: Palette): Paint {
  return f.status === 'unknown' ? p.yellow : f.status === 'fail' ? (t) => t : p.dim;
}

/**
 * A rule's resources. Those with one finding and no acknowledgement whose message another such
 * resource shares are listed under that message, printed once ("… — 460 resources:"); the others keep
 * their own message lines. Shared messages come first, in first-seen order, then the other resources.
 */
function ruleBody(resources: readonly Finding[][], out: Out): void {
  const byMessage = new Map<string, Finding[][]>();
  const shared: Finding[][][] = [];
  const groupOf = new Map<Finding[], Finding[][]>();
  for (const findings of resources) {
    const f = findings[0];
    if (findings.length !== 1 || f.acknowledgement) continue;
    const key = messageText(f);
    let group = byMessage.get(key);
    if (!group) {
      byMessage.set(key, (group = []));
      shared.push(group);
    }
    group.push(findings);
    groupOf.set(findings, group);
  }
  for (const group of shared) {
    if (group.length < 2) continue;
    put(out, `${messageText(group[0][0])} — ${group.length} resources:`, 4, messagePaint(group[0][0], out.p), 6);
    for (const findings of group) resourceLines(findings[0], out, 6);
  }
  for (const findings of resources) {
    if ((groupOf.get(findings)?.length ?? 0) >= 2) continue;
    resourceLines(findings[0], out, 4);
    for (const f of findings) {
      put(out, messageText(f), 6, messagePaint(f, out.p), 8);
      if (f.acknowledgement) put(out, `reason: ${acknowledgementPhrase(f.acknowledgement)}`, 6, out.p.dim, 8);
    }
  }
}

/**
 * A resource: its label with its template location ("Orders (rest API) › stage prod  [file › LogicalId]",
 * the location on the next line when both do not fit), then its CDK construct path on a line of its own.
 */
function resourceLines(f: Finding, out: Out, indent: number): void {
  const s = f.resource.source;
  const file = displayPath(s.templatePath, out.cwd);
  const id = s.logicalId ?? s.arn ?? s.pointer;
  const at = file && id ? `${file} › ${id}` : (file ?? id);
  const label = f.resource.label;
  if (at === undefined || at === label) put(out, label, indent);
  else if (indent + label.length + at.length + 4 <= out.width)
    out.lines.push(`${' '.repeat(indent)}${label}  ${out.p.dim(`[${at}]`)}`);
  else {
    put(out, label, indent);
    put(out, `at ${at}`, indent + 2, out.p.dim, indent + 4);
  }
  if (s.constructPath) put(out, `construct ${s.constructPath.replace(/^\//, '')}`, indent + 2, out.p.dim, indent + 4);
}

/** Info notices shown per code before the rest are only counted (e.g. one REMEDIATED per change an aspect made). */
const INFO_NOTICES_SHOWN = 3;

/**
 * Errors and warnings one per line; info notices grouped by code, a count plus the first few, so a stack
 * whose every stage was remediated does not bury the findings. JSON and SARIF keep every notice.
 */
function noticeLines(notices: readonly Notice[], out: Out): void {
  const { p } = out;
  const info = new Map<string, Notice[]>();
  for (const notice of notices) {
    if (notice.level !== 'info') {
      noticeLine(notice, out);
      continue;
    }
    const group = info.get(notice.code);
    if (group) group.push(notice);
    else info.set(notice.code, [notice]);
  }
  for (const [code, group] of info) {
    if (group.length <= INFO_NOTICES_SHOWN + 1) {
      for (const notice of group) noticeLine(notice, out);
      continue;
    }
    out.lines.push(`  ${p.cyan('ℹ')} ${code}: ${group.length} notices, the first ${INFO_NOTICES_SHOWN}:`);
    for (const notice of group.slice(0, INFO_NOTICES_SHOWN)) {
      const file = displayPath(notice.source.templatePath, out.cwd);
      put(out, `${oneLine(notice.message)}${file ? ` [${file}]` : ''}`, 6, undefined, 8);
    }
    put(out, `… and ${group.length - INFO_NOTICES_SHOWN} more (every notice is in --format json and sarif)`, 6, p.dim);
  }
}

function noticeLine(notice: Notice, out: Out): void {
  const { p } = out;
  const icon = notice.level === 'error' ? p.red('✖') : notice.level === 'warning' ? p.yellow('⚠') : p.cyan('ℹ');
  const file = displayPath(notice.source.templatePath, out.cwd) ?? notice.source.logicalId ?? '';
  const [first, ...rest] = wrap(
    `${notice.code}${file ? ` ${file}` : ''}: ${oneLine(notice.message)}`,
    out.width - 4,
    0,
    2,
  );
  out.lines.push(`  ${icon} ${first}`, ...rest.map((line) => `    ${line}`));
}
