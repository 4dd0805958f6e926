import { isAbsolute, relative, sep } from 'node:path';
import type { Finding, FindingCounts, FindingStatus } from '../engine/finding';
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
  /** 1-based line of a resource in a template (SARIF regions). @default every result points at line 1 of its file */
  readonly lineOf?: (templatePath: string, logicalId: string) => number | undefined;
}

/** A template path as reports show it: relative to cwd when absolute, always with forward slashes. */
export function displayPath(path: string | undefined, cwd: string = process.cwd()): string | undefined {
  if (path === undefined) return undefined;
  if (!isAbsolute(path)) return sep === '/' ? path : path.split(sep).join('/');
  // Keyed by the strings the sources already hold: a combined key would be a new string to hash per call.
  let forCwd = displayCache.get(cwd);
  if (forCwd === undefined) {
    if (displayCache.size > 100) displayCache.clear();
    displayCache.set(cwd, (forCwd = new Map()));
  }
  let shown = forCwd.get(path);
  if (shown === undefined) {
    shown = (relative(cwd, path) || '.').split(sep).join('/');
    if (forCwd.size > 10_000) forCwd.clear();
    forCwd.set(path, shown);
  }
  return shown;
}

/** Reports name the same few files thousands of times: shown path per template path, per cwd. */
const displayCache = new Map<string, Map<string, string>>();

/**
 * Where a finding points, in one short phrase: "cdk.out/Orders.template.json › OrdersStage
 * (Orders/Api/DeploymentStage.prod)" with the CDK construct path when the template carries it, or the ARN.
 * Built once per source object and cwd: the findings on one resource share their source.
 */
export function whereLabel(source: Source, cwd: string = process.cwd()): string {
  const cached = whereCache.get(source);
  if (cached !== undefined && cached.cwd === cwd) return cached.label;
  const file = displayPath(source.templatePath, cwd);
  const id = source.logicalId ?? source.arn ?? source.pointer;
  const construct = source.constructPath ? ` (${source.constructPath.replace(/^\//, '')})` : '';
  const label = file && id ? `${file} › ${id}${construct}` : (file ?? id ?? '(no location)') + construct;
  whereCache.set(source, { cwd, label });
  return label;
}

const whereCache = new WeakMap<Source, { readonly cwd: string; readonly label: string }>();

export interface RuleGroup {
  readonly rule: RuleInfo;
  readonly findings: Finding[];
}

/** Severities, most severe first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Findings with the given statuses grouped by rule; groups ordered by worst status, then rule id. */
export function groupByRule(report: Report, statuses: readonly FindingStatus[]): RuleGroup[] {
  const infos = new Map(report.rules.map((r) => [r.id, r]));
  // One pass: each group's worst status is kept as findings are added (a loop, never Math.min(...spread):
  // a rule with 100,000+ findings would overflow the argument stack).
  const groups = new Map<string, { findings: Finding[]; worst: number }>();
  for (const f of report.findings) {
    if (!statuses.includes(f.status)) continue;
    const order = STATUS_ORDER[f.status];
    const group = groups.get(f.ruleId);
    if (group) {
      group.findings.push(f);
      if (order < group.worst) group.worst = order;
    } else {
      groups.set(f.ruleId, { findings: [f], worst: order });
    }
  }
  const result: { group: RuleGroup; worst: number }[] = [];
  for (const [id, { findings, worst }] of groups) {
    const rule = infos.get(id) ?? {
      id,
      title: findings[0].title,
      rationale: '',
      fix: findings[0].fix,
      severity: findings[0].severity,
      owasp: [],
      references: {},
    };
    result.push({ group: { rule, findings }, worst });
  }
  result.sort(
    (a, b) => a.worst - b.worst || (a.group.rule.id < b.group.rule.id ? -1 : a.group.rule.id > b.group.rule.id ? 1 : 0),
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

/**
 * What identifies a finding's resource in a report. The engine gives every finding on one subject the
 * same resource object, and a report groups each rule's findings by resource: the key is built once per
 * resource object (not once per rule group), and the same string then hashes once.
 */
export function resourceKey(f: Finding): string {
  let key = resourceKeys.get(f.resource);
  if (key === undefined) {
    const s = f.resource.source;
    key = [f.resource.label, s.templatePath ?? '', s.logicalId ?? '', s.arn ?? '', s.pointer ?? ''].join('\u0000');
    resourceKeys.set(f.resource, key);
  }
  return key;
}

const resourceKeys = new WeakMap<Finding['resource'], string>();

/** "3 failing, 1 unknown" style count phrase (zero counts left out). */
export function countPhrase(counts: FindingCounts): string {
  const parts: string[] = [];
  if (counts.fail) parts.push(`${counts.fail} failing`);
  if (counts.unknown) parts.push(`${counts.unknown} unknown`);
  if (counts.acknowledged) parts.push(`${counts.acknowledged} acknowledged`);
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
  // Runs once per finding per format, over a few distinct messages: remember them.
  let line = oneLineCache.get(text);
  if (line === undefined) {
    line = text.replace(/\s+/g, ' ').trim();
    if (oneLineCache.size > 10_000) oneLineCache.clear();
    oneLineCache.set(text, line);
  }
  return line;
}

const oneLineCache = new Map<string, string>();

/** The distinct fixes of findings (a rule may give a finding-specific fix), in first-seen order. */
export function fixesOf(findings: readonly Finding[]): string[] {
  // Nearly every finding of a rule carries the same fix string: collapse it before normalising whitespace.
  const distinct = new Set<string>();
  for (const f of findings) if (f.status === 'fail' || f.status === 'unknown') distinct.add(f.fix);
  return [...new Set([...distinct].map(oneLine))];
}
