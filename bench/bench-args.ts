import { benchAppOf } from './bench-app';
import type { BenchApp } from './check-result';

/** What `npm run bench -- ...` was asked to do. */
export interface BenchArgs {
  readonly sizes: number[];
  readonly runs: number;
  readonly auditApis: number;
  readonly workload: BenchApp;
  /** Only the audit benchmark. */
  readonly auditOnly: boolean;
  /** Also time a plugin that reports nothing (CDK's validation framework alone). */
  readonly floor: boolean;
  /** Leave CDK's own CloudFormation validation on (aws-cdk-lib's default) instead of CDK_VALIDATION=false. */
  readonly cdkValidation: boolean;
}

const FLAGS = ['--quick', '--floor', '--cdk-validation', '--audit-only'];
const VALUED = ['--sizes', '--runs', '--app', '--audit-apis'];

/** A bench argument error: stable id, what was received, the fix. */
export class BenchArgsError extends Error {}

/**
 * Parse the bench's arguments. `--quick` is N=200, 3 runs and an audit of 200 APIs; the default is
 * N=100,200,400,800, 5 runs and 1,000 APIs. An explicit option wins over `--quick`.
 * @throws BenchArgsError E_BENCH_ARGS (unknown argument, missing or invalid value), E_BENCH_APP
 */
export function parseBenchArgs(args: readonly string[]): BenchArgs {
  const usage = `Flags: ${FLAGS.join(' ')}; with a value: ${VALUED.join(' ')}.`;
  for (let i = 0; i < args.length; i++) {
    if (VALUED.includes(args[i])) {
      if (i + 1 >= args.length)
        throw new BenchArgsError(`bench: error E_BENCH_ARGS: "${args[i]}" needs a value. ${usage}`);
      i++;
    } else if (!FLAGS.includes(args[i])) {
      throw new BenchArgsError(`bench: error E_BENCH_ARGS: unknown argument "${args[i]}". ${usage}`);
    }
  }
  const quick = args.includes('--quick');
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizesText = option('--sizes') ?? (quick ? '200' : '100,200,400,800');
  const runsText = option('--runs') ?? (quick ? '3' : '5');
  const auditText = option('--audit-apis') ?? (quick ? '200' : '1000');
  const sizes = sizesText.split(',').map(Number);
  const runs = Number(runsText);
  const auditApis = Number(auditText);
  if (
    sizes.some((n) => !Number.isInteger(n) || n <= 0) ||
    !Number.isInteger(runs) ||
    runs <= 0 ||
    !Number.isInteger(auditApis) ||
    auditApis < 0
  ) {
    throw new BenchArgsError(
      `bench: error E_BENCH_ARGS: received --sizes ${sizesText} --runs ${runsText} --audit-apis ${auditText}. ` +
        'Fix: --sizes takes positive integers like 100,200, --runs a positive integer, --audit-apis a whole number (0 skips the audit).',
    );
  }
  return {
    sizes,
    runs,
    auditApis,
    workload: benchAppOf(option('--app')),
    auditOnly: args.includes('--audit-only'),
    floor: args.includes('--floor'),
    cdkValidation: args.includes('--cdk-validation'),
  };
}
