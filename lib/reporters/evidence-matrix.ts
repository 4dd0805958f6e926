import type { Finding, FindingStatus } from '../engine/finding';
import type { Report, RuleInfo } from './report';

/** OWASP API Security Top 10, 2023 edition. */
export const OWASP_API_2023: readonly { readonly id: string; readonly name: string }[] = [
  { id: 'API1:2023', name: 'Broken Object Level Authorization' },
  { id: 'API2:2023', name: 'Broken Authentication' },
  { id: 'API3:2023', name: 'Broken Object Property Level Authorization' },
  { id: 'API4:2023', name: 'Unrestricted Resource Consumption' },
  { id: 'API5:2023', name: 'Broken Function Level Authorization' },
  { id: 'API6:2023', name: 'Unrestricted Access to Sensitive Business Flows' },
  { id: 'API7:2023', name: 'Server Side Request Forgery' },
  { id: 'API8:2023', name: 'Security Misconfiguration' },
  { id: 'API9:2023', name: 'Improper Inventory Management' },
  { id: 'API10:2023', name: 'Unsafe Consumption of APIs' },
];

/**
 * One cell of the APIs × OWASP matrix. 'not-covered': no rule of the standard addresses the category;
 * 'not-applicable': rules address it but none applied to this API (e.g. WAF rules on an HTTP API).
 */
export type MatrixStatus = FindingStatus | 'not-covered' | 'not-applicable';

export interface MatrixCell {
  readonly status: MatrixStatus;
  /** Rules behind the verdict: the failing ones when it fails, else every covering rule that reported. */
  readonly ruleIds: string[];
}

export interface MatrixRow {
  readonly apiId: string;
  readonly cells: MatrixCell[];
}

export interface OwaspMatrix {
  /** Per OWASP category (same order as OWASP_API_2023): the standard's rules that address it. */
  readonly coverage: { readonly id: string; readonly name: string; readonly ruleIds: string[] }[];
  readonly rows: MatrixRow[];
}

const RANK: Record<FindingStatus, number> = { fail: 0, unknown: 1, acknowledged: 2, baselined: 2, pass: 3 };

/** The matrix from the report's findings. Needs passing findings listed to tell "pass" from "not applicable". */
export function owaspMatrix(report: Report): OwaspMatrix {
  const coverage = OWASP_API_2023.map((c) => ({
    ...c,
    ruleIds: report.rules.filter((r) => r.owasp.includes(c.id)).map((r) => r.id),
  }));
  const byApi = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (f.resource.apiId === undefined) continue;
    const list = byApi.get(f.resource.apiId);
    if (list) list.push(f);
    else byApi.set(f.resource.apiId, [f]);
  }
  const rows = report.inventory.perApi.map((api) => {
    const findings = byApi.get(api.id) ?? [];
    const cells = coverage.map((c): MatrixCell => {
      if (c.ruleIds.length === 0) return { status: 'not-covered', ruleIds: [] };
      let worst: FindingStatus | undefined;
      const rulesBy = new Map<FindingStatus, Set<string>>();
      for (const f of findings) {
        if (!c.ruleIds.includes(f.ruleId)) continue;
        if (worst === undefined || RANK[f.status] < RANK[worst]) worst = f.status;
        const set = rulesBy.get(f.status) ?? new Set<string>();
        set.add(f.ruleId);
        rulesBy.set(f.status, set);
      }
      if (worst === undefined) return { status: 'not-applicable', ruleIds: [] };
      return { status: worst, ruleIds: [...(rulesBy.get(worst) ?? [])].sort() };
    });
    return { apiId: api.id, cells };
  });
  return { coverage, rows };
}

/** One accepted risk, as the acknowledgement register lists it. */
export interface RegisterEntry {
  readonly ruleId: string;
  readonly resource: string;
  readonly apiId?: string;
  readonly reason: string;
  readonly ticket?: string;
  readonly approvedBy?: string;
  /** YYYY-MM-DD; undefined = no expiry. */
  readonly expires?: string;
  /** Whole days from `today` to the expiry (negative once expired); undefined without expiry. */
  readonly daysLeft?: number;
  readonly expired: boolean;
  readonly via?: string;
}

/** The engine's wording for a lapsed acknowledgement (lib/engine/evaluate.ts, applyAcknowledgement). */
const EXPIRED = /The acknowledgement \((?:ticket (.+?), )?"(.*)"\) expired on (\d{4}-\d{2}-\d{2})\./s;

/**
 * Every acknowledgement in the report: the accepted ones and the lapsed ones (whose findings fail again),
 * expired first, then by days left, those without expiry last.
 */
export function acknowledgementRegister(report: Report, today: Date): RegisterEntry[] {
  const entries: RegisterEntry[] = [];
  for (const f of report.findings) {
    if (f.status === 'acknowledged' && f.acknowledgement) {
      const a = f.acknowledgement;
      const daysLeft = a.expires === undefined ? undefined : daysBetween(today, a.expires);
      entries.push({
        ruleId: f.ruleId,
        resource: f.resource.label,
        apiId: f.resource.apiId,
        reason: a.reason,
        ticket: a.ticket,
        approvedBy: a.approvedBy,
        expires: a.expires,
        daysLeft,
        expired: daysLeft !== undefined && daysLeft < 0,
        via: a.via,
      });
      continue;
    }
    const lapsed = f.status === 'fail' || f.status === 'unknown' ? EXPIRED.exec(f.message) : null;
    if (lapsed) {
      entries.push({
        ruleId: f.ruleId,
        resource: f.resource.label,
        apiId: f.resource.apiId,
        reason: lapsed[2],
        ticket: lapsed[1],
        expires: lapsed[3],
        daysLeft: daysBetween(today, lapsed[3]),
        expired: true,
      });
    }
  }
  const order = (e: RegisterEntry): number => (e.expired ? -1e9 : 0) + (e.daysLeft ?? 1e9);
  return entries.sort(
    (a, b) => order(a) - order(b) || cmp(a.ruleId, b.ruleId) || cmp(a.resource, b.resource) || cmp(a.reason, b.reason),
  );
}

/** Whole days from the UTC day of `today` to `date` (YYYY-MM-DD). */
export function daysBetween(today: Date, date: string): number {
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000);
}

/** Rules by framework, for coverage listings: NIST 800-53 control → rules, PCI DSS requirement → rules. */
export function controlCoverage(rules: readonly RuleInfo[], framework: 'nist80053' | 'pciDss4'): Map<string, string[]> {
  const byControl = new Map<string, string[]>();
  for (const r of rules) {
    for (const id of r.controls?.[framework] ?? []) {
      const list = byControl.get(id) ?? [];
      list.push(r.id);
      byControl.set(id, list);
    }
  }
  return new Map([...byControl].sort(([a], [b]) => compareControlIds(a, b)));
}

/** 'AC-3' < 'AC-4(21)' < 'AC-17(2)'; '1.3.1' < '10.2.1' (numeric parts compared as numbers). */
export function compareControlIds(a: string, b: string): number {
  const pa = a.split(/[-.()]+/).filter(Boolean);
  const pb = b.split(/[-.()]+/).filter(Boolean);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const d = Number.isNaN(nx) || Number.isNaN(ny) || x === '' || y === '' ? cmp(x, y) : nx - ny;
    if (d !== 0) return d;
  }
  return 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
