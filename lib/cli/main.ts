import { Command, CommanderError } from 'commander';
import { toolInfo } from '../reporters/tool';
import { COMMANDS } from './commands/index';
import { errorLine, EXIT, fromCommanderError } from './errors';
import type { CliIo } from './io';

export type { CliIo, OutputStream, RegisterCommand, SetExit } from './io';

/**
 * The `api-guardrails` CLI, in process: `argv` are the user's arguments (process.argv.slice(2)).
 * Resolves to the exit code: 0 no blocking finding, 1 blocking findings, 2 usage or input error (one
 * line on stderr: `api-guardrails: error E_xxx: <what, which file>. <what to do>`, no stack trace).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
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
    .showSuggestionAfterError(true);
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
