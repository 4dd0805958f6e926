/**
 * One measurement in a fresh process: build the benchmark app and synthesize it, plain or with a
 * validation plugin. Prints one JSON line: wall and CPU time of build+synth (Node start-up excluded; CPU
 * time is what other processes on a busy machine cannot inflate), wall and CPU time inside our plugin,
 * and peak RSS. Usage: synth-child.ts <n> <plain|plugin|empty|replay|nag> <outdir> [plain|compliant] [report]
 * (the fourth argument is the workload, bench-app.ts, default plain; `replay` reports the violations of the
 * validation-report.json named last, read before the clock starts: replay.ts).
 */
import * as fs from 'fs';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiGuardrails } from '../lib/adapters/cdk-plugin';
import { benchAppOf, buildBenchStack } from './bench-app';
import { readReplay, replayViolations } from './replay';

const [nArg, mode, outdir, appArg, reportFile] = process.argv.slice(2);
const n = Number(nArg);
const workload = benchAppOf(appArg);
const replay =
  mode === 'replay'
    ? readReplay(JSON.parse(fs.readFileSync(String(reportFile), 'utf8')), ApiGuardrails.PLUGIN_NAME, String(reportFile))
    : [];
let pluginMs = 0;
let pluginCpuMs = 0;
const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;
const started = process.hrtime.bigint();
const startedCpu = process.cpuUsage();
const app = new App({ outdir });
buildBenchStack(app, n, workload);
if (mode === 'plugin') {
  // As an app registers it (the compliance summary is printed), but report-only so that synth completes.
  const plugin = new ApiGuardrails({ failOn: 'never' });
  const validate = plugin.validate.bind(plugin);
  plugin.validate = (context) => {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    try {
      return validate(context);
    } finally {
      pluginMs += Number(process.hrtime.bigint() - t0) / 1e6;
      pluginCpuMs += cpuMs(process.cpuUsage(c0));
    }
  };
  Validations.of(app).addPlugins(plugin);
} else if (mode === 'empty') {
  // The floor any validation plugin pays in CDK (construct tree, report files), with no rules at all.
  Validations.of(app).addPlugins({ name: 'Empty', validate: () => ({ success: true, violations: [] }) });
} else if (mode === 'replay') {
  // What CDK charges for the violations ApiGuardrails reported, with no rule run (replay.ts).
  Validations.of(app).addPlugins({
    name: 'Replay',
    validate: (context) => {
      const paths = context.stackTemplates?.length
        ? context.stackTemplates.map((s) => s.templatePath)
        : context.templatePaths;
      return { success: true, violations: replayViolations(replay, paths) };
    },
  });
} else if (mode === 'nag') {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
let failedValidation = false;
try {
  app.synth();
} catch (error) {
  // cdk-nag reports violations by failing synth; its cost is what we measure. Plain and plugin (failOn
  // 'never') synths must succeed, or the numbers would time an aborted synth.
  if (mode !== 'nag') {
    console.error(
      `synth-child: error E_BENCH_SYNTH: ${mode} synth of the ${workload} app at N=${n} failed, so there is nothing to measure: ${String(error).slice(0, 500)}`,
    );
    process.exit(1);
  }
  failedValidation = true;
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = cpuMs(process.cpuUsage(startedCpu));
console.log(
  JSON.stringify({
    n,
    mode,
    app: workload,
    ms,
    cpuMs: cpu,
    pluginMs,
    pluginCpuMs,
    maxRssKb: process.resourceUsage().maxRSS,
    failedValidation,
  }),
);
