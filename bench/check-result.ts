/** What the benchmark children print (one JSON line each), shared by the children and the driver. */

/** Formats check-child times, in order: the first large call of the process is the CLI default, text. */
export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Calls after the first one per format; their median is the "warm" figure. */
export const WARM_CALLS = 5;

/** The workloads bench-app.ts builds. */
export const BENCH_APPS = ['plain', 'compliant'] as const;
export type BenchApp = (typeof BENCH_APPS)[number];

export interface SynthResult {
  readonly ms: number;
  readonly cpuMs: number;
  readonly pluginMs: number;
  readonly pluginCpuMs: number;
  readonly maxRssKb: number;
}

export interface FormatTiming {
  /** The first call in this format (for text, the first large call of the process). */
  readonly firstMs: number;
  readonly firstCpuMs: number;
  /** Median of WARM_CALLS further calls. */
  readonly warmMs: number;
  readonly warmCpuMs: number;
  /** Characters of the report written to stdout by the first call (a sanity check that it rendered). */
  readonly reportBytes: number;
}

export interface CheckResult {
  /** The one-resource warm-up call that loads every module. */
  readonly warmupMs: number;
  /** The first large call (text format): wall and CPU time. */
  readonly ms: number;
  readonly cpuMs: number;
  readonly resources: number;
  readonly formats: Readonly<Record<CheckFormat, FormatTiming>>;
  readonly maxRssKb: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
