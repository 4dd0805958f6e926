import type { Acknowledgement, Finding, FindingResource } from '../engine/finding';
import type { Source } from '../model/source';
import type { Notice } from '../model/types';
import type { ApiSummary, Report } from './report';

/** Line breaks and other whitespace controls: a line break in user data must never start a new line. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** Other C0 controls, DEL, C1 controls and bidirectional overrides: they steer terminals and spoof text. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/**
 * Text from a template or an account (logical ids, stage names, tags, values) made safe for a terminal
 * or a Markdown comment: line breaks become spaces and every other control character is shown as a
 * visible escape (ESC as `\u001b`), so it can neither clear the screen, retitle the terminal, rewrite a
 * line with CR nor forge a line or a heading.
 */
export function safeText(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(BREAKS, ' ').replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function safeOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : safeText(text);
}

/** The same object when none of its string fields needs changing, else a copy with them made safe. */
function safeStrings<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  let copy: T | undefined;
  for (const key of keys) {
    const field = value[key];
    if (typeof field !== 'string') continue;
    const safe = safeText(field);
    if (safe === field) continue;
    copy ??= { ...value };
    (copy as Record<keyof T, unknown>)[key] = safe;
  }
  return copy ?? value;
}

const SOURCE_KEYS: readonly (keyof Source)[] = [
  'logicalId',
  'resourceType',
  'templatePath',
  'stackName',
  'constructPath',
  'arn',
  'pointer',
];
const ACK_KEYS: readonly (keyof Acknowledgement)[] = ['reason', 'ticket', 'expires', 'approvedBy'];

/**
 * The report with every string a human format prints made safe (`safeText`). Objects are copied only
 * where something changes, and findings that share a resource keep sharing it; a clean report is
 * returned as it is apart from its top-level arrays.
 */
export function safeReport(report: Report): Report {
  const sources = new Map<Source, Source>();
  const source = (s: Source): Source => {
    let safe = sources.get(s);
    if (safe === undefined) sources.set(s, (safe = safeStrings(s, SOURCE_KEYS)));
    return safe;
  };
  const resources = new Map<FindingResource, FindingResource>();
  const resource = (r: FindingResource): FindingResource => {
    let safe = resources.get(r);
    if (safe === undefined) {
      const src = source(r.source);
      safe = safeStrings(src === r.source ? r : { ...r, source: src }, ['label', 'apiId']);
      resources.set(r, safe);
    }
    return safe;
  };
  const finding = (f: Finding): Finding => {
    const res = resource(f.resource);
    const ack = f.acknowledgement && safeStrings(f.acknowledgement, ACK_KEYS);
    const base = res === f.resource && ack === f.acknowledgement ? f : { ...f, resource: res, acknowledgement: ack };
    return safeStrings(base, ['ruleId', 'title', 'message', 'fix', 'location', 'tier']);
  };
  const notice = (n: Notice): Notice => {
    const src = source(n.source);
    return safeStrings(src === n.source ? n : { ...n, source: src }, ['code', 'message']);
  };
  const api = (a: ApiSummary): ApiSummary => {
    const src = source(a.source);
    return safeStrings(src === a.source ? a : { ...a, source: src }, ['id', 'name', 'tier', 'owner']);
  };
  return {
    ...report,
    standard: { name: safeText(report.standard.name), version: safeOptional(report.standard.version) },
    inputs: report.inputs.map((i) => safeStrings(i, ['path', 'stackName'])),
    rules: report.rules.map((r) => safeStrings(r, ['id', 'title', 'rationale', 'fix'])),
    findings: report.findings.map(finding),
    passesByRule: report.passesByRule.map((p) => safeStrings(p, ['ruleId'])),
    notices: report.notices.map(notice),
    inventory: { ...report.inventory, perApi: report.inventory.perApi.map(api) },
  };
}
