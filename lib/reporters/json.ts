import type { Acknowledgement, FailOn, FindingStatus } from '../engine/finding';
import { isBlocking } from '../engine/finding';
import type { Severity, SubjectKind } from '../engine/rule';
import type { RenderOptions } from './common';
import { displayPath } from './common';
import { jsonChunks, LazyList } from './json-chunks';
import type { ApiSummary, InventorySummary, Report, ReportSummary, RuleInfo } from './report';

/** Version of the JSON shape below. Bumped only on a breaking change (a field removed or retyped). */
export const JSON_REPORT_SCHEMA_VERSION = 1;

/** Where a finding or notice points. Template paths are relative to the working directory, with '/'. */
export interface JsonLocation {
  readonly templatePath?: string;
  readonly stackName?: string;
  readonly logicalId?: string;
  readonly resourceType?: string;
  readonly constructPath?: string;
  readonly arn?: string;
  /** Location inside an OpenAPI body, e.g. paths./orders.get. */
  readonly pointer?: string;
}

export interface JsonFinding {
  readonly ruleId: string;
  readonly title: string;
  readonly status: FindingStatus;
  readonly severity: Severity;
  /** True when this finding fails the run under the report's failOn. */
  readonly blocking: boolean;
  readonly message: string;
  readonly fix: string;
  readonly tier: string;
  readonly resource: {
    readonly kind: SubjectKind | 'template';
    readonly label: string;
    readonly apiId?: string;
  } & JsonLocation;
  /** Property path inside the resource, e.g. Properties.MethodSettings. */
  readonly location?: string;
  readonly acknowledgement?: Acknowledgement;
  /** On a pass: why the rule exempts the resource on purpose (e.g. 'CORS preflight'). */
  readonly exempt?: string;
}

export interface JsonNotice {
  readonly level: 'info' | 'warning' | 'error';
  readonly code: string;
  readonly message: string;
  readonly source: JsonLocation;
}

/**
 * The JSON report (`--format json`). Keys always appear in this order; optional keys are omitted when
 * unknown; arrays are sorted (findings by status, rule, resource, message; rules by id; APIs in inventory
 * order), so two runs over the same input give byte-identical output.
 */
export interface JsonReport {
  readonly schemaVersion: typeof JSON_REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly standard: { readonly name: string; readonly version?: string };
  readonly failOn: FailOn;
  readonly result: ReportSummary['result'];
  readonly summary: {
    readonly fail: number;
    readonly unknown: number;
    readonly acknowledged: number;
    readonly baselined: number;
    readonly pass: number;
    readonly blocking: number;
  };
  readonly inputs: { readonly path: string; readonly stackName?: string }[];
  readonly inventory: Omit<InventorySummary, 'perApi'> & {
    readonly perApi: (Omit<ApiSummary, 'source'> & { readonly source: JsonLocation })[];
  };
  readonly rules: RuleInfo[];
  readonly findings: JsonFinding[];
  readonly notices: JsonNotice[];
}

export function toJsonReport(report: Report, options: RenderOptions = {}): JsonReport {
  const { head, finding, notice } = jsonParts(report, options);
  return { ...head, findings: report.findings.map(finding), notices: report.notices.map(notice) };
}

/** The report's fixed part, and how each finding and notice is written (so they can be written one by one). */
function jsonParts(
  report: Report,
  options: RenderOptions,
): {
  head: Omit<JsonReport, 'findings' | 'notices'>;
  finding: (f: Report['findings'][number]) => JsonFinding;
  notice: (n: Report['notices'][number]) => JsonNotice;
} {
  const loc = (s: JsonLocation): JsonLocation => ({
    templatePath: displayPath(s.templatePath, options.cwd),
    stackName: s.stackName,
    logicalId: s.logicalId,
    resourceType: s.resourceType,
    constructPath: s.constructPath,
    arn: s.arn,
    pointer: s.pointer,
  });
  const c = report.summary.counts;
  const head: Omit<JsonReport, 'findings' | 'notices'> = {
    schemaVersion: JSON_REPORT_SCHEMA_VERSION,
    tool: { name: report.tool.name, version: report.tool.version },
    standard: { name: report.standard.name, version: report.standard.version },
    failOn: report.failOn,
    result: report.summary.result,
    summary: {
      fail: c.fail,
      unknown: c.unknown,
      acknowledged: c.acknowledged,
      baselined: c.baselined,
      pass: c.pass,
      blocking: report.summary.blocking,
    },
    inputs: report.inputs.map((i) => ({ path: displayPath(i.path, options.cwd) ?? i.path, stackName: i.stackName })),
    inventory: {
      apis: {
        total: report.inventory.apis.total,
        rest: report.inventory.apis.rest,
        http: report.inventory.apis.http,
        websocket: report.inventory.apis.websocket,
      },
      stages: report.inventory.stages,
      operations: report.inventory.operations,
      domains: report.inventory.domains,
      webAcls: report.inventory.webAcls,
      usagePlans: report.inventory.usagePlans,
      perApi: report.inventory.perApi.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        tier: a.tier,
        owner: a.owner,
        external: a.external,
        source: loc(a.source),
        stages: a.stages,
        operations: a.operations,
        counts: {
          fail: a.counts.fail,
          unknown: a.counts.unknown,
          acknowledged: a.counts.acknowledged,
          baselined: a.counts.baselined,
          pass: a.counts.pass,
        },
      })),
    },
    rules: report.rules.map((r) => ({
      id: r.id,
      title: r.title,
      rationale: r.rationale,
      fix: r.fix,
      severity: r.severity,
      owasp: r.owasp,
      ...(r.controls ? { controls: r.controls } : {}),
      references: r.references,
    })),
  };
  const finding = (f: Report['findings'][number]): JsonFinding => ({
    ruleId: f.ruleId,
    title: f.title,
    status: f.status,
    severity: f.severity,
    blocking: isBlocking(f, report.failOn),
    message: f.message,
    fix: f.fix,
    tier: f.tier,
    resource: { kind: f.resource.kind, label: f.resource.label, apiId: f.resource.apiId, ...loc(f.resource.source) },
    location: f.location,
    acknowledgement: f.acknowledgement,
    exempt: f.exempt,
  });
  const notice = (n: Report['notices'][number]): JsonNotice => ({
    level: n.level,
    code: n.code,
    message: n.message,
    source: loc(n.source),
  });
  return { head, finding, notice };
}

/** `--format json`: the JsonReport, pretty-printed with two spaces and a final newline. */
export function renderJson(report: Report, options: RenderOptions = {}): string {
  return `${JSON.stringify(toJsonReport(report, options), null, 2)}\n`;
}

/**
 * `renderJson`'s text in chunks of about a megabyte, each finding made as it is written: the JSON of a
 * 30,000-API inventory is longer than the longest string JavaScript can hold.
 */
export function renderJsonChunks(report: Report, options: RenderOptions = {}): Iterable<string> {
  const { head, finding, notice } = jsonParts(report, options);
  return jsonChunks({
    ...head,
    findings: LazyList.map(report.findings, finding),
    notices: LazyList.map(report.notices, notice),
  });
}
