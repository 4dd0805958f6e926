import type { Command } from 'commander';
import { evaluate } from '../../engine/evaluate';
import { fromTemplates } from '../../model/template';
import type { Notice } from '../../model/types';
import { buildReport } from '../../reporters/report';
import { discoverTemplates } from '../discover';
import type { CliIo, SetExit } from '../io';
import { readTemplates } from '../read-templates';
import { addReportOptions, emitReport, standardFor, type ReportCliOptions } from '../report-options';

/** How many skipped file names a notice lists before "and N more". */
const SKIPPED_NAMES_SHOWN = 5;

/**
 * `api-guardrails check <paths...>`: evaluate CloudFormation templates (files, directories, cdk.out)
 * against the standard. Exit 0 no blocking finding, 1 blocking findings, 2 usage or input error.
 */
export function register(program: Command, io: CliIo, setExit: SetExit): void {
  const command = program
    .command('check')
    .description('check CloudFormation templates, directories of templates or a cdk.out against the standard')
    .argument('<paths...>', 'template files (.json/.yaml/.yml/.template), directories, or cdk.out')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 no blocking finding, 1 blocking findings (at --fail-on), 2 usage or input error.',
        '',
        'Examples:',
        '  $ api-guardrails check cdk.out',
        '  $ api-guardrails check cdk.out --format sarif --output api-guardrails.sarif',
        '  $ api-guardrails check templates/ --standard my-standard.yaml --fail-on warning',
      ].join('\n'),
    );
  addReportOptions(command).action((paths: string[], options: ReportCliOptions) => {
    setExit(runCheck(paths, options, io));
  });
}

/** The check command without commander: discover, read, build one inventory, evaluate, report. */
export function runCheck(paths: readonly string[], options: ReportCliOptions, io: CliIo): number {
  const candidates = discoverTemplates(paths, io.cwd);
  const standard = standardFor(options, io);
  const { inputs, skipped, lines } = readTemplates(candidates, io);
  const inventory = fromTemplates(inputs);
  const evaluation = evaluate(inventory, { standard });
  const notices: Notice[] = [];
  if (skipped.length > 0) {
    const names = skipped.slice(0, SKIPPED_NAMES_SHOWN).join(', ');
    const more = skipped.length > SKIPPED_NAMES_SHOWN ? ` and ${skipped.length - SKIPPED_NAMES_SHOWN} more` : '';
    notices.push({
      level: 'info',
      code: 'SKIPPED_NOT_CLOUDFORMATION',
      message: `Skipped ${skipped.length} file(s) found in the given directories that are not CloudFormation templates: ${names}${more}.`,
      source: {},
    });
  }
  const report = buildReport({
    evaluation,
    standard,
    failOn: options.failOn,
    inputs: inputs.map((i) => ({ path: i.templatePath ?? '', stackName: i.stackName })),
    notices,
  });
  return emitReport(report, options, io, { lineOf: (file, logicalId) => lines.lineOf(file, logicalId) });
}
