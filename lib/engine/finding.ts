import type { Source } from '../model/source';
import type { Severity, SubjectKind } from './rule';

/** `baselined`: a fail or unknown finding accepted in a baseline file (`check --baseline`); never blocks. */
export type FindingStatus = 'fail' | 'unknown' | 'pass' | 'acknowledged' | 'baselined';

/** Why a finding is acknowledged, kept in every report so compliance can see open exceptions. */
export interface Acknowledgement {
  readonly reason: string;
  readonly ticket?: string;
  /** ISO date (YYYY-MM-DD) after which the acknowledgement lapses. */
  readonly expires?: string;
  readonly approvedBy?: string;
  /** Who acknowledged it: CDK's Validations API, a baseline file, or the standard. */
  readonly via: 'cdk' | 'baseline' | 'standard';
}

/** An acknowledgement that lapsed: the finding keeps failing and says so. */
export interface ExpiredAcknowledgement {
  readonly expired: true;
  readonly expires: string;
  readonly reason: string;
  readonly ticket?: string;
}

/** The resource a finding is about. */
export interface FindingResource {
  /** The model element kind, or 'template' for notices about a whole template. */
  readonly kind: SubjectKind | 'template';
  /** Human label, e.g. "Orders (rest) › stage prod › GET /orders". */
  readonly label: string;
  readonly source: Source;
  /** The inventory id of the API the resource belongs to, when any. */
  readonly apiId?: string;
}

/** One rule's verdict on one resource. */
export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly status: FindingStatus;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string;
  readonly resource: FindingResource;
  /** Property path relative to the resource. */
  readonly location?: string;
  /** Data-classification tier the rule was evaluated under. */
  readonly tier: string;
  readonly acknowledgement?: Acknowledgement;
  /** On a pass: why the rule exempts this resource on purpose (e.g. 'CORS preflight'); unset when it was checked. */
  readonly exempt?: string;
}

/** The lowest severity that fails a run, or never. */
export type FailOn = 'error' | 'warning' | 'never';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Whether a finding should fail a build under `failOn`. Pass, acknowledged and baselined findings never block. */
export function isBlocking(finding: Finding, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  if (finding.status !== 'fail' && finding.status !== 'unknown') return false;
  return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
}

/** Whether `severity` is at least `threshold`. */
export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** Findings per status. */
export interface FindingCounts {
  readonly fail: number;
  readonly unknown: number;
  readonly pass: number;
  readonly acknowledged: number;
  readonly baselined: number;
}

/** Count findings per status. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { fail: 0, unknown: 0, pass: 0, acknowledged: 0, baselined: 0 };
  for (const f of findings) counts[f.status]++;
  return counts;
}

/** Report order of statuses: what needs action first. */
export const STATUS_ORDER: Readonly<Record<FindingStatus, number>> = {
  fail: 0,
  unknown: 1,
  acknowledged: 2,
  baselined: 3,
  pass: 4,
};

/** Deterministic order: status, rule, resource, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.resource.label, b.resource.label) ||
    cmp(a.message, b.message)
  );
}

/** The findings in `compareFindings` order, as a new array; the sort is stable, so ties keep their input order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
