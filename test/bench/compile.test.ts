import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allRules } from '../../policies/rules';
import { compileForBench } from './compile';

const root = path.resolve(__dirname, '..', '..');

describe('compileForBench (the benchmark children run from its output)', () => {
  const outDir = path.join(root, '.bench-out', `test-${process.pid}`);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  test('transpiles lib, policies and the bench children into CommonJS that Node loads without ts-node', () => {
    const result = compileForBench(root, outDir);
    expect(result.outDir).toBe(outDir);
    expect(result.files).toBeGreaterThan(100);
    for (const file of [
      'test/bench/synth-child.js',
      'test/bench/check-child.js',
      'lib/cli/main.js',
      'policies/standards/default.json',
    ]) {
      expect(fs.existsSync(path.join(outDir, file))).toBe(true);
    }
    expect(fs.existsSync(path.join(outDir, 'test', 'bench', 'compile.test.js'))).toBe(false);
    // A fresh Node process: the plugin loads from the output and binds every shipped rule.
    const script = `const { ApiGuardrails } = require(${JSON.stringify(path.join(outDir, 'lib', 'adapters', 'cdk-plugin.js'))}); console.log(new ApiGuardrails({ summary: false }).ruleIds.length);`;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(Number(out.trim())).toBe(allRules.length);
  });

  test('fails with E_BENCH_OUTDIR for a folder outside the repository (packages would not resolve from it)', () => {
    const outside = path.join(os.tmpdir(), 'guardrails-bench-outside');
    expect(() => compileForBench(root, outside)).toThrow(/E_BENCH_OUTDIR.*guardrails-bench-outside/);
    expect(fs.existsSync(outside)).toBe(false);
  });
});
