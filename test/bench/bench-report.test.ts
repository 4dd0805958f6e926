import { cpuLine, finalLine, scalingLines, summarize, tables, type SynthMode } from '../../bench/bench-report';
import {
  CHECK_FORMATS,
  median,
  type CheckFormat,
  type CheckResult,
  type FormatTiming,
  type SynthResult,
} from '../../bench/check-result';

const synth = (ms: number, pluginMs = 0, maxRssKb = 100 * 1024): SynthResult => ({
  ms,
  cpuMs: ms,
  pluginMs,
  pluginCpuMs: pluginMs,
  maxRssKb,
});

/** A check-child result whose text first call takes `firstText` ms and every warm call `warm[format]` ms. */
function checkResult(resources: number, firstText: number, warm: Record<CheckFormat, number>): CheckResult {
  const formats = Object.fromEntries(
    CHECK_FORMATS.map((x): [CheckFormat, FormatTiming] => [
      x,
      {
        firstMs: x === 'text' ? firstText : warm[x] * 1.5,
        firstCpuMs: x === 'text' ? firstText : warm[x],
        warmMs: warm[x],
        warmCpuMs: warm[x],
        reportBytes: 1,
      },
    ]),
  ) as Record<CheckFormat, FormatTiming>;
  return { warmupMs: 20, ms: firstText, cpuMs: firstText, resources, formats, maxRssKb: 1 };
}

function row(n: number, scale = 1): ReturnType<typeof summarize> {
  const runs: Record<SynthMode, SynthResult[]> = {
    plain: [synth(4000 * scale), synth(3900 * scale), synth(5000 * scale)],
    plugin: [synth(4100 * scale, 100 * scale), synth(4200 * scale, 120 * scale), synth(9000 * scale, 500 * scale)],
    empty: [],
    replay: [],
    nag: [synth(12000 * scale), synth(12600 * scale), synth(13000 * scale)],
  };
  const checks = [
    checkResult(2921 * scale, 100 * scale, { text: 50 * scale, json: 40 * scale, sarif: 60 * scale }),
    checkResult(2921 * scale, 200 * scale, { text: 70 * scale, json: 45 * scale, sarif: 80 * scale }),
    checkResult(2921 * scale, 146.05 * scale, { text: 58.42 * scale, json: 42 * scale, sarif: 70 * scale }),
  ];
  return summarize(n, runs, checks);
}

describe('bench-report (the benchmark summary)', () => {
  test('medians per variant, and the issue 7 line first with the warm check rates appended', () => {
    const r = row(400);
    expect(r.plain).toBe(4000);
    expect(r.check.text.first).toBe(146.05);
    expect(r.empty).toBeUndefined();
    const line = finalLine(r);
    // 4200/4000, 12600/4000, 2921 resources in 146.05 ms, then warm medians 58.42 / 42 / 70 ms.
    expect(line).toMatch(
      /^N=400 plugin_overhead=1\.050 nag_overhead=3\.15 check_resources_per_s=20000 check_warm_text=50000 check_warm_json=69548 check_warm_sarif=41729 /,
    );
    expect(line).toContain('plugin_own_share=0.030');
    expect(cpuLine(r)).toContain('check_resources_per_cpu_s=20000 check_warm_text_per_cpu_s=50000');
  });

  test('the first call of a check pinned to one core, appended only when it was measured', () => {
    const pinned = [
      checkResult(2921, 100, { text: 50, json: 40, sarif: 60 }),
      checkResult(2921, 58.42, { text: 50, json: 40, sarif: 60 }),
    ];
    const runs: Record<SynthMode, SynthResult[]> = {
      plain: [synth(4000)],
      plugin: [synth(4200, 100)],
      empty: [],
      replay: [],
      nag: [synth(12000)],
    };
    const checks = [checkResult(2921, 146.05, { text: 50, json: 40, sarif: 60 })];
    // Median of 100 and 58.42 ms is 79.21 ms: 2921 resources in it.
    expect(finalLine(summarize(400, runs, checks, pinned))).toMatch(/ check_one_core_resources_per_s=36877$/);
    expect(finalLine(summarize(400, runs, checks))).not.toContain('one_core');
  });

  test('with both floors, the plugin over the empty plugin and over the replay of its own violations', () => {
    const runs: Record<SynthMode, SynthResult[]> = {
      plain: [synth(4000)],
      plugin: [synth(4800, 300)],
      empty: [synth(4200)],
      replay: [synth(4400)],
      nag: [synth(12000)],
    };
    const checks = [checkResult(2921, 146.05, { text: 50, json: 40, sarif: 60 })];
    // 4200/4000, 4800/4200; then what CDK charges to report the violations (4400/4200) and the rest (4800/4400).
    expect(finalLine(summarize(400, runs, checks))).toContain(
      ' empty_plugin_overhead=1.050 plugin_over_empty=1.143 replay_over_empty=1.048 plugin_over_replay=1.091',
    );
    expect(finalLine(summarize(400, { ...runs, replay: [] }, checks))).not.toContain('replay');
  });

  test('tables: one synth row and one check row per N, every format with first and warm', () => {
    const lines = tables([row(200), row(400)]);
    expect(lines.filter((l) => /^\| (200|400) \|/.test(l))).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('| N | resources | warm-up'))).toBe(
      '| N | resources | warm-up (1 resource) | text first | text warm | json first | json warm | sarif first | sarif warm |',
    );
  });

  test('scaling lines for each N with a 2N, for the plugin and for check (first call and warm text)', () => {
    const lines = scalingLines([row(100), row(200, 2), row(300)]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('scaling N=100→200: plugin own time ×2.00 wall, ×2.00 CPU (linear is ×2.0)');
    expect(lines[1]).toBe(
      'scaling N=100→200: check first call (text) ×2.00 wall, ×2.00 CPU; check warm (text) ×2.00 wall, ×2.00 CPU (linear is ×2.0)',
    );
  });

  test('fails with E_BENCH_NO_RUNS when a variant has no measurement', () => {
    expect(() => summarize(200, { plain: [], plugin: [], empty: [], replay: [], nag: [] }, [])).toThrow(
      /E_BENCH_NO_RUNS.*N=200/,
    );
    expect(median([])).toBeNaN();
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});
