import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closedStdout } from '../../lib/cli/io';
import { ONE_LINE_ERROR, restTemplate, TempDir } from './helpers';

const ROOT = join(__dirname, '..', '..');

/** The real CLI entry point in a shell, with `redirect` applied to its stdout (`>&-` closes it). */
function cli(args: string, redirect: string): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(
    'sh',
    ['-c', `"${process.execPath}" -r ts-node/register/transpile-only bin/api-guardrails.ts ${args} ${redirect}`],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('api-guardrails with stdout closed (`>&-`)', () => {
  const dir = new TempDir();
  let template: string;
  beforeAll(() => {
    if (!existsSync('/proc/self/fdinfo')) throw new Error('this test needs /proc (Linux)');
    template = dir.write('bad.json', restTemplate());
  });
  afterAll(() => dir.cleanup());

  it('fails with one line on stderr and exit 2, whatever --fail-on says, when the report goes to a closed stdout', () => {
    const result = cli(`check "${template}" --fail-on never`, '>&-');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(ONE_LINE_ERROR);
    expect(result.stderr).toContain(
      'E_OUTPUT_WRITE: cannot write the report to standard output (EBADF: standard output is closed)',
    );
  });

  it('passes (exit 0, nothing on stderr) when stdout is redirected to /dev/null on purpose', () => {
    const result = cli(`check "${template}" --fail-on never`, '> /dev/null');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('passes when the report goes to --output: a closed stdout is then never written', () => {
    const report = join(dir.path, 'report.txt');
    const result = cli(`check "${template}" --fail-on never -o "${report}"`, '>&-');
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('E_OUTPUT_WRITE');
    expect(readFileSync(report, 'utf8')).toContain('stage');
  });
});

describe('closedStdout', () => {
  it('fails the first non-empty write with EBADF, to the callback and the error listeners', () => {
    const stream = closedStdout();
    const events: string[] = [];
    stream.on?.('error', (e) => events.push(`event ${(e as NodeJS.ErrnoException).code}`));
    stream.write('', (e) => events.push(`empty ${e ? 'error' : 'ok'}`));
    stream.write('report', (e) => events.push(`report ${(e as NodeJS.ErrnoException | null)?.code}`));
    expect(events).toEqual(['empty ok', 'event EBADF', 'report EBADF']);
  });
});
