import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { createBaseline } from '../../engine/baseline';
import { CliError, EXIT } from '../errors';
import type { CliIo, SetExit } from '../io';
import { inputFiles, outputFile } from '../report-options';
import { checkTemplates } from './check';

export const DEFAULT_BASELINE_FILE = 'api-guardrails-baseline.json';

/**
 * `api-guardrails baseline <paths...>`: record today's failing and unknown findings, so that
 * `check --baseline` blocks only new ones while the accepted ones are fixed over time.
 */
export function register(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('baseline')
    .description('write a baseline of the current failing and unknown findings, for `check --baseline`')
    .argument('<paths...>', 'template files, directories, or cdk.out (as for check)')
    .option('-s, --standard <file>', 'organisation standard (.json/.yaml/.yml); default: the shipped standard')
    .option('-o, --output <file>', 'where to write the baseline', DEFAULT_BASELINE_FILE)
    .addHelpText(
      'after',
      [
        '',
        'Commit the baseline; in CI run `api-guardrails check cdk.out --baseline ' + DEFAULT_BASELINE_FILE + '`.',
      ].join('\n'),
    )
    .action((paths: string[], options: { standard?: string; output: string }) => {
      const { evaluation, inputs } = checkTemplates(paths, options, io);
      const baseline = createBaseline(evaluation.findings);
      const file = outputFile(options.output, inputFiles(inputs, options), io);
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
      } catch (error) {
        throw new CliError(
          'E_OUTPUT_WRITE',
          `cannot write the baseline to "${options.output}": ${(error as Error).message}`,
          'Choose a writable --output path',
        );
      }
      const total = baseline.findings.reduce((n, e) => n + e.count, 0);
      io.stderr.write(
        `api-guardrails: baseline of ${total} finding(s) (${baseline.findings.length} distinct) written to ${options.output}\n`,
      );
      setExit(EXIT.ok);
    });
}
