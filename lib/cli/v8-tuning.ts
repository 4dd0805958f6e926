import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for the CLI process: how much bytecode a function runs between checks for
 * optimisation. 8 × V8 11's default (66 KiB), so TurboFan compiles only code that keeps running.
 *
 * A `check` is one short pass over each resource. With the default budget, TurboFan compiles our hot
 * functions a few milliseconds in, and on one core that compilation competes with the check itself:
 * the first check of 2,921 resources took 120 ms on one core and 71 ms with this budget (2 cores: 77 →
 * 65 ms); 5,841 resources 252 → 159 ms on one core. On 46,000 resources, where optimised code pays off,
 * it is as fast as the default (within noise). README, Performance, has the measurements.
 */
export const CLI_INTERRUPT_BUDGET = 8 * 67_584;

/**
 * How fast V8's young generation grows for the CLI process: 8 × per step instead of 2 ×, up to the same
 * maximum. Most of what a check allocates lives to its end (the parsed templates, the model, the
 * findings), and every scavenge of a small young generation copies it again. Up to the end of a first
 * check at N=800 on one core, the process ran 12 scavenges and a full mark-compact with V8's default,
 * and 8 scavenges and no mark-compact with 8 ×. Medians of 8 runs on one core (two cores alike):
 * 166 → 150 ms on 5,841 resources, 114 → 103 ms on the compliant app's 5,090, 1,341 → 1,271 ms on 46,728,
 * and 2,921 resources unchanged (72 → 70 ms). Peak RSS of a one-check process: +0 %, +2 %, +8 % (262 → 283 MiB).
 */
export const CLI_SEMI_SPACE_GROWTH_FACTOR = 8;

/** The V8 flags the `api-guardrails` process sets for itself, in the order they are applied. */
export const CLI_V8_FLAGS: readonly { readonly flag: string; readonly value: number }[] = [
  { flag: '--interrupt-budget', value: CLI_INTERRUPT_BUDGET },
  { flag: '--semi-space-growth-factor', value: CLI_SEMI_SPACE_GROWTH_FACTOR },
];

/**
 * Apply CLI_V8_FLAGS, each unless the user chose that flag on node's command line
 * (`node --interrupt-budget=67584 --semi-space-growth-factor=2 node_modules/.bin/api-guardrails …`
 * restores V8's defaults; NODE_OPTIONS cannot carry these flags). Only for the `api-guardrails` process,
 * never for a CDK app that loads the library. The budget takes effect for functions V8 has not yet set
 * up, so this is called before anything else loads.
 * @returns the flags set, as passed to V8 (empty when the user chose all of them)
 */
export function tuneV8ForCli(execArgv: readonly string[] = process.execArgv): string[] {
  // V8 reads `--semi_space_growth_factor` as `--semi-space-growth-factor`.
  const chosen = execArgv.map((arg) => arg.split('=')[0].replace(/_/g, '-'));
  const flags = CLI_V8_FLAGS.filter(({ flag }) => !chosen.includes(flag)).map(({ flag, value }) => `${flag}=${value}`);
  if (flags.length > 0) setFlagsFromString(flags.join(' '));
  return flags;
}
