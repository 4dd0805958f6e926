import * as crypto from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, Notification, PhysicalLocation, ReportingDescriptor, Result, Suppression } from 'sarif';
import type { FailOn, Finding } from '../engine/finding';
import { isBlocking } from '../engine/finding';
import type { Severity } from '../engine/rule';
import type { Source } from '../model/source';
import type { RenderOptions } from './common';
import { displayPath, oneLine } from './common';
import { jsonChunks, LazyList } from './json-chunks';
import type { Report, RuleInfo } from './report';
import { ruleDocsUrl, type ToolInfo } from './tool';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our partial fingerprint; bump the suffix if the fingerprint's inputs ever change. */
export const FINGERPRINT_KEY = 'apiGuardrails/v1';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning orders security alerts by this (0.0–10.0). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

/**
 * SARIF 2.1.0 log (`--format sarif`) for code-scanning tools. One run; every rule the standard ran is a
 * reportingDescriptor with a PascalCase name and help links; fail, unknown, acknowledged and baselined
 * findings are results, and so are checks a rule exempts on purpose (`kind: pass` with the reason, and a
 * suppression so code scanning opens no alert); other passes are not, as SARIF consumers show results as alerts. A result points
 * at the line of the CDK app that made the construct when the cloud assembly recorded it, else at the
 * resource's line in its template; the construct path is always a logical location. An unknown that
 * does not block at fail-on is a warning to review (kind `review`), not a failure. Acknowledged and
 * baselined findings carry a suppression with the reason.
 */
export function toSarif(report: Report, options: RenderOptions = {}): Log {
  return sarifLog(report, options, [...resultsOf(report, options)]);
}

export function renderSarif(report: Report, options: RenderOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

/**
 * `renderSarif`'s text in chunks of about a megabyte, each result made as it is written: the SARIF of a
 * 30,000-API inventory is longer than the longest string JavaScript can hold.
 */
export function renderSarifChunks(report: Report, options: RenderOptions = {}): Iterable<string> {
  const results = new LazyList(() => resultsOf(report, options));
  return jsonChunks(sarifLog(report, options, results as unknown as Result[]));
}

/** A result per fail, unknown, acknowledged, baselined and exempt finding, in report order. */
function* resultsOf(report: Report, options: RenderOptions): Generator<Result> {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const seen = new Map<string, number>();
  for (const f of report.findings) {
    if (f.status !== 'pass' || f.exempt !== undefined)
      yield result(f, ruleIndex.get(f.ruleId) ?? -1, report.failOn, options, seen);
  }
}

/** The log around its results (a list, or a LazyList written as one). */
function sarifLog(report: Report, options: RenderOptions, results: Result[]): Log {
  const notifications: Notification[] = report.notices.map((n) => ({
    descriptor: { id: n.code },
    level: n.level === 'info' ? 'note' : n.level,
    message: { text: oneLine(n.message) },
    locations: location(n.source, undefined, options),
  }));
  return {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            ...(report.tool.informationUri ? { informationUri: report.tool.informationUri } : {}),
            rules: report.rules.map((rule) => descriptor(rule, report.tool)),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
        columnKind: 'utf16CodeUnits',
        properties: { standard: report.standard, failOn: report.failOn },
      },
    ],
  };
}

