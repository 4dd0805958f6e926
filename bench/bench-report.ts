/**
 * Pure summary and formatting of the benchmark (no I/O): medians per N, the Markdown tables, the final
 * line per N that issue 7 asks for, CPU ratios and N→2N scaling. run.ts measures; this file only reads
 * the children's JSON lines.
 */
import { CHECK_FORMATS, median, type CheckFormat, type CheckResult, type SynthResult } from './check-result';

export type SynthMode = 'plain' | 'plugin' | 'empty' | 'replay' | 'nag';

/** Medians over the runs of one N (ms, RSS in KiB). */
export interface Row {
  readonly n: number;
  readonly resources: number;
  readonly plain: number;
  readonly plugin: number;
  readonly pluginOwn: number;
  readonly nag: number;
  readonly empty?: number;
  /** A plugin that reports the plugin run's violations without running a rule (replay.ts). */
  readonly replay?: number;
  readonly plainCpu: number;
  readonly pluginCpu: number;
  readonly pluginOwnCpu: number;
  readonly nagCpu: number;
  readonly rssPlain: number;
  readonly rssPlugin: number;
  /** The one-resource call that loads every module. */
  readonly checkWarmup: number;
  /** Per format: the first call and the median of the warm calls, wall and CPU. */
  readonly check: Readonly<Record<CheckFormat, { first: number; warm: number; firstCpu: number; warmCpu: number }>>;
  /** The first large call (text) of a check process pinned to one core (`taskset -c 0`), when measured. */
  readonly checkOneCore?: number;
}

/** `oneCore`: check-child results of processes pinned to one core; empty where taskset is not available. */
export function summarize(
  n: number,
  synth: Readonly<Record<SynthMode, readonly SynthResult[]>>,
  checks: readonly CheckResult[],
  oneCore: readonly CheckResult[] = [],
): Row {
  if (synth.plain.length === 0 || synth.plugin.length === 0 || synth.nag.length === 0 || checks.length === 0) {
    throw new Error(
      `bench: error E_BENCH_NO_RUNS: N=${n} has no measurement of plain, plugin, nag or check. Fix: pass --runs 1 or more.`,
    );
  }
  const med = (xs: readonly SynthResult[], key: keyof SynthResult): number => median(xs.map((x) => x[key]));
  const check = {} as Record<CheckFormat, { first: number; warm: number; firstCpu: number; warmCpu: number }>;
  for (const format of CHECK_FORMATS) {
    const timings = checks.map((c) => c.formats[format]);
    check[format] = {
      first: median(timings.map((t) => t.firstMs)),
      warm: median(timings.map((t) => t.warmMs)),
      firstCpu: median(timings.map((t) => t.firstCpuMs)),
      warmCpu: median(timings.map((t) => t.warmCpuMs)),
    };
  }
  return {
    n,
    resources: checks[0].resources,
    plain: med(synth.plain, 'ms'),
    plugin: med(synth.plugin, 'ms'),
    pluginOwn: med(synth.plugin, 'pluginMs'),
    nag: med(synth.nag, 'ms'),
    empty: synth.empty.length ? med(synth.empty, 'ms') : undefined,
    replay: synth.replay.length ? med(synth.replay, 'ms') : undefined,
    plainCpu: med(synth.plain, 'cpuMs'),
    pluginCpu: med(synth.plugin, 'cpuMs'),
    pluginOwnCpu: med(synth.plugin, 'pluginCpuMs'),
    nagCpu: med(synth.nag, 'cpuMs'),
    rssPlain: med(synth.plain, 'maxRssKb'),
    rssPlugin: med(synth.plugin, 'maxRssKb'),
    checkWarmup: median(checks.map((c) => c.warmupMs)),
    check,
    ...(oneCore.length ? { checkOneCore: median(oneCore.map((c) => c.formats.text.firstMs)) } : {}),
  };
}

const f = (x: number, d = 0): string => x.toFixed(d);
const perSecond = (resources: number, ms: number): number => Math.round(resources / (ms / 1000));

