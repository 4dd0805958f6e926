import { tallyPasses, type Evaluation, type PassTally } from '../engine/evaluate';
import type { FailOn, Finding, FindingCounts } from '../engine/finding';
import { countFindings, isBlocking } from '../engine/finding';
import { renderFix } from '../engine/fix';
import type { RuleControls, RuleReferences, Severity } from '../engine/rule';
import type { ResolvedStandard } from '../standard';
import type { Source } from '../model/source';
import type { ApiKind, Inventory, Notice } from '../model/types';
import { isKnown, isUnresolved } from '../model/value';
import { describeApis, type ApiDetail } from './evidence-inventory';
import { toolInfo, type ToolInfo } from './tool';

/** A rule's metadata as reporters print it (no check function, only data). */
export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly rationale: string;
  readonly fix: string;
  /** Severity the standard gives the rule at its top level (tiers may differ; findings carry their own). */
  readonly severity: Severity;
  readonly owasp: string[];
  /** NIST SP 800-53 r5 and PCI DSS v4.0 ids the rule gives evidence for (absent for engine-made findings). */
  readonly controls?: RuleControls;
  readonly references: RuleReferences;
}

/** One API of the inventory, as the evidence report lists it. */
export interface ApiSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: ApiKind;
  /** Data-classification tier the API was evaluated under. */
  readonly tier: string;
  /** Set when that is the strictest tier because the classification tag is missing, unresolved or no tier. */
  readonly tierDefaultedBecause?: string;
  /** Value of the standard's owner tag; undefined when the tag is missing, '(unresolved)' when it cannot be known. */
  readonly owner?: string;
  readonly external: boolean;
  readonly source: Source;
  readonly stages: number;
  readonly operations: number;
  readonly counts: FindingCounts;
}

export interface InventorySummary {
  readonly apis: { readonly total: number } & Record<ApiKind, number>;
  readonly stages: number;
  readonly operations: number;
  readonly domains: number;
  readonly webAcls: number;
  readonly usagePlans: number;
  readonly perApi: ApiSummary[];
}

/** One input the report was made from (a template file, or an account/region for an audit). */
export interface ReportInput {
  readonly path: string;
  readonly stackName?: string;
}

export interface ReportSummary {
  readonly counts: FindingCounts;
  /** Findings that fail the run under `failOn`. */
  readonly blocking: number;
  readonly result: 'passed' | 'failed';
}

/** Everything a reporter renders. Built once by `buildReport`; every format is a pure function of it. */
export interface Report {
  readonly tool: ToolInfo;
  readonly standard: { readonly name: string; readonly version?: string };
  readonly failOn: FailOn;
  readonly inputs: ReportInput[];
  /** Metadata of every rule the standard ran, plus any rule id that only appears in findings. Sorted by id. */
  readonly rules: RuleInfo[];
  /**
   * In the evaluation's order (the engine sorts by status, rule, resource, message; reporters trust it).
   * Passing checks are listed when the evaluation lists them; `summary`, `inventory` and `passesByRule`
   * count them either way. Each reporter decides what it shows.
   */
  readonly findings: Finding[];
  /** Passing checks per rule id, rules with none left out, ordered by rule id. */
  readonly passesByRule: { readonly ruleId: string; readonly count: number }[];
  readonly notices: Notice[];
  readonly inventory: InventorySummary;
  /** Per-API detail (endpoint, stages, auth, WAF, logging, TLS, third parties) for the html, csv and oscal formats. */
  readonly apiDetails?: ApiDetail[];
  readonly summary: ReportSummary;
}

export interface BuildReportOptions {
  readonly evaluation: Evaluation;
  readonly standard: ResolvedStandard;
  /** @default 'error' */
  readonly failOn?: FailOn;
  /** @default the template paths in the inventory's origins */
  readonly inputs?: ReportInput[];
  /** Extra notices (e.g. files the CLI skipped), appended after the inventory's. */
  readonly notices?: Notice[];
  /** @default this package's name and version */
  readonly tool?: ToolInfo;
}

