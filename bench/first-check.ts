/**
 * One first large `check`, alone in a process, as a target for profilers: a one-resource warm-up check
 * (loads every module), then one check of <dir> in <format> (default text). Prints its wall time.
 *
 * Usage, after `npm run bench` has transpiled the sources to .bench-out/js:
 *   node --cpu-prof .bench-out/js/bench/first-check.js cdk.out
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded .bench-out/js/bench/first-check.js cdk.out
 * The second counts instructions ("Collected"), which vary by ~0.3 % between runs where wall time on a
 * shared machine varies by 10–20 %: the way to compare two versions of a small change. --single-threaded
 * keeps V8's compiler and GC threads from making the count depend on timing (it also moves their work
 * onto the counted thread, so counts overstate what a run pays on two cores).
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type CliIo } from '../lib/cli/main';
import { CHECK_FORMATS, type CheckFormat } from './check-result';

const [dir, formatArg = 'text'] = process.argv.slice(2);
if (!dir || !fs.existsSync(dir) || !(CHECK_FORMATS as readonly string[]).includes(formatArg)) {
  console.error(
    `first-check: error E_BENCH_ARGS: received ${String(dir)} ${formatArg}. Fix: pass an existing cdk.out (or template) and one of ${CHECK_FORMATS.join(', ')}.`,
  );
  process.exit(2);
}
const format = formatArg as CheckFormat;
const sink = { write: (): boolean => true };
const io: CliIo = { stdout: sink, stderr: sink, cwd: process.cwd(), env: {}, isTTY: false };

async function run(): Promise<void> {
  const warmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-first-'));
  try {
    const warm = path.join(warmDir, 'warm.template.json');
    fs.writeFileSync(
      warm,
      JSON.stringify({ Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'warm' } } } }),
    );
    await main(['check', warm, '--format', format, '--fail-on', 'never'], io);
    const t0 = process.hrtime.bigint();
    const code = await main(['check', dir, '--format', format, '--fail-on', 'never'], io);
    if (code !== 0)
      throw new Error(
        `first-check: error E_BENCH_CHECK: check ${dir} exited ${code}. Fix: run \`npm run cli -- check ${dir}\` to see the error.`,
      );
    console.log(`first ${format} check of ${dir}: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms`);
  } finally {
    fs.rmSync(warmDir, { recursive: true, force: true });
  }
}
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
