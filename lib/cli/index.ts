/**
 * `cdk-api-guardrails/cli`: the `api-guardrails` command line, to run in process (tests, wrappers).
 * `main(argv, io)` resolves to the exit code: 0 no blocking finding, 1 blocking findings, 2 usage or input error.
 */
export { main } from './main';
export type { CliIo, OutputStream } from './main';
