import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AcknowledgementIndex } from '../../adapters/acknowledgement-index';
import { applyBaseline, parseBaseline } from '../../engine/baseline';
import type { Evaluation } from '../../engine/evaluate';
import { evaluate } from '../../engine/evaluate';
import type { ResolvedStandard } from '../../engine/standard';
import { fromTemplates } from '../../model/template';
import type { Notice } from '../../model/types';
import { buildReport } from '../../reporters/report';
import { discoverTemplates } from '../discover';
import { CliError } from '../errors';
import type { CliIo, SetExit } from '../io';
import { readTemplates } from '../read-templates';
import { addReportOptions, emitReport, standardFor, type ReportCliOptions } from '../report-options';

/** How many skipped file names a notice lists before "and N more". */
const SKIPPED_NAMES_SHOWN = 5;

export interface CheckCliOptions extends ReportCliOptions {
  readonly baseline?: string;
}

/**
 * `api-guardrails check <paths...>`: evaluate CloudFormation templates (files, directories, cdk.out)
 * against the standard. Exit 0 no blocking finding, 1 blocking findings, 2 usage or input error.
 */
export function register(program: Command, io: CliIo, setExit: SetExit): void {
  const command = program
    .command('check')
    .description('check CloudFormation templates, directories of templates or a cdk.out against the standard')
    .argument('<paths...>', 'template files (.json/.yaml/.yml/.template), directories, or cdk.out')
    .option(
      '-b, --baseline <file>',
      'only findings absent from this baseline block (write one with `api-guardrails baseline`)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 no blocking finding, 1 blocking findings (at --fail-on), 2 usage or input error.',
        'Acknowledgements made in the CDK app (Validations.acknowledge, acknowledgeRisk) are honoured when checking a cdk.out.',
        '',
        'Examples:',
        '  $ api-guardrails check cdk.out',
        '  $ api-guardrails check cdk.out --format sarif --output api-guardrails.sarif',
        '  $ api-guardrails check templates/ --standard my-standard.yaml --fail-on warning',
        '  $ api-guardrails check cdk.out --baseline api-guardrails-baseline.json',
      ].join('\n'),
    );
  addReportOptions(command).action((paths: string[], options: CheckCliOptions) => {
    setExit(runCheck(paths, options, io));
  });
}

export interface CheckedTemplates {
  readonly evaluation: Evaluation;
  readonly standard: ResolvedStandard;
  readonly inputs: { path: string; stackName?: string }[];
  readonly notices: Notice[];
  readonly lineOf: (file: string, logicalId: string) => number | undefined;
}

/**
 * Report formats that list every passing check (JSON findings, JUnit test cases; HTML and OSCAL evidence tell
 * "pass" from "not applicable" by them). The others only count passes, so for them the engine does not build
 * a finding per pass.
 */
const LISTS_PASSES: ReadonlySet<string> = new Set(['json', 'junit', 'html', 'oscal']);

/**
 * Discover, read, build one inventory and evaluate it, honouring acknowledgements recorded in a cdk.out.
 * Passing checks are counted; they are listed as findings only when `listPasses` is true.
 */
export function checkTemplates(
  paths: readonly string[],
  options: Pick<ReportCliOptions, 'standard'>,
  io: CliIo,
  listPasses = true,
): CheckedTemplates {
  const candidates = discoverTemplates(paths, io.cwd);
  const standard = standardFor(options as ReportCliOptions, io);
  const { inputs, skipped, lines } = readTemplates(candidates, io);
  const inventory = fromTemplates(inputs);
  const stacks = inputs.flatMap((i) => {
    const metadata = i.templatePath
      ? AcknowledgementIndex.readAssemblyMetadata(resolve(io.cwd, i.templatePath))
      : undefined;
    return metadata ? [{ templateFile: i.templatePath as string, metadata }] : [];
  });
  const acknowledgements = AcknowledgementIndex.fromAssembly(stacks, 'ApiGuardrails');
  const evaluation = evaluate(inventory, {
    standard,
    includePasses: listPasses,
    acknowledge: acknowledgements.isEmpty ? undefined : (f) => acknowledgements.find(f),
  });
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
  return {
    evaluation,
    standard,
    inputs: inputs.map((i) => ({ path: i.templatePath ?? '', stackName: i.stackName })),
    notices,
    lineOf: (file, logicalId) => lines.lineOf(file, logicalId),
  };
}

/** The check command without commander: evaluate, apply the baseline, report. */
export function runCheck(paths: readonly string[], options: CheckCliOptions, io: CliIo): number {
  const checked = checkTemplates(paths, options, io, LISTS_PASSES.has(options.format));
  let evaluation = checked.evaluation;
  if (options.baseline !== undefined) {
    const baseline = readBaseline(options.baseline, io);
    const result = applyBaseline(evaluation.findings, baseline, options.baseline);
    evaluation = { ...evaluation, findings: result.findings };
    checked.notices.push({
      level: 'info',
      code: 'BASELINE',
      message:
        `Baseline ${options.baseline}: ${baseline.findings.reduce((n, e) => n + e.count, 0)} accepted finding(s), ${result.newFindings} new.` +
        (result.fixed.length
          ? ` ${result.fixed.length} accepted finding(s) are fixed (e.g. ${result.fixed[0].ruleId} on ${result.fixed[0].resource}): run \`api-guardrails baseline\` again to shrink the baseline.`
          : ''),
      source: {},
    });
  }
  const report = buildReport({
    evaluation,
    standard: checked.standard,
    failOn: options.failOn,
    inputs: checked.inputs,
    notices: checked.notices,
  });
  return emitReport(report, options, io, { lineOf: checked.lineOf });
}

function readBaseline(file: string, io: CliIo): ReturnType<typeof parseBaseline> {
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) {
    throw new CliError(
      'E_BASELINE_NOT_FOUND',
      `baseline file "${file}" does not exist`,
      'Write one with `api-guardrails baseline <paths> --output ' + file + '`, or fix the path',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(
      'E_BASELINE_PARSE',
      `baseline file "${file}" is not valid JSON (${(error as Error).message})`,
      'Restore it from version control or write it again with `api-guardrails baseline`',
    );
  }
  return parseBaseline(data, file);
}
