/**
 * One `api-guardrails check` of the large template in a fresh process (large-report.ts starts it with
 * `--max-old-space-size=2048`), the report written to a file. Prints one JSON line: wall time, peak RSS
 * and the report's size. Usage: large-child.ts <template> <format> <report file>
 */
import * as fs from 'fs';
import { main, type CliIo } from '../lib/cli/main';

const [template, format, out] = process.argv.slice(2);
let errors = '';
const io: CliIo = {
  stdout: { write: () => true },
  stderr: {
    write: (chunk: string): boolean => {
      errors += chunk;
      return true;
    },
  },
  cwd: process.cwd(),
  env: {},
  isTTY: false,
};

async function run(): Promise<void> {
  const t0 = process.hrtime.bigint();
  const code = await main(['check', template, '--format', format, '--fail-on', 'never', '-o', out], io);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (code !== 0)
    throw new Error(
      `large-child: error E_BENCH_CHECK: check ${template} --format ${format} exited ${code}: ${errors.trim()}. Fix: run \`npm run cli -- check ${template} --format ${format}\` to see the error.`,
    );
  // maxRSS is in KiB.
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, rssMiB, bytes: fs.statSync(out).size }));
}
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
