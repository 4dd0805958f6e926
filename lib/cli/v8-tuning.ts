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
 * Apply CLI_INTERRUPT_BUDGET, unless the user chose a budget on node's command line
 * (`node --interrupt-budget=67584 node_modules/.bin/api-guardrails …` restores V8's default; NODE_OPTIONS
 * cannot carry this flag). Only for the `api-guardrails` process, never for a CDK app that loads the
 * library. Takes effect for functions V8 has not yet set up, so it is called before anything else loads.
 * @returns whether the budget was set
 */
export function tuneV8ForCli(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => arg.startsWith('--interrupt-budget'))) return false;
  setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
  return true;
}
