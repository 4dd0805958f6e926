/**
 * `npm run bench:hook`: cold start of the CloudFormation hook's bundle. Bundles the handler as
 * `npm run build` does, stages it with its configuration through a synthesized GuardrailsHook, then in
 * RUNS fresh Node.js processes loads the bundle and answers one resource request (an open REST method).
 * Prints both bundles' sizes (minified, gzip) and the hook's load, first-answer and total times,
 * as median (min–max). Lambda's own init comes on top.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { App, Stack } from 'aws-cdk-lib';
import { bundleLambdas } from '../bin/bundle-lambdas';
import { GuardrailsHook } from '../lib/constructs/guardrails-hook';
import { resourceRequest } from '../test/hook/requests';
import { median } from './check-result';

const RUNS = 9;
const REQUEST = resourceRequest('AWS::ApiGateway::Method', 'Method', {
  RestApiId: 'a1',
  ResourceId: 'r0',
  HttpMethod: 'GET',
  AuthorizationType: 'NONE',
});

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guardrails-hook-bench-'));
  try {
    const sizes = await bundleLambdas(resolve(__dirname, '..'), join(dir, 'lambda'));
    const app = new App({ outdir: join(dir, 'cdk.out') });
    new GuardrailsHook(new Stack(app, 'Hook'), 'Guardrails', {
      bundleDirectory: join(dir, 'lambda', 'guardrails-hook'),
    });
    const assembly = app.synth();
    const staged = readdirSync(assembly.directory).filter((f) => f.startsWith('asset.'));
    if (staged.length !== 1)
      throw new Error(
        `bench:hook: error E_BENCH_HOOK_ASSET: expected one staged asset, received ${staged.length}. Fix: GuardrailsHook should stage only its function's code.`,
      );
    const script = [
      'const t0 = performance.now();',
      `const { handler } = require(${JSON.stringify(join(assembly.directory, staged[0], 'index.js'))});`,
      'const t1 = performance.now();',
      `handler(${JSON.stringify(REQUEST)}).then((r) => process.stdout.write(JSON.stringify({ load: t1 - t0, answer: performance.now() - t1, status: r.hookStatus })));`,
    ].join('\n');
    const runs: { load: number; answer: number; status: string }[] = [];
    for (let i = 0; i < RUNS; i++) {
      process.stderr.write(`\rbench:hook: fresh process ${i + 1}/${RUNS}   `);
      runs.push(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
    }
    process.stderr.write('\n');
    if (runs.some((r) => r.status !== 'FAILED'))
      throw new Error(
        `bench:hook: error E_BENCH_HOOK_ANSWER: the open method should fail the hook, received ${runs.map((r) => r.status).join(', ')}. Fix: run test/org/guardrails-hook.test.ts.`,
      );
    const cell = (xs: number[]): string =>
      `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
    const kib = (bytes: number): string => (bytes / 1024).toFixed(0);
    console.log('| function | minified KiB | gzip KiB |\n|---|---|---|');
    for (const name of Object.keys(sizes)) {
      const code = readFileSync(join(dir, 'lambda', name, 'index.js'));
      console.log(`| ${name} | ${kib(sizes[name])} | ${kib(gzipSync(code).length)} |`);
    }
    console.log(`\n| runs | load ms | first answer ms | total ms |\n|---|---|---|---|`);
    console.log(
      `| ${RUNS} | ${cell(runs.map((r) => r.load))} | ${cell(runs.map((r) => r.answer))} | ${cell(runs.map((r) => r.load + r.answer))} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
