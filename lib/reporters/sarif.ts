import * as crypto from 'node:crypto';
import type { Location, Log, Notification, ReportingDescriptor, Result, Suppression } from 'sarif';
import type { Finding } from '../engine/finding';
import type { Severity } from '../engine/rule';
import type { RenderOptions } from './common';
import { displayPath, oneLine } from './common';
import type { Report, RuleInfo } from './report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our partial fingerprint; bump the suffix if the fingerprint's inputs ever change. */
export const FINGERPRINT_KEY = 'apiGuardrails/v1';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning orders security alerts by this (0.0–10.0). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

/**
 * SARIF 2.1.0 log (`--format sarif`) for code-scanning tools. One run; every rule the standard ran is a
 * reportingDescriptor; fail, unknown and acknowledged findings are results (passes are not: SARIF
 * consumers show every result as an alert). Acknowledged findings carry a suppression with the reason.
 */
export function toSarif(report: Report, options: RenderOptions = {}): Log {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const seen = new Map<string, number>();
  const results: Result[] = [];
  for (const f of report.findings) {
    if (f.status === 'pass') continue;
    results.push(result(f, ruleIndex.get(f.ruleId) ?? -1, options, seen));
  }
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
            rules: report.rules.map(descriptor),
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

export function renderSarif(report: Report, options: RenderOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

function descriptor(rule: RuleInfo): ReportingDescriptor {
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
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.rationale} How to fix: ${rule.fix}`, markdown },
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

function result(f: Finding, index: number, options: RenderOptions, seen: Map<string, number>): Result {
  const r: Result = {
    ruleId: f.ruleId,
    ...(index >= 0 ? { ruleIndex: index } : {}),
    kind: 'fail',
    level: LEVEL[f.severity],
    message: {
      text: `${oneLine(f.message)} (${f.resource.label})${f.status === 'unknown' ? ' [could not be decided]' : ''}`,
    },
    locations: location(f.resource.source, f.location, options),
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f, options, seen) },
    properties: { status: f.status, tier: f.tier, fix: f.fix, ...(f.location ? { propertyPath: f.location } : {}) },
  };
  if (f.status === 'acknowledged' && f.acknowledgement) {
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

function location(
  source: Finding['resource']['source'],
  propertyPath: string | undefined,
  options: RenderOptions,
): Location[] {
  const uri = displayPath(source.templatePath, options.cwd);
  const logicalName = source.logicalId ?? source.arn ?? source.pointer;
  if (!uri && !logicalName) return [];
  const loc: Location = {};
  if (uri && source.templatePath) {
    // GitHub code scanning needs a region to place an alert: the resource's line, else the file's first line.
    const line = source.logicalId ? options.lineOf?.(source.templatePath, source.logicalId) : undefined;
    loc.physicalLocation = { artifactLocation: { uri: encodedUri(uri) }, region: { startLine: line ?? 1 } };
  }
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

/**
 * SHA-256 of a string as hex. Node's one-shot `crypto.hash` (Node ≥ 20.12) is several times cheaper per
 * call than a Hash object, and a large report hashes thousands of keys; the digest is the same.
 */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** `encodeURI` of a report's few template paths, once each rather than once per result. */
function encodedUri(uri: string): string {
  let encoded = encodedUris.get(uri);
  if (encoded === undefined) {
    encoded = encodeURI(uri);
    if (encodedUris.size > 10_000) encodedUris.clear();
    encodedUris.set(uri, encoded);
  }
  return encoded;
}

const encodedUris = new Map<string, string>();

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