function descriptor(rule: RuleInfo, tool: ToolInfo): ReportingDescriptor {
  const help = ruleDocsUrl(tool, rule.id);
  const refs = Object.entries(rule.references).map(([peer, id]) => `${peer}: ${id}`);
  const markdown = [
    `**${rule.title}**`,
    '',
    rule.rationale,
    '',
    `**How to fix:** ${rule.fix}`,
    ...(rule.owasp.length ? ['', `OWASP API Security Top 10: ${rule.owasp.join(', ')}`] : []),
    ...(refs.length ? ['', `Equivalent controls: ${refs.join('; ')}`] : []),
  ].join('\n');
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.rationale} How to fix: ${rule.fix}`, markdown },
    ...(help ? { helpUri: help } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'api-gateway', ...rule.owasp],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
      references: rule.references,
      ...(rule.controls ? { controls: rule.controls } : {}),
    },
  };
}

function result(f: Finding, index: number, failOn: FailOn, options: RenderOptions, seen: Map<string, number>): Result {
  const review = f.status === 'unknown' && !isBlocking(f, failOn);
  const exempt = f.status === 'pass' ? f.exempt : undefined;
  const r: Result = {
    ruleId: f.ruleId,
    ...(index >= 0 ? { ruleIndex: index } : {}),
    // A pass has level "none" (SARIF 2.1.0 §3.27.10).
    kind: exempt !== undefined ? 'pass' : review ? 'review' : 'fail',
    level: exempt !== undefined ? 'none' : review ? 'warning' : LEVEL[f.severity],
    message: {
      text:
        exempt !== undefined
          ? `Exempt: ${oneLine(exempt)} (${f.resource.label})`
          : `${oneLine(f.message)} (${f.resource.label})${f.status === 'unknown' ? ' [could not be decided]' : ''}`,
    },
    locations: location(f.resource.source, f.location, options),
    ...(f.resource.source.code && templateLocation(f.resource.source, options)
      ? {
          relatedLocations: [
            {
              id: 1,
              physicalLocation: templateLocation(f.resource.source, options),
              message: { text: 'the resource in the synthesized template' },
            },
          ],
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f, options, seen) },
    properties: {
      status: f.status,
      tier: f.tier,
      ...(exempt !== undefined ? { exempt } : { fix: f.fix }),
      ...(f.location ? { propertyPath: f.location } : {}),
    },
  };
  // Code scanning reads no `kind`: the suppression keeps an exempt check from opening an alert.
  if (exempt !== undefined)
    r.suppressions = [{ kind: 'external', status: 'accepted', justification: `exempt: ${oneLine(exempt)}` }];
  if ((f.status === 'acknowledged' || f.status === 'baselined') && f.acknowledgement) {
    const a = f.acknowledgement;
    const details = [
      a.ticket && `ticket ${a.ticket}`,
      a.expires && `expires ${a.expires}`,
      a.approvedBy && `approved by ${a.approvedBy}`,
    ].filter(Boolean);
    const suppression: Suppression = {
      kind: a.via === 'cdk' ? 'inSource' : 'external',
      status: 'accepted',
      justification: `${oneLine(a.reason)}${details.length ? ` (${details.join(', ')})` : ''}`,
      properties: {
        via: a.via,
        ...(a.expires ? { expires: a.expires } : {}),
        ...(a.ticket ? { ticket: a.ticket } : {}),
      },
    };
    r.suppressions = [suppression];
  }
  return r;
}

function location(source: Source, propertyPath: string | undefined, options: RenderOptions): Location[] {
  const physical = source.code ? codeLocation(source.code, options) : templateLocation(source, options);
  const logicalName = source.logicalId ?? source.arn ?? source.pointer;
  if (!physical && !logicalName) return [];
  const loc: Location = {};
  if (physical) loc.physicalLocation = physical;
  if (logicalName) {
    const qualified = source.constructPath ?? [source.stackName, logicalName].filter(Boolean).join('/');
    loc.logicalLocations = [
      {
        name: logicalName,
        fullyQualifiedName: propertyPath ? `${qualified}.${propertyPath}` : qualified,
        kind: 'resource',
        ...(source.resourceType ? { properties: { resourceType: source.resourceType } } : {}),
      },
    ];
  }
  return [loc];
}

/** The resource in its template: GitHub code scanning needs a region, so line 1 when the line is unknown. */
function templateLocation(source: Source, options: RenderOptions): PhysicalLocation | undefined {
  const uri = displayPath(source.templatePath, options.cwd);
  if (!uri) return undefined;
  return { artifactLocation: { uri: encodeURI(uri) }, region: { startLine: source.line ?? 1 } };
}

/** The CDK app's line: relative to cwd when it is inside it (a repository file), else a file: URI. */
function codeLocation(code: NonNullable<Source['code']>, options: RenderOptions): PhysicalLocation {
  const cwd = options.cwd ?? process.cwd();
  const rel = isAbsolute(code.file) ? relative(cwd, code.file) : code.file;
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const uri = inside ? encodeURI(rel.split(sep).join('/')) : pathToFileURL(code.file).href;
  return {
    artifactLocation: { uri },
    region: { startLine: code.line, ...(code.column ? { startColumn: code.column } : {}) },
  };
}

/**
 * Stable across runs: hashes what identifies the problem (rule, file, resource, property, message) and
 * never line numbers or timestamps. Identical keys in one run get an occurrence suffix so they never
 * collide.
 */
function fingerprint(f: Finding, options: RenderOptions, seen: Map<string, number>): string {
  const s = f.resource.source;
  const key = [
    f.ruleId,
    displayPath(s.templatePath, options.cwd) ?? '',
    s.stackName ?? '',
    s.logicalId ?? s.arn ?? '',
    s.pointer ?? '',
    f.location ?? '',
    f.resource.label,
    oneLine(f.message),
  ].join('|');
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return `${sha256Hex(key).slice(0, 32)}:${n}`;
}

function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * The id in PascalCase; a one-word id (`tracing`) gets `Check` appended, since the Multitool warns
 * (SARIF1001) about a name that equals the id, case aside.
 */
function ruleName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return name.toLowerCase() === id.toLowerCase() ? `${name}Check` : name;
}
