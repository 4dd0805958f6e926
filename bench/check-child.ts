/**
 * `api-guardrails check` on a cdk.out, in a fresh process. The CLI first checks a one-resource template
 * in the default text format (loading every module and compiling the standard's schemas). Then, per
 * format in CHECK_FORMATS order, the cdk.out is checked once ("first") and WARM_CALLS more times ("warm",
 * their median). The first large call of the process is text, the CLI default: what a CI job pays once
 * Node has started. Later formats' "first" calls already run on a JIT-warmed engine.
 * Prints one JSON line (CheckResult). Usage: check-child.ts <cdk.out dir>
 */

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type CliIo } from '../lib/cli/main';
import {
  CHECK_FORMATS,
  WARM_CALLS,
  median,
  type CheckFormat,
  type CheckResult,
  type FormatTiming,
} from './check-result';

const [dir] = process.argv.slice(2);
if (!dir || !fs.existsSync(dir)) {
  console.error(`check-child: error E_BENCH_ARGS: received ${String(dir)}. Fix: pass an existing cdk.out directory.`);
  process.exit(2);
}
let bytes = 0;
let errors = '';
const stdout = {
  write: (chunk: string): boolean => {
    bytes += chunk.length;
    return true;
  },
};
const stderr = {
  write: (chunk: string): boolean => {
    errors += chunk;
    return true;
  },
};
const io: CliIo = { stdout, stderr, cwd: process.cwd(), env: {}, isTTY: false };
const warmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-warm-'));
const warmTemplate = path.join(warmDir, 'warm.template.json');
fs.writeFileSync(
  warmTemplate,
  JSON.stringify({ Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'warm' } } } }),
);

interface Call {
  readonly ms: number;
  readonly cpuMs: number;
  readonly bytes: number;
}

/**
 * Resources in the cdk.out's templates, counted after the timed calls: parsing the templates first would
 * leave their garbage in the heap the first check then runs in (V8 promotes it, and the check pays for
 * collecting it), a cost no CLI process pays.
 */
function countResources(): number {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.template.json'))
    .reduce(
      (sum, f) =>
        sum +
        Object.keys((JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { Resources?: object }).Resources ?? {})
          .length,
      0,
    );
}

async function timeCheck(target: string, format: CheckFormat): Promise<Call> {
  bytes = 0;
  errors = '';
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const code = await main(['check', target, '--format', format, '--fail-on', 'never'], io);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  if (code !== 0) {
    // --fail-on never exits 0 unless the input could not be read: timing an error path would mislead.
    throw new Error(
      `check-child: error E_BENCH_CHECK: check ${target} --format ${format} exited ${code}: ${errors.slice(0, 500)}. Fix: run \`npm run cli -- check ${target}\` to see the error.`,
    );
  }
  return { ms, cpuMs: (c.user + c.system) / 1000, bytes };
}

async function run(): Promise<void> {
  try {
    const warmup = await timeCheck(warmTemplate, 'text');
    const formats = {} as Record<CheckFormat, FormatTiming>;
    for (const format of CHECK_FORMATS) {
      const first = await timeCheck(dir, format);
      const warm: Call[] = [];
      for (let i = 0; i < WARM_CALLS; i++) warm.push(await timeCheck(dir, format));
      formats[format] = {
        firstMs: first.ms,
        firstCpuMs: first.cpuMs,
        warmMs: median(warm.map((w) => w.ms)),
        warmCpuMs: median(warm.map((w) => w.cpuMs)),
        reportBytes: first.bytes,
      };
    }
    const text = formats.text;
    const result: CheckResult = {
      warmupMs: warmup.ms,
      // `ms`/`cpuMs` stay the first large call (text), as before this file measured several formats.
      ms: text.firstMs,
      cpuMs: text.firstCpuMs,
      resources: countResources(),
      formats,
      maxRssKb: process.resourceUsage().maxRSS,
    };
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(warmDir, { recursive: true, force: true });
  }
}
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
