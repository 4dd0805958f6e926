import { parseBenchArgs } from '../../bench/bench-args';

describe('parseBenchArgs', () => {
  it('defaults to N=100..800, 5 runs, the plain app, an audit of 1,000 APIs and CDK_VALIDATION=false', () => {
    expect(parseBenchArgs([])).toEqual({
      sizes: [100, 200, 400, 800],
      runs: 5,
      auditApis: 1000,
      workload: 'plain',
      auditOnly: false,
      floor: false,
      cdkValidation: false,
    });
  });

  it('--quick is N=200, 3 runs and 200 audited APIs; explicit options win over it', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({ sizes: [200], runs: 3, auditApis: 200 });
    expect(parseBenchArgs(['--quick', '--runs', '1', '--sizes', '50,100'])).toMatchObject({
      sizes: [50, 100],
      runs: 1,
      auditApis: 200,
    });
  });

  it('reads the flags and the app', () => {
    const args = parseBenchArgs([
      '--cdk-validation',
      '--floor',
      '--audit-only',
      '--app',
      'compliant',
      '--audit-apis',
      '0',
    ]);
    expect(args).toMatchObject({
      cdkValidation: true,
      floor: true,
      auditOnly: true,
      workload: 'compliant',
      auditApis: 0,
    });
  });

  it('refuses a misspelt flag rather than running a 12-minute bench without it', () => {
    expect(() => parseBenchArgs(['--cdk-validaton'])).toThrow(
      /E_BENCH_ARGS: unknown argument "--cdk-validaton"\. Flags: .*--cdk-validation/,
    );
  });

  it('refuses an option without its value', () => {
    expect(() => parseBenchArgs(['--floor', '--sizes'])).toThrow(/E_BENCH_ARGS: "--sizes" needs a value/);
  });

  it('refuses sizes, runs and audit counts that are not whole numbers, naming what it received', () => {
    expect(() => parseBenchArgs(['--sizes', '100,abc'])).toThrow(
      /received --sizes 100,abc --runs 5 --audit-apis 1000\. Fix: /,
    );
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/E_BENCH_ARGS/);
    expect(() => parseBenchArgs(['--audit-apis', '-1'])).toThrow(/E_BENCH_ARGS/);
  });

  it('refuses an unknown app', () => {
    expect(() => parseBenchArgs(['--app', 'huge'])).toThrow(/E_BENCH_APP: received app "huge"/);
  });
});
