import { sortFindings, type Finding } from './finding';

/**
 * A baseline: the failing and unknown findings an organisation accepted when it adopted the standard.
 * With a baseline, only findings absent from it block; baseline entries that no longer occur are
 * reported as fixed, so the baseline only ever shrinks.
 *
 * A finding's identity is rule × template file name × resource × property, never the message (a value
 * in it may change) nor the directory (cdk.out moves between machines). Repeats count.
 */
export interface BaselineEntry {
  readonly key: string;
  readonly ruleId: string;
  readonly resource: string;
  readonly message: string;
  /** How many findings share this key. */
  readonly count: number;
}

export interface Baseline {
  readonly version: 1;
  readonly tool: 'cdk-api-guardrails';
  readonly findings: BaselineEntry[];
}

export class BaselineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fix: string,
  ) {
    super(`${code}: ${message} ${fix}`);
    this.name = 'BaselineError';
  }
}

/** The identity of a finding, independent of where the templates live. */
export function baselineKey(finding: Finding): string {
  const s = finding.resource.source;
  const file = s.templatePath ? s.templatePath.split(/[\\/]/).pop() : '';
  const resource = s.logicalId ?? s.constructPath ?? s.arn ?? finding.resource.label;
  return [finding.ruleId, file, s.stackName ?? '', resource, s.pointer ?? '', finding.location ?? ''].join('|');
}

const counted = (f: Finding): boolean => f.status === 'fail' || f.status === 'unknown';

export function createBaseline(findings: readonly Finding[]): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings.filter(counted)) {
    const key = baselineKey(f);
    const prev = byKey.get(key);
    byKey.set(
      key,
      prev
        ? { ...prev, count: prev.count + 1 }
        : { key, ruleId: f.ruleId, resource: f.resource.label, message: f.message, count: 1 },
    );
  }
  return {
    version: 1,
    tool: 'cdk-api-guardrails',
    findings: [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

export interface BaselineResult {
  /** Findings with those in the baseline turned `baselined` (acknowledgement via 'baseline'). */
  readonly findings: Finding[];
  /** Baseline entries that no longer occur (or occur fewer times). */
  readonly fixed: BaselineEntry[];
  /** Failing or unknown findings not in the baseline. */
  readonly newFindings: number;
}

export function applyBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  baselineName = 'the baseline',
): BaselineResult {
  const remaining = new Map(baseline.findings.map((e) => [e.key, e.count]));
  let newFindings = 0;
  const out = findings.map((f): Finding => {
    if (!counted(f)) return f;
    const key = baselineKey(f);
    const left = remaining.get(key) ?? 0;
    if (left <= 0) {
      newFindings++;
      return f;
    }
    remaining.set(key, left - 1);
    return {
      ...f,
      status: 'baselined',
      acknowledgement: { reason: `accepted in ${baselineName} when the standard was adopted`, via: 'baseline' },
    };
  });
  const fixed = baseline.findings
    .filter((e) => (remaining.get(e.key) ?? 0) > 0)
    .map((e) => ({ ...e, count: remaining.get(e.key) ?? 0 }));
  // Baselined findings move after the failing ones: the result keeps the engine's order.
  return { findings: sortFindings(out), fixed, newFindings };
}

/** Validate parsed baseline JSON; `file` names it in errors. */
export function parseBaseline(data: unknown, file: string): Baseline {
  const fix = `Recreate it with \`api-guardrails baseline <templates or cdk.out> --output ${file}\`.`;
  if (!data || typeof data !== 'object' || (data as Baseline).tool !== 'cdk-api-guardrails') {
    throw new BaselineError(
      'E_BASELINE_INVALID',
      `${file} is not an api-guardrails baseline (no "tool": "cdk-api-guardrails").`,
      fix,
    );
  }
  const b = data as Baseline;
  if (b.version !== 1)
    throw new BaselineError(
      'E_BASELINE_VERSION',
      `${file} has baseline version ${JSON.stringify(b.version)}; this version reads version 1.`,
      fix,
    );
  if (
    !Array.isArray(b.findings) ||
    b.findings.some((e) => typeof e?.key !== 'string' || !Number.isInteger(e.count) || e.count < 1)
  ) {
    throw new BaselineError(
      'E_BASELINE_INVALID',
      `${file} has a malformed "findings" list (each entry needs a string "key" and a positive integer "count").`,
      fix,
    );
  }
  return b;
}
