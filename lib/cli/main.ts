import { Command, CommanderError } from 'commander';
import { toolInfo } from '../reporters/tool';
import { COMMANDS } from './commands/index';
import { CliError, errorLine, EXIT, fromCommanderError } from './errors';
import type { CliIo, OutputStream } from './io';

export type { CliIo, OutputStream, RegisterCommand, SetExit } from './io';

/**
 * The `api-guardrails` CLI, in process: `argv` are the user's arguments (process.argv.slice(2)).
 * Resolves to the exit code: 0 no blocking finding, 1 blocking findings, 2 usage or input error (one
 * line on stderr: `api-guardrails: error E_xxx: <what, which file>. <what to do>`, no stack trace).
 * A report that could not be written to stdout (disk full, a closed pipe) is such an error too, whatever
 * --fail-on says: the run did not produce what was asked.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const output = watchWrites(io.stdout);
  let ran: Command | undefined;
  const code = await run(argv, io, (command) => (ran = command));
  const failure = (await output.flushed()) ?? output.error();
  if (failure === undefined) return code;
  const reason = (failure as NodeJS.ErrnoException).code ?? failure.message;
  io.stderr.write(
    `${errorLine(
      new CliError(
        'E_OUTPUT_WRITE',
        `cannot write the report to standard output (${reason}: ${failure.message})`,
        outputWriteFix(reason, ran),
      ),
    )}\n`,
  );
  return EXIT.usage;
}

/**
 * What to do when stdout failed: write to a file with --output when the command that ran has that option
 * (check, audit), else redirect stdout to a file (`rules`, `iam-policy`, or when no command ran, e.g. help).
 */
function outputWriteFix(reason: string, command: Command | undefined): string {
  const hasOutput = command?.options.some((o) => o.long === '--output') ?? false;
  const format: unknown = command?.opts().format;
  const redirect = `\`> ${command?.name() ?? 'api-guardrails'}.${format === 'json' ? 'json' : 'txt'}\``;
  if (reason === 'EPIPE')
    return hasOutput
      ? 'The reader of the pipe stopped early; write the report to a file with --output'
      : `The reader of the pipe stopped early; redirect standard output to a file instead (e.g. ${redirect})`;
  if (reason === 'EBADF')
    return hasOutput
      ? 'Standard output was closed (`>&-`): redirect it to a file or /dev/null, or write the report with --output'
      : 'Standard output was closed (`>&-`): redirect it to a file or /dev/null';
  return hasOutput
    ? 'Free space where stdout goes, or write the report to a file with --output'
    : `Free space where stdout goes, or redirect standard output to a file on another disk (e.g. ${redirect})`;
}

/**
 * Write errors of a Node stream, which it reports as 'error' events (an unhandled one would crash the
 * process with a stack trace). `flushed` resolves once everything written so far is out, with the error
 * if a write failed. Streams without events (a buffer in tests) never fail.
 */
function watchWrites(stream: OutputStream): {
  error: () => Error | undefined;
  flushed: () => Promise<Error | undefined>;
} {
  let failure: Error | undefined;
  if (typeof stream.on !== 'function') return { error: () => undefined, flushed: async () => undefined };
  stream.on('error', (error) => (failure ??= error));
  return {
    error: () => failure,
    flushed: () =>
      new Promise((resolve) => {
        if (failure) return resolve(failure);
        try {
          stream.write('', (error) => resolve(error ?? failure ?? undefined));
        } catch (error) {
          resolve(error as Error);
        }
      }),
  };
}

/** Runs the CLI; `onAction` receives the sub-command whose action runs (not called for help, version or usage errors). */
async function run(argv: readonly string[], io: CliIo, onAction: (command: Command) => void): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('api-guardrails')
    .description(
      'Secure-by-default Amazon API Gateway: check templates and cdk.out against your API security standard.',
    )
    .version(toolInfo().version, '-v, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      // Commander's own error lines are replaced by ours (see below).
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    .hook('preAction', (_program, actionCommand) => onAction(actionCommand));
  for (const register of COMMANDS) register(program, io, (code) => (exitCode = code));

  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      // Usage already printed by commander: `help <command>` succeeds, help shown for a missing command does not.
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      io.stderr.write(`${errorLine(fromCommanderError(error, commandName(program, argv)))}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`${errorLine(error)}\n`);
    if (io.env.API_GUARDRAILS_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
}

/** The sub-command the user asked for, when the first argument names one. */
function commandName(program: Command, argv: readonly string[]): string | undefined {
  const first = argv[0];
  return program.commands.some((c) => c.name() === first) ? first : undefined;
}
