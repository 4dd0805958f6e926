/** The `api-guardrails` command line, for embedding it (`cdk-api-guardrails/cli`). */

/** Run the CLI with these arguments and this I/O; resolves to the exit code. */
export { main } from './main';
/** The CLI's I/O and command registration types. */
export type { CliIo, OutputStream, RegisterCommand, SetExit } from './main';
/** A usage or input error with a stable code, and the exit codes. */
export { CliError, EXIT } from './errors';