/** The synth table and the check table (Markdown). */
export function tables(rows: readonly Row[]): string[] {
  const pinned = rows.some((r) => r.checkOneCore !== undefined);
  const lines = [
    '| N | resources | plain synth | + ApiGuardrails | plugin own time | + AwsSolutionsChecks | check (text, first large call) | RSS plain | RSS plugin |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.resources} | ${f(r.plain)} | ${f(r.plugin)} | ${f(r.pluginOwn, 1)} | ${f(r.nag)} | ${f(r.check.text.first, 1)} | ` +
        `${f(r.rssPlain / 1024)} | ${f(r.rssPlugin / 1024)} |`,
    ),
    '',
    `\`check\` in one process: a one-resource warm-up (loads every module), then per format the first call and the median of the warm calls (ms):`,
    '',
    `| N | resources | warm-up (1 resource) | ${CHECK_FORMATS.map((x) => `${x} first | ${x} warm`).join(' | ')} |${pinned ? ' text first, one core |' : ''}`,
    `|---|---|---|${CHECK_FORMATS.map(() => '---|---|').join('')}${pinned ? '---|' : ''}`,
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.resources} | ${f(r.checkWarmup, 1)} | ${CHECK_FORMATS.map((x) => `${f(r.check[x].first, 1)} | ${f(r.check[x].warm, 1)}`).join(' | ')} |` +
        (pinned ? ` ${r.checkOneCore === undefined ? '–' : f(r.checkOneCore, 1)} |` : ''),
    ),
  ];
  return lines;
}

/**
 * Issue 7's line per N: `N=400 plugin_overhead=… nag_overhead=… check_resources_per_s=…` (the first large
 * call, text), then the warm medians per format, then the other ratios.
 */
export function finalLine(r: Row): string {
  const warm = CHECK_FORMATS.map((x) => `check_warm_${x}=${perSecond(r.resources, r.check[x].warm)}`).join(' ');
  return (
    `N=${r.n} plugin_overhead=${(r.plugin / r.plain).toFixed(3)} nag_overhead=${(r.nag / r.plain).toFixed(2)} ` +
    `check_resources_per_s=${perSecond(r.resources, r.check.text.first)} ${warm} ` +
    `plugin_own_share=${(r.pluginOwn / r.plain).toFixed(3)} memory_overhead=${(r.rssPlugin / r.rssPlain).toFixed(3)}` +
    (r.empty === undefined
      ? ''
      : ` empty_plugin_overhead=${(r.empty / r.plain).toFixed(3)} plugin_over_empty=${(r.plugin / r.empty).toFixed(3)}`) +
    (r.empty === undefined || r.replay === undefined
      ? ''
      : ` replay_over_empty=${(r.replay / r.empty).toFixed(3)} plugin_over_replay=${(r.plugin / r.replay).toFixed(3)}`) +
    (r.checkOneCore === undefined ? '' : ` check_one_core_resources_per_s=${perSecond(r.resources, r.checkOneCore)}`)
  );
}

/** CPU time (user+system of the child, all threads) is what other processes on a shared machine cannot inflate. */
export function cpuLine(r: Row): string {
  return (
    `N=${r.n} cpu: plain ${f(r.plainCpu)} ms, plugin ${f(r.pluginCpu)} ms (own ${f(r.pluginOwnCpu, 1)} ms), nag ${f(r.nagCpu)} ms; ` +
    `plugin_overhead_cpu=${(r.pluginCpu / r.plainCpu).toFixed(3)} nag_overhead_cpu=${(r.nagCpu / r.plainCpu).toFixed(2)} ` +
    `check_resources_per_cpu_s=${perSecond(r.resources, r.check.text.firstCpu)} check_warm_text_per_cpu_s=${perSecond(r.resources, r.check.text.warmCpu)}`
  );
}

/** One line per pair of sizes N and 2N: how the plugin's own time and check's time grow (linear is ×2.0). */
export function scalingLines(rows: readonly Row[]): string[] {
  const out: string[] = [];
  const x = (a: number, b: number): string => `×${(b / a).toFixed(2)}`;
  for (const small of rows) {
    const big = rows.find((r) => r.n === 2 * small.n);
    if (!big) continue;
    const range = `N=${small.n}→${big.n}`;
    out.push(
      `scaling ${range}: plugin own time ${x(small.pluginOwn, big.pluginOwn)} wall, ${x(small.pluginOwnCpu, big.pluginOwnCpu)} CPU (linear is ×2.0)`,
    );
    out.push(
      `scaling ${range}: check first call (text) ${x(small.check.text.first, big.check.text.first)} wall, ${x(small.check.text.firstCpu, big.check.text.firstCpu)} CPU; ` +
        `check warm (text) ${x(small.check.text.warm, big.check.text.warm)} wall, ${x(small.check.text.warmCpu, big.check.text.warmCpu)} CPU (linear is ×2.0)`,
    );
  }
  return out;
}
