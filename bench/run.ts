/**
 * `npm run bench -- [--quick] [--sizes 100,200] [--runs 5] [--app plain|compliant] [--floor] [--cdk-validation]
 * [--audit-apis 1000] [--audit-only]`: what the rule set costs at synth time.
 *
 * For each N, alternating in the same run (so machine noise hits every variant alike): plain synth,
 * synth with the ApiGuardrails plugin, synth with cdk-nag's AwsSolutionsChecks, then `check` on the
 * plugin run's cdk.out (check-child.ts: per format the first call and the median of warm calls; where
 * taskset exists, once more pinned to one core, the target's wording). Each
 * measurement is a fresh process started from JavaScript transpiled once at the start (compile.ts);
 * medians over the runs; ratios to plain, by wall clock and by CPU time (the latter is what other
 * processes on a shared machine cannot inflate). Tables and lines: bench-report.ts.
 * CDK's own CloudFormation validation is off (CDK_VALIDATION=false) so only the plugins differ, as issue 7
 * measures. `--cdk-validation` leaves it on, as aws-cdk-lib 2.276 does by default: plain synth then already
 * pays CDK's validation framework, and the ratios show what the plugin adds to an app's default synth.
 * `--floor` adds a plugin that reports nothing: what CDK's validation framework itself costs (it resolves
 * every logical id into a construct tree and writes a report once any plugin is registered); and a plugin
 * that replays the plugin run's violations without running a rule: what CDK charges to report them.
 * `--app compliant` measures the workload that passes the shipped standard (bench-app.ts) instead of
 * issue 7's `plain` one, so the plugin has little to report.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseBenchArgs, type BenchArgs } from './bench-args';
import { cpuLine, finalLine, scalingLines, summarize, tables, type Row, type SynthMode } from './bench-report';
import type { CheckResult, SynthResult } from './check-result';
import { compileForBench } from './compile';

let parsed: BenchArgs;
try {
  parsed = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const { sizes, runs, auditApis, workload, floor, cdkValidation } = parsed;
const skipSynth = parsed.auditOnly;

const started = Date.now();
const root = path.resolve(__dirname, '..');
// Children run from JavaScript transpiled once here, not through ts-node (its transpile was most of each child's wall time).
const compiled = compileForBench(root);
process.stderr.write(
  `bench: transpiled ${compiled.files} files to ${path.relative(root, compiled.outDir)} in ${(compiled.ms / 1000).toFixed(1)} s\n`,
);
const here = path.join(compiled.outDir, 'bench');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-bench-'));
const env: NodeJS.ProcessEnv = { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' };
if (cdkValidation) delete env.CDK_VALIDATION;
else env.CDK_VALIDATION = 'false';
const validationSetting = cdkValidation ? 'CDK validation on (the default)' : 'CDK_VALIDATION=false';

function child<T>(script: string, childArgs: string[], pinned = false): T {
  const command = [process.execPath, path.join(here, script), ...childArgs];
  const [file, ...args] = pinned ? ['taskset', '-c', '0', ...command] : command;
  const out = execFileSync(file, args, {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = out.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

// Issue 7 asks for check's rate "on one core": where util-linux's taskset exists (Linux), a second check
// child per run is pinned to CPU 0, so V8's compiler and GC threads share that core with the check.
const canPin = spawnSync('taskset', ['-c', '0', process.execPath, '-e', ''], { stdio: 'ignore' }).status === 0;
if (!canPin)
  process.stderr.write(
    'bench: taskset is not available, so check is not measured on one core (check_one_core_resources_per_s is left out)\n',
  );

const rows: Row[] = [];
for (const n of skipSynth ? [] : sizes) {
  const m: Record<SynthMode, SynthResult[]> = { plain: [], plugin: [], empty: [], replay: [], nag: [] };
  const checks: CheckResult[] = [];
  const oneCore: CheckResult[] = [];
  for (let r = 0; r < runs; r++) {
    const modes = floor
      ? (['plain', 'plugin', 'empty', 'replay', 'nag'] as const)
      : (['plain', 'plugin', 'nag'] as const);
    for (const mode of modes) {
      const outdir = path.join(work, `${n}-${mode}-${r}`);
      // The replay floor reports what this run's plugin synth reported (replay.ts).
      const report = mode === 'replay' ? [path.join(work, `${n}-plugin-${r}`, 'validation-report.json')] : [];
      m[mode].push(child<SynthResult>('synth-child.js', [String(n), mode, outdir, workload, ...report]));
      process.stderr.write(`\rN=${n} run ${r + 1}/${runs} ${mode}     `);
    }
    checks.push(child<CheckResult>('check-child.js', [path.join(work, `${n}-plugin-${r}`)]));
    if (canPin) oneCore.push(child<CheckResult>('check-child.js', [path.join(work, `${n}-plugin-${r}`)], true));
    process.stderr.write(`\rN=${n} run ${r + 1}/${runs} check     `);
  }
  process.stderr.write('\r');
  rows.push(summarize(n, m, checks, oneCore));
}
fs.rmSync(work, { recursive: true, force: true });

console.log(
  `\nMedians of ${runs} runs per variant (ms; RSS in MiB), app ${workload}, ${validationSetting}, ${os.cpus().length} cores, node ${process.version}\n`,
);
console.log(tables(rows).join('\n'));
console.log('');
for (const r of rows) console.log(finalLine(r));
for (const r of rows) console.log(cpuLine(r));
for (const line of scalingLines(rows)) console.log(line);
if (auditApis > 0) {
  // The audit benchmark (issue 6): the real SDK clients against the loopback fake with 20 ms per request.
  const out = execFileSync(process.execPath, [path.join(here, 'audit-bench.js'), String(auditApis)], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  console.log(`\n${out.trim().split('\n').pop()}`);
}
console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
