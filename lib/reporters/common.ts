import { isAbsolute, relative, sep } from 'node:path';
import type { Acknowledgement, Finding, FindingCounts, FindingStatus } from '../engine/finding';
import { STATUS_ORDER } from '../engine/finding';
import type { Severity } from '../engine/rule';
import type { Source } from '../model/source';
import type { Report, RuleInfo } from './report';

/** Options every renderer accepts. */
export interface RenderOptions {
  /** Directory template paths are shown relative to. @default process.cwd() */
  readonly cwd?: string;
  /** ANSI colours (text only). The CLI turns them on only on a TTY without NO_COLOR. @default false */
  readonly color?: boolean;
  /** Columns to wrap human text at (text only). The CLI passes the terminal's width. @default 100 */
  readonly width?: number;
}

/** A template path as reports show it: relative to cwd when absolute, always with forward slashes. */
export function displayPath(path: string | undefined, cwd: string = process.cwd()): string | undefined {
  if (path === undefined) return undefined;
  if (!isAbsolute(path)) return sep === '/' ? path : path.split(sep).join('/');
  return (relative(cwd, path) || '.').split(sep).join('/');
}

/**
 * Where a finding points, in one short phrase: "cdk.out/Orders.template.json › OrdersStage
 * (Orders/Api/DeploymentStage.prod)" with the CDK construct path when the template carries it, or the ARN.
 */
export function whereLabel(source: Source, cwd: string = process.cwd()): string {
  const file = displayPath(source.templatePath, cwd);
  const id = source.logicalId ?? source.arn ?? source.pointer;
  const construct = source.constructPath ? ` (${source.constructPath.replace(/^\//, '')})` : '';
  return file && id ? `${file} › ${id}${construct}` : (file ?? id ?? '(no location)') + construct;
}

export interface RuleGroup {
  readonly rule: RuleInfo;
  readonly findings: Finding[];
}

/** Severities, most severe first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Findings with the given statuses grouped by rule; groups ordered by worst status, then by the most severe
 * severity among the findings of that status (so blocking errors come before warnings), then rule id.
 */
export function groupByRule(report: Report, statuses: readonly FindingStatus[]): RuleGroup[] {
  const infos = new Map(report.rules.map((r) => [r.id, r]));
  // One pass: each group's worst status is kept as findings are added (a loop, never Math.min(...spread):
  // a rule with 100,000+ findings would overflow the argument stack).
  const groups = new Map<string, { findings: Finding[]; worst: number; severity: number }>();
  for (const f of report.findings) {
    if (!statuses.includes(f.status)) continue;
    const order = STATUS_ORDER[f.status];
    const severity = SEVERITY_RANK[f.severity];
    const group = groups.get(f.ruleId);
    if (!group) {
      groups.set(f.ruleId, { findings: [f], worst: order, severity });
      continue;
    }
    group.findings.push(f);
    if (order < group.worst) {
      group.worst = order;
      group.severity = severity;
    } else if (order === group.worst && severity < group.severity) {
      group.severity = severity;
    }
  }
  const result: { group: RuleGroup; worst: number; severity: number }[] = [];
  for (const [id, { findings, worst, severity }] of groups) {
    const rule = infos.get(id) ?? {
      id,
      title: findings[0].title,
      rationale: '',
      fix: findings[0].fix,
      severity: findings[0].severity,
      owasp: [],
      references: {},
    };
    result.push({ group: { rule, findings }, worst, severity });
  }
  result.sort(
    (a, b) =>
      a.worst - b.worst ||
      a.severity - b.severity ||
      (a.group.rule.id < b.group.rule.id ? -1 : a.group.rule.id > b.group.rule.id ? 1 : 0),
  );
  return result.map((r) => r.group);
}

/** The most severe severity among findings. */
export function worstSeverity(findings: readonly Finding[]): Severity {
  let best: Severity = 'info';
  for (const f of findings) if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[best]) best = f.severity;
  return best;
}

/** Findings of one rule grouped by resource (label + logical location), in first-seen order. */
export function groupByResource(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = resourceKey(f);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()];
}

/** What identifies a finding's resource in a report: its label and where it is. */
export function resourceKey(f: Finding): string {
  const s = f.resource.source;
  return [f.resource.label, s.templatePath ?? '', s.logicalId ?? '', s.arn ?? '', s.pointer ?? ''].join('\u0000');
}

/** "3 failing, 1 unknown" style count phrase (zero counts left out). */
export function countPhrase(counts: FindingCounts): string {
  const parts: string[] = [];
  if (counts.fail) parts.push(`${counts.fail} failing`);
  if (counts.unknown) parts.push(`${counts.unknown} unknown`);
  if (counts.acknowledged) parts.push(`${counts.acknowledged} acknowledged`);
  if (counts.baselined) parts.push(`${counts.baselined} baselined`);
  if (counts.pass) parts.push(`${counts.pass} passing`);
  return parts.join(', ');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "2 APIs (1 REST, 1 HTTP)". */
export function apisPhrase(report: Report): string {
  const a = report.inventory.apis;
  const kinds = [
    a.rest && `${a.rest} REST`,
    a.http && `${a.http} HTTP`,
    a.websocket && `${a.websocket} WebSocket`,
  ].filter(Boolean);
  return `${plural(a.total, 'API')}${kinds.length ? ` (${kinds.join(', ')})` : ''}`;
}

/** One-line text: collapse whitespace (messages and reasons may contain newlines). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "reason (ticket SEC-1, expires 2027-01-31, approved by ciso, via cdk)": an acknowledgement in one line. */
export function acknowledgementPhrase(a: Acknowledgement): string {
  const details = [
    a.ticket && `ticket ${a.ticket}`,
    a.expires && `expires ${a.expires}`,
    a.approvedBy && `approved by ${a.approvedBy}`,
    `via ${a.via}`,
  ].filter(Boolean);
  return `${oneLine(a.reason)} (${details.join(', ')})`;
}

/** The distinct fixes of findings (a rule may give a finding-specific fix), in first-seen order. */
export function fixesOf(findings: readonly Finding[]): string[] {
  const distinct = new Set<string>();
  for (const f of findings) if (f.status === 'fail' || f.status === 'unknown') distinct.add(f.fix);
  return [...new Set([...distinct].map(oneLine))];
}
