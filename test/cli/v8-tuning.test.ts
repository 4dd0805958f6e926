import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_INTERRUPT_BUDGET, tuneV8ForCli } from '../../lib/cli/v8-tuning';

describe('V8 tuning of the CLI process', () => {
  it("leaves a budget the user chose on node's command line alone", () => {
    expect(tuneV8ForCli(['--max-old-space-size=4096', '--interrupt-budget=1000'])).toBe(false);
  });

  it('sets 8 × V8 11’s default budget otherwise (in a child process: never in a CDK app or this test runner)', () => {
    expect(CLI_INTERRUPT_BUDGET).toBe(540_672);
    const root = join(__dirname, '..', '..');
    const script = `const { tuneV8ForCli } = require('./lib/cli/v8-tuning'); console.log(JSON.stringify(tuneV8ForCli([])));`;
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(out.trim()).toBe('true');
  });

  /** Runs `entry` in a child with v8.setFlagsFromString recorded: the flags, and whether the CLI had loaded. */
  function flagCalls(entry: string, argv: string[]): { flags: string; cliLoaded: boolean }[] {
    const script = `
      const v8 = require('node:v8');
      const fs = require('node:fs');
      const calls = [];
      const original = v8.setFlagsFromString;
      v8.setFlagsFromString = (flags) => {
        calls.push({ flags, cliLoaded: Object.keys(require.cache).some((k) => /cli[\\\\/]main\\.ts$/.test(k)) });
        return original(flags);
      };
      process.on('exit', () => fs.writeSync(1, '\\nCALLS ' + JSON.stringify(calls) + '\\n'));
      process.argv = [process.argv[0], 'entry', ...${JSON.stringify(argv)}];
      require(${JSON.stringify(entry)});`;
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const line = out.split('\n').find((l) => l.startsWith('CALLS ')) as string;
    return JSON.parse(line.slice('CALLS '.length)) as { flags: string; cliLoaded: boolean }[];
  }

  it('is applied by the CLI entry point before the CLI modules load', () => {
    expect(flagCalls('./bin/api-guardrails', ['--version'])).toEqual([{ flags: `--interrupt-budget=${CLI_INTERRUPT_BUDGET}`, cliLoaded: false }]);
  });

  it('is never applied by the library a CDK app loads', () => {
    expect(flagCalls('./lib/index', [])).toEqual([]);
  });
});