export function buildReport(options: BuildReportOptions): Report {
  const { evaluation, standard } = options;
  const failOn = options.failOn ?? 'error';
  const findings = [...evaluation.findings];
  const passes = evaluation.passes ?? tallyPasses(findings);
  const counts = { ...countFindings(findings), pass: passes.total };
  const blocking = findings.filter((f) => isBlocking(f, failOn)).length;
  return {
    tool: options.tool ?? toolInfo(),
    standard: { name: standard.standard.name, version: standard.standard.version },
    failOn,
    inputs: options.inputs ?? evaluation.inventory.origins.map((path) => ({ path })),
    rules: ruleInfos(standard, findings),
    findings,
    passesByRule: [...passes.byRule]
      .filter(([, count]) => count > 0)
      .map(([ruleId, count]) => ({ ruleId, count }))
      .sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)),
    notices: [...evaluation.inventory.notices, ...(options.notices ?? [])],
    inventory: summariseInventory(evaluation.inventory, standard, findings, passes),
    apiDetails: describeApis(evaluation.inventory, standard),
    summary: { counts, blocking, result: blocking > 0 ? 'failed' : 'passed' },
  };
}

function ruleInfos(standard: ResolvedStandard, findings: readonly Finding[]): RuleInfo[] {
  const infos = new Map<string, RuleInfo>();
  for (const rule of standard.rules) {
    infos.set(rule.id, {
      id: rule.id,
      title: rule.title,
      rationale: rule.rationale,
      fix: renderFix(rule.fix),
      severity: standard.standard.rules[rule.id]?.severity ?? rule.severity,
      owasp: [...rule.owasp],
      ...(rule.controls ? { controls: rule.controls } : {}),
      references: { ...rule.references },
    });
  }
  // Findings the engine makes without a rule (e.g. 'not-evaluable') still need metadata in every format.
  for (const f of findings) {
    if (infos.has(f.ruleId)) continue;
    infos.set(f.ruleId, {
      id: f.ruleId,
      title: f.title,
      rationale: f.title,
      fix: f.fix,
      severity: f.severity,
      owasp: [],
      references: {},
    });
  }
  return [...infos.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function summariseInventory(
  inventory: Inventory,
  standard: ResolvedStandard,
  findings: readonly Finding[],
  passes: PassTally,
): InventorySummary {
  const apis = { total: inventory.apis.length, rest: 0, http: 0, websocket: 0 };
  let stages = 0;
  let operations = 0;
  const byApi = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.resource.apiId === undefined || f.status === 'pass') continue;
    const list = byApi.get(f.resource.apiId) ?? [];
    list.push(f);
    byApi.set(f.resource.apiId, list);
  }
  const ownerKey = standard.standard.ownerTagKey;
  const perApi: ApiSummary[] = inventory.apis.map((api) => {
    apis[api.kind]++;
    stages += api.stages.length;
    operations += api.operations.length;
    const ownerTag = api.tags[ownerKey];
    const tierDefaultedBecause = standard.tierDefaultedBecause(api);
    return {
      id: api.id,
      name: isKnown(api.name) ? api.name : api.id,
      kind: api.kind,
      tier: standard.tierOf(api),
      ...(tierDefaultedBecause !== undefined ? { tierDefaultedBecause } : {}),
      owner: ownerTag === undefined ? undefined : isUnresolved(ownerTag) ? '(unresolved)' : ownerTag,
      external: api.external,
      source: api.source,
      stages: api.stages.length,
      operations: api.operations.length,
      counts: { ...countFindings(byApi.get(api.id) ?? []), pass: passes.byApi.get(api.id) ?? 0 },
    };
  });
  return {
    apis,
    stages,
    operations,
    domains: inventory.domains.length,
    webAcls: inventory.webAcls.length,
    usagePlans: inventory.usagePlans.length,
    perApi,
  };
}
