import { closeSync, existsSync, mkdirSync, openSync, realpathSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { FailOn } from '../engine/finding';
import type { ResolvedStandard } from '../standard';
import { displayPath } from '../reporters/common';
import { REPORT_FORMATS, renderReportChunks, type ReportFormat } from '../reporters/index';
import { safeText } from '../reporters/safe-text';
import { textWidth } from '../reporters/text-wrap';
import type { Report } from '../reporters/report';
import { resolveStandard } from '../standard';
import { CliError, EXIT } from './errors';
import type { CliIo } from './io';
import { useColor } from './io';

export const FAIL_ON_VALUES = ['error', 'warning', 'never'] as const;

/** Options shared by every command that produces a findings report (check, audit). */
export interface ReportCliOptions {
  readonly standard?: string;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly failOn: FailOn;
}

/** Add --standard, --format, --output and --fail-on to a command. */
export function addReportOptions(command: Command, formats: readonly string[] = REPORT_FORMATS): Command {
  return command
    .option('-s, --standard <file>', 'organisation standard (.json/.yaml/.yml); default: the shipped standard')
    .addOption(new Option('-f, --format <format>', 'report format').choices(formats).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that fails the run (exit 1)')
        .choices(FAIL_ON_VALUES)
        .default('error'),
    );
}

/** The standard named by --standard (resolved against cwd), or the shipped default. @throws StandardError */
export function standardFor(options: ReportCliOptions, io: CliIo): ResolvedStandard {
  if (options.standard === undefined) return resolveStandard();
  const file = resolve(io.cwd, options.standard);
  try {
    return resolveStandard(file);
  } catch (error) {
    // Name the file as the user wrote it, not as we resolved it.
    if (error instanceof Error) error.message = error.message.split(`"${file}"`).join(`"${options.standard}"`);
    throw error;
  }
}

/** The files a run reads (templates, the standard, a baseline), resolved: a report must never overwrite one. */
export function inputFiles(
  inputs: readonly { readonly path: string }[],
  options: { readonly standard?: string; readonly baseline?: string },
): string[] {
  const files = inputs.map((i) => i.path).filter((path) => path !== '');
  if (options.standard !== undefined) files.push(options.standard);
  if (options.baseline !== undefined) files.push(options.baseline);
  return files;
}

/**
 * Where --output writes, resolved against cwd. @throws CliError E_OUTPUT_IS_INPUT when it names a file
 * the run read (a template, the standard, the baseline), directly or through a link.
 */
export function outputFile(output: string, inputs: readonly string[], io: CliIo): string {
  const file = resolve(io.cwd, output);
  const real = (path: string): string => (existsSync(path) ? realpathSync(path) : path);
  const target = real(file);
  const input = inputs.find((path) => real(resolve(io.cwd, path)) === target);
  if (input !== undefined) {
    throw new CliError(
      'E_OUTPUT_IS_INPUT',
      `--output "${output}" is "${input}", which this run reads; writing the report there would destroy it`,
      'Choose another --output file (e.g. api-guardrails-report.sarif)',
    );
  }
  return file;
}

/**
 * Render the report and write it to --output or stdout. Notices and, for a file, a one-line result go
 * to stderr, so CI logs show them whatever the format. `inputs` are the files the run read: --output may
 * not name one. Text is wrapped at the terminal's width (100 columns when stdout is not a terminal).
 * @returns the exit code: 1 when there are blocking findings, else 0.
 */
export function emitReport(
  report: Report,
  options: ReportCliOptions,
  io: CliIo,
  inputs: readonly string[] = [],
): number {
  const toStdout = options.output === undefined;
  const file = toStdout ? undefined : outputFile(options.output as string, inputs, io);
  const chunks = renderReportChunks(report, options.format, {
    cwd: io.cwd,
    color: toStdout && options.format === 'text' && useColor(io),
    width: textWidth(toStdout && io.isTTY ? io.stdout.columns : undefined),
  });
  if (file === undefined) {
    for (const chunk of chunks) io.stdout.write(chunk);
  } else {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const fd = openSync(file, 'w');
      try {
        for (const chunk of chunks) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw new CliError(
        'E_OUTPUT_WRITE',
        `cannot write the report to "${options.output}": ${(error as Error).message}`,
        'Choose a writable --output path',
      );
    }
  }
  if (!(toStdout && options.format === 'text')) writeNotices(report, io);
  if (!toStdout) {
    const c = report.summary.counts;
    const verdict = report.summary.result === 'failed' ? `FAILED, ${report.summary.blocking} blocking` : 'passed';
    const baselined = c.baselined ? `, ${c.baselined} baselined` : '';
    io.stderr.write(
      `api-guardrails: ${verdict} at fail-on ${report.failOn} (${c.fail} failing, ${c.unknown} unknown, ${c.acknowledged} acknowledged${baselined}, ${c.pass} passing); ${options.format} report written to ${options.output}\n`,
    );
  }
  return report.summary.result === 'failed' ? EXIT.blocking : EXIT.ok;
}

/** How many info notices of one code stderr lists before summarising (every one is in the report). */
const INFO_NOTICES_SHOWN = 3;

/**
 * Notices on stderr, so CI logs show them whatever the format: errors and warnings one per line; info
 * notices (e.g. one REMEDIATED per change an aspect made) grouped by code, the first few and a count.
 */
function writeNotices(report: Report, io: CliIo): void {
  const line = (notice: Report['notices'][number]): string => {
    const where = displayPath(notice.source.templatePath, io.cwd);
    const text = `notice ${notice.code} (${notice.level})${where ? ` ${where}` : ''}: ${notice.message}`;
    return `api-guardrails: ${safeText(text).replace(/\s+/g, ' ')}\n`;
  };
  const infoByCode = new Map<string, Report['notices'][number][]>();
  for (const notice of report.notices) {
    if (notice.level !== 'info') {
      io.stderr.write(line(notice));
      continue;
    }
    const list = infoByCode.get(notice.code) ?? [];
    list.push(notice);
    infoByCode.set(notice.code, list);
  }
  for (const [code, list] of infoByCode) {
    for (const notice of list.slice(0, INFO_NOTICES_SHOWN)) io.stderr.write(line(notice));
    if (list.length > INFO_NOTICES_SHOWN) {
      io.stderr.write(
        `api-guardrails: notice ${code} (info): … and ${list.length - INFO_NOTICES_SHOWN} more (all ${list.length} are in the report)\n`,
      );
    }
  }
}
