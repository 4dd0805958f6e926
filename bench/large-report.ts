/**
 * `npm run bench:large`: JSON and SARIF reports of a very large inventory (issue 14: a 30,000-API
 * inventory within 2 GB). Writes large-template.ts's template, then per format checks it in a fresh
 * process with `--max-old-space-size=2048` and prints wall time, peak RSS and the report's size.
 * Usage: npm run bench:large [-- --apis 30000] [--formats json,sarif]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileForBench } from './compile';
import { writeLargeTemplate } from './large-template';

const FORMATS = ['json', 'sarif', 'text', 'junit', 'markdown'];

/** `--apis` and `--formats`, checked. */
export function parseLargeArgs(args: readonly string[]): { apis: number; formats: string[] } {
  const value = (name: string, fallback: string): string => {
    const i = args.indexOf(name);
    return i >= 0 ? String(args[i + 1]) : fallback;
  };
  const unknown = args.filter(
    (a, i) => !['--apis', '--formats'].includes(a) && !['--apis', '--formats'].includes(args[i - 1]),
  );
  const apis = Number(value('--apis', '30000'));
  const formats = value('--formats', 'json,sarif').split(',');
  if (unknown.length || !Number.isInteger(apis) || apis <= 0 || formats.some((f) => !FORMATS.includes(f)))
    throw new Error(
      `bench:large: error E_BENCH_ARGS: received ${args.join(' ') || '(nothing)'}. Fix: --apis takes a positive integer, --formats a comma-separated list of ${FORMATS.join(', ')}.`,
    );
  return { apis, formats };
}

function run(): void {
  const { apis, formats } = parseLargeArgs(process.argv.slice(2));
  const root = path.resolve(__dirname, '..');
  const compiled = compileForBench(root);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-large-'));
  try {
    const template = path.join(work, 'Large.template.json');
    const size = writeLargeTemplate(template, apis);
    const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
    process.stderr.write(`bench:large: ${apis} APIs, template ${mb(size)} MB\n`);
    const rows: string[] = [];
    for (const format of formats) {
      process.stderr.write(`bench:large: check --format ${format} ...\n`);
      const out = path.join(work, `report.${format}`);
      const line = execFileSync(
        process.execPath,
        ['--max-old-space-size=2048', path.join(compiled.outDir, 'bench', 'large-child.js'), template, format, out],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const r = JSON.parse(line.trim().split('\n').pop() ?? '') as { ms: number; rssMiB: number; bytes: number };
      fs.rmSync(out, { force: true });
      rows.push(
        `| ${apis} | ${mb(size)} | ${format} | ${(r.ms / 1000).toFixed(1)} | ${r.rssMiB.toFixed(0)} | ${mb(r.bytes)} |`,
      );
    }
    console.log(`\n| APIs | template MB | format | check s | peak RSS MiB | report MB |\n|---|---|---|---|---|---|`);
    console.log(rows.join('\n'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    run();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
