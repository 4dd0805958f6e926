import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../lib/cli/main';
import { ONE_LINE_ERROR, restTemplate, run, TempDir } from './helpers';

/** A stdout whose every write fails as a full disk or a closed pipe does. */
function failingStdout(code: 'ENOSPC' | 'EPIPE'): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(code === 'ENOSPC' ? 'no space left on device' : 'broken pipe'), { code }));
    },
  });
}

async function runWith(stdout: Writable, argv: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(argv, {
    stdout,
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env: {},
    isTTY: false,
  });
  return { code, stderr };
}

describe('api-guardrails when the report cannot be written', () => {
  const dir = new TempDir();
  afterAll(() => dir.cleanup());
  beforeAll(() => {
    dir.write('good.json', restTemplate('ERROR'));
    dir.write('bad.json', restTemplate());
  });

  it.each(['ENOSPC', 'EPIPE'] as const)(
    'fails with one line and exit 2 when stdout fails with %s, whatever --fail-on says',
    async (errno) => {
      for (const failOn of ['never', 'error']) {
        const { code, stderr } = await runWith(
          failingStdout(errno),
          ['check', 'bad.json', '--fail-on', failOn],
          dir.path,
        );
        expect(code).toBe(2);
        expect(stderr).toMatch(ONE_LINE_ERROR);
        expect(stderr).toContain(`E_OUTPUT_WRITE: cannot write the report to standard output (${errno}`);
      }
    },
  );

  it('suggests a redirect, not --output, on a closed pipe for a command without --output (rules)', async () => {
    const rules = await runWith(failingStdout('EPIPE'), ['rules', '--format', 'json'], dir.path);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toMatch(ONE_LINE_ERROR);
    expect(rules.stderr).toContain('E_OUTPUT_WRITE: cannot write the report to standard output (EPIPE');
    expect(rules.stderr).not.toContain('--output');
    expect(rules.stderr).toContain('redirect standard output to a file instead (e.g. `> rules.json`)');
  });

  it('still suggests --output on a closed pipe for a command that has it (check)', async () => {
    const check = await runWith(failingStdout('EPIPE'), ['check', 'bad.json', '--fail-on', 'never'], dir.path);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(ONE_LINE_ERROR);
    expect(check.stderr).toContain('The reader of the pipe stopped early; write the report to a file with --output');
  });

  it('suggests no --output on a full disk for a command without it (iam-policy)', async () => {
    const result = await runWith(failingStdout('ENOSPC'), ['iam-policy'], dir.path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ONE_LINE_ERROR);
    expect(result.stderr).toContain('E_OUTPUT_WRITE');
    expect(result.stderr).not.toContain('--output');
  });

  it('passes (exit 0) when stdout takes the report', async () => {
    const sink = new Writable({ write: (_c, _e, callback) => callback() });
    expect((await runWith(sink, ['check', 'good.json', '--fail-on', 'never'], dir.path)).code).toBe(0);
  });

  it('fails with one line and exit 2, never a stack trace, when stdout is /dev/full', () => {
    if (!existsSync('/dev/full')) throw new Error('this test needs /dev/full (Linux)');
    const root = join(__dirname, '..', '..');
    const script = `require('./lib/cli/main').main(['check', ${JSON.stringify(join(dir.path, 'good.json'))}, '--fail-on', 'never'], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: {}, isTTY: false }).then((code) => { process.exitCode = code; });`;
    const child = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" -r ts-node/register/transpile-only -e "$SCRIPT" > /dev/full`],
      { cwd: root, encoding: 'utf8', env: { ...process.env, SCRIPT: script } },
    );
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(ONE_LINE_ERROR);
    expect(child.stderr).toContain('E_OUTPUT_WRITE');
  });

  it('fails (exit 2) when --output names a template the run checks, and leaves the template as it was', async () => {
    const before = readFileSync(join(dir.path, 'bad.json'), 'utf8');
    const result = await run(['check', 'bad.json', '-f', 'sarif', '-o', './bad.json'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ONE_LINE_ERROR);
    expect(result.stderr).toContain('E_OUTPUT_IS_INPUT');
    expect(readFileSync(join(dir.path, 'bad.json'), 'utf8')).toBe(before);
  });

  it('fails when --output reaches an input through a symbolic link, or names the baseline', async () => {
    symlinkSync(join(dir.path, 'bad.json'), join(dir.path, 'link.json'));
    const linked = await run(['check', 'bad.json', '-o', 'link.json'], { cwd: dir.path });
    expect(linked.stderr).toContain('E_OUTPUT_IS_INPUT');
    await run(['baseline', 'bad.json', '-o', 'b.json'], { cwd: dir.path });
    const baseline = await run(['check', 'bad.json', '--baseline', 'b.json', '-o', 'b.json'], { cwd: dir.path });
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toContain('E_OUTPUT_IS_INPUT');
    const overTemplate = await run(['baseline', 'bad.json', '-o', 'bad.json'], { cwd: dir.path });
    expect(overTemplate.stderr).toContain('E_OUTPUT_IS_INPUT');
  });

  it('fails on an empty path instead of checking the current directory', async () => {
    for (const argv of [
      ['check', ''],
      ['check', 'good.json', '  '],
      ['baseline', ''],
    ]) {
      const result = await run(argv, { cwd: dir.path });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(ONE_LINE_ERROR);
      expect(result.stderr).toContain('E_PATH_EMPTY');
    }
  });
});
