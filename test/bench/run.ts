/**
 * `npm run bench [-- --quick] [-- --sizes 100,200] [-- --runs 5]`: what the rule set costs at synth time.
 *
 * For each N, alternating in the same run (so machine noise hits every variant alike): plain synth,
 * synth with the ApiGuardrails plugin, synth with cdk-nag's AwsSolutionsChecks, then `check` on the
 * plugin run's cdk.out. Each measurement is a fresh process started from JavaScript transpiled once at
 * the start (compile.ts); medians over the runs; ratios to plain, by wall clock and by CPU time (the
 * latter is what other processes on a shared machine cannot inflate).
 * CDK's own CloudFormation validation is off (CDK_VALIDATION=false) so only the plugins differ.
 * `--floor` adds a plugin that reports nothing: what CDK's validation framework itself costs (it resolves
 * every logical id into a construct tree and writes a report once any plugin is registered).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileForBench } from './compile';

interface SynthResult {
  readonly ms: number;
  readonly cpuMs: number;
  readonly pluginMs: number;
  readonly pluginCpuMs: number;
  readonly maxRssKb: number;
}
interface CheckResult {
  readonly warmupMs: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly resources: number;
  readonly maxRssKb: number;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option('--sizes') ?? (quick ? '200' : '100,200,400,800')).split(',').map(Number);
const runs = Number(option('--runs') ?? (quick ? 3 : 5));
const auditApis = Number(option('--audit-apis') ?? (quick ? 200 : 1000));
const skipSynth = args.includes('--audit-only');
const floor = args.includes('--floor');
if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || !Number.isInteger(runs) || runs <= 0 || !Number.isInteger(auditApis) || auditApis < 0) {
  console.error('bench: error E_BENCH_ARGS: --sizes takes positive integers like 100,200, --runs a positive integer, --audit-apis a whole number (0 skips the audit).');
  process.exit(2);
}

const started = Date.now();
const root = path.resolve(__dirname, '..', '..');
// Children run from JavaScript transpiled once here, not through ts-node (its transpile was most of each child's wall time).
const compiled = compileForBench(root);
process.stderr.write(`bench: transpiled ${compiled.files} files to ${path.relative(root, compiled.outDir)} in ${(compiled.ms / 1000).toFixed(1)} s\n`);
const here = path.join(compiled.outDir, 'test', 'bench');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-bench-'));
const env = { ...process.env, CDK_VALIDATION: 'false', CDK_DISABLE_VERSION_CHECK: '1' };

function child<T>(script: string, childArgs: string[]): T {
  const out = execFileSync(process.execPath, [path.join(here, script), ...childArgs], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const line = out.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

interface Row {
  n: number;
  plain: number;
  plugin: number;
  pluginOwn: number;
  plainCpu: number;
  pluginCpu: number;
  pluginOwnCpu: number;
  nagCpu: number;
  checkCpu: number;
  nag: number;
  empty?: number;
  check: number;
  checkWarmup: number;
  resources: number;
  rssPlain: number;
  rssPlugin: number;
}
const rows: Row[] = [];
for (const n of skipSynth ? [] : sizes) {
  const m: Record<'plain' | 'plugin' | 'empty' | 'nag', SynthResult[]> = { plain: [], plugin: [], empty: [], nag: [] };
  const checks: CheckResult[] = [];
  for (let r = 0; r < runs; r++) {
    for (const mode of floor ? (['plain', 'plugin', 'empty', 'nag'] as const) : (['plain', 'plugin', 'nag'] as const)) {
      const outdir = path.join(work, `${n}-${mode}-${r}`);
      m[mode].push(child<SynthResult>('synth-child.js', [String(n), mode, outdir]));
      process.stderr.write(`\rN=${n} run ${r + 1}/${runs} ${mode}     `);
    }
    checks.push(child<CheckResult>('check-child.js', [path.join(work, `${n}-plugin-${r}`)]));
  }
  process.stderr.write('\r');
  rows.push({
    n,
    plain: median(m.plain.map((x) => x.ms)),
    plugin: median(m.plugin.map((x) => x.ms)),
    pluginOwn: median(m.plugin.map((x) => x.pluginMs)),
    plainCpu: median(m.plain.map((x) => x.cpuMs)),
    pluginCpu: median(m.plugin.map((x) => x.cpuMs)),
    pluginOwnCpu: median(m.plugin.map((x) => x.pluginCpuMs)),
    nagCpu: median(m.nag.map((x) => x.cpuMs)),
    checkCpu: median(checks.map((x) => x.cpuMs)),
    nag: median(m.nag.map((x) => x.ms)),
    empty: floor ? median(m.empty.map((x) => x.ms)) : undefined,
    check: median(checks.map((x) => x.ms)),
    checkWarmup: median(checks.map((x) => x.warmupMs)),
    resources: checks[0].resources,
    rssPlain: median(m.plain.map((x) => x.maxRssKb)),
    rssPlugin: median(m.plugin.map((x) => x.maxRssKb)),
  });
}
fs.rmSync(work, { recursive: true, force: true });

const f = (x: number, d = 0): string => x.toFixed(d);
console.log(`\nMedians of ${runs} runs per variant (ms; RSS in MiB), CDK_VALIDATION=false, ${os.cpus().length} cores, node ${process.version}\n`);
console.log('| N | resources | plain synth | + ApiGuardrails | plugin own time | + AwsSolutionsChecks | check (first call) | check | RSS plain | RSS plugin |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.n} | ${r.resources} | ${f(r.plain)} | ${f(r.plugin)} | ${f(r.pluginOwn, 1)} | ${f(r.nag)} | ${f(r.checkWarmup, 1)} | ${f(r.check, 1)} | ${f(r.rssPlain / 1024)} | ${f(r.rssPlugin / 1024)} |`);
}
console.log('');
for (const r of rows) {
  const perSecond = r.resources / (r.check / 1000);
  console.log(
    `N=${r.n} plugin_overhead=${(r.plugin / r.plain).toFixed(3)} plugin_own_share=${(r.pluginOwn / r.plain).toFixed(3)} nag_overhead=${(r.nag / r.plain).toFixed(2)} ` +
      `check_resources_per_s=${Math.round(perSecond)} memory_overhead=${(r.rssPlugin / r.rssPlain).toFixed(3)}` +
      (r.empty === undefined ? '' : ` empty_plugin_overhead=${(r.empty / r.plain).toFixed(3)} plugin_over_empty=${(r.plugin / r.empty).toFixed(3)}`),
  );
}
// CPU time (user+system of the child, all threads) is what the other processes on a shared machine cannot inflate.
for (const r of rows) {
  console.log(
    `N=${r.n} cpu: plain ${f(r.plainCpu)} ms, plugin ${f(r.pluginCpu)} ms (own ${f(r.pluginOwnCpu, 1)} ms), nag ${f(r.nagCpu)} ms; ` +
      `plugin_overhead_cpu=${(r.pluginCpu / r.plainCpu).toFixed(3)} nag_overhead_cpu=${(r.nagCpu / r.plainCpu).toFixed(2)} ` +
      `check_resources_per_cpu_s=${Math.round(r.resources / (r.checkCpu / 1000))}`,
  );
}
for (let i = 1; i < rows.length; i++) {
  if (rows[i].n === 2 * rows[i - 1].n) {
    console.log(
      `scaling N=${rows[i - 1].n}→${rows[i].n}: plugin own time ×${(rows[i].pluginOwn / rows[i - 1].pluginOwn).toFixed(2)} wall, ` +
        `×${(rows[i].pluginOwnCpu / rows[i - 1].pluginOwnCpu).toFixed(2)} CPU (linear is ×2.0)`,
    );
  }
}
if (auditApis > 0) {
  // The audit benchmark (issue 6): the real SDK clients against the loopback fake with 20 ms per request.
  const out = execFileSync(process.execPath, [path.join(here, 'audit-bench.js'), String(auditApis)], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  console.log(`\n${out.trim().split('\n').pop()}`);
}
console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
