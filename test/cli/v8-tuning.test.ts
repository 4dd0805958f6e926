import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_INTERRUPT_BUDGET, CLI_SEMI_SPACE_GROWTH_FACTOR, tuneV8ForCli } from '../../lib/cli/v8-tuning';

const CLI_FLAGS = `--interrupt-budget=${CLI_INTERRUPT_BUDGET} --semi-space-growth-factor=${CLI_SEMI_SPACE_GROWTH_FACTOR}`;

describe('V8 tuning of the CLI process', () => {
  it("leaves every flag the user chose on node's command line alone (either spelling V8 accepts)", () => {
    expect(
      tuneV8ForCli(['--max-old-space-size=4096', '--interrupt-budget=1000', '--semi_space_growth_factor=2']),
    ).toEqual([]);
  });

  /** tuneV8ForCli(execArgv) in a child process: never in a CDK app or this test runner. */
  function tuneInChild(execArgv: string[]): { set: string[] } {
    const script = `
      const { tuneV8ForCli } = require('./lib/cli/v8-tuning');
      const set = tuneV8ForCli(${JSON.stringify(execArgv)});
      console.log(JSON.stringify({ set }));`;
    const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    // V8 warns on stderr about a flag it does not know: this Node must know every flag set.
    expect(child.stderr).toBe('');
    return JSON.parse(child.stdout.trim()) as { set: string[] };
  }

  it('sets 8 × V8 11’s default budget and 8 × its young-generation growth otherwise', () => {
    expect(CLI_INTERRUPT_BUDGET).toBe(540_672);
    expect(CLI_SEMI_SPACE_GROWTH_FACTOR).toBe(8);
    expect(tuneInChild([]).set).toEqual([
      `--interrupt-budget=${CLI_INTERRUPT_BUDGET}`,
      `--semi-space-growth-factor=${CLI_SEMI_SPACE_GROWTH_FACTOR}`,
    ]);
  });

  it('sets only the flags the user did not choose', () => {
    expect(tuneInChild(['--interrupt-budget=67584']).set).toEqual([
      `--semi-space-growth-factor=${CLI_SEMI_SPACE_GROWTH_FACTOR}`,
    ]);
    expect(tuneInChild(['--semi-space-growth-factor=2']).set).toEqual([`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`]);
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
    expect(flagCalls('./bin/api-guardrails', ['--version'])).toEqual([{ flags: CLI_FLAGS, cliLoaded: false }]);
  });

  it('is never applied by the library a CDK app loads', () => {
    expect(flagCalls('./lib/index', [])).toEqual([]);
  });
});
