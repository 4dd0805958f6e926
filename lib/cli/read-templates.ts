import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestedIn, TemplateInput } from '../model/template';
import type { Notice } from '../model/types';
import { nestedStackTemplates, parseTemplate, TemplateError } from '../model/template';
import { displayOf, type TemplateCandidate } from './discover';
import { CliError } from './errors';
import type { CliIo } from './io';
import { resourceLocations } from './template-lines';

/** Show a progress line only from this many templates on (and only on a TTY). */
export const PROGRESS_THRESHOLD = 10;

/** A template that could not be read or parsed, in a run that read others. */
export interface FailedTemplate {
  /** Display path. */
  readonly file: string;
  readonly stackName?: string;
  readonly error: TemplateError | CliError;
}

export interface ReadResult {
  readonly inputs: TemplateInput[];
  /**
   * Templates that could not be read or parsed, when others could: the run goes on without them and
   * reports each (fileErrorNotices). When no template at all could be read, the first error is thrown.
   */
  readonly failed: FailedTemplate[];
  /** Files found by searching a directory that are not CloudFormation templates (display paths). */
  readonly skipped: string[];
}

/**
 * Read and parse every candidate. A file the user named (or a cloud assembly lists) must be a valid
 * template. A file found by searching a directory is skipped when it is not CloudFormation (package.json,
 * workflow YAML, ...), but a file that looks like a template (mentions Resources or
 * AWSTemplateFormatVersion) and does not parse is an error, never a silent gap. An error in one file does
 * not stop the others: it is returned in `failed`, unless no template at all could be read.
 * Each template is followed by the templates of its CDK nested stacks (nested.ts), read from beside it
 * and marked as nested in it; a nested template the search also found is read once, as nested.
 * @throws CliError E_NO_TEMPLATES; the first file's error (CliError E_TEMPLATE_READ, TemplateError) when none could be read
 */
export function readTemplates(candidates: readonly TemplateCandidate[], io: CliIo): ReadResult {
  const parsed: Parsed[] = [];
  const skipped: string[] = [];
  const failed: FailedTemplate[] = [];
  const loadedFrom = new Map<string, number>();
  const progress = new Progress(io, candidates.length);
  candidates.forEach((candidate, index) => {
    progress.update(index, candidate.display);
    const fail = (error: TemplateError | CliError): void => {
      failed.push({
        file: candidate.display,
        ...(candidate.stackName ? { stackName: candidate.stackName } : {}),
        error,
      });
      loadedFrom.set(candidate.from, (loadedFrom.get(candidate.from) ?? 0) + 1);
    };
    let text: string;
    let template: Record<string, unknown>;
    try {
      text = readText(candidate.file, candidate.display);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      return fail(error);
    }
    try {
      template = parseTemplate(text, candidate.display);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const looksLikeTemplate = /\b(Resources|AWSTemplateFormatVersion)\b/.test(text);
      if (candidate.required || (error.code !== 'E_NOT_CLOUDFORMATION' && looksLikeTemplate)) return fail(error);
      skipped.push(candidate.display);
      return;
    }
    parsed.push({
      file: candidate.file,
      display: candidate.display,
      stackName: candidate.stackName,
      template,
      text,
      nested: nestedFiles(candidate.file, template),
    });
    loadedFrom.set(candidate.from, (loadedFrom.get(candidate.from) ?? 0) + 1);
  });
  progress.done();
  if (parsed.length === 0 && failed.length > 0) throw failed[0].error;
  for (const from of new Set(candidates.map((c) => c.from))) {
    if (loadedFrom.has(from)) continue;
    const count = candidates.filter((c) => c.from === from).length;
    throw new CliError(
      'E_NO_TEMPLATES',
      `"${from}" holds ${count} JSON/YAML file${count === 1 ? '' : 's'} but no CloudFormation template (no Resources map)`,
      'Point at CloudFormation templates or at the cdk.out of `cdk synth`',
    );
  }
  // A nested stack's template found by searching a directory is read once, as nested in its parent.
  const byFile = new Map(parsed.map((p) => [p.file, p]));
  const claimed = new Set<string>();
  for (const p of parsed) for (const ref of p.nested) claimed.add(ref.file);
  const inputs: TemplateInput[] = [];
  const added = new Set<string>();
  const add = (p: Parsed, nestedIn?: NestedIn): void => {
    added.add(p.file);
    inputs.push({
      template: p.template,
      templatePath: p.display,
      stackName: p.stackName,
      ...(nestedIn ? { nestedIn } : {}),
      locations: resourceLocations(p.text),
    });
    for (const ref of p.nested) {
      if (added.has(ref.file)) continue;
      const child = byFile.get(ref.file) ?? readNested(ref.file, io, failed);
      if (!child) continue; // not there: the model reports NESTED_STACK_NOT_EVALUATED
      add(
        { ...child, stackName: `${p.stackName ?? p.display}/${ref.logicalId}` },
        { templatePath: p.display, logicalId: ref.logicalId },
      );
    }
  };
  for (const p of parsed) if (!claimed.has(p.file) && !added.has(p.file)) add(p);
  // Templates that only name each other as nested stacks (no root among the inputs) are still read.
  for (const p of parsed) if (!added.has(p.file)) add(p);
  return { inputs, failed, skipped };
}

/**
 * One error notice per template that could not be read: the engine reports each as a not-evaluable
 * finding on that file, and the run's exit code says an input failed.
 */
export function fileErrorNotices(failed: readonly FailedTemplate[]): Notice[] {
  return failed.map(({ file, stackName, error }) => ({
    level: 'error',
    code: error.code,
    message: `${file} could not be evaluated: ${error.message.replace(/\s+/g, ' ')}`,
    source: { templatePath: file, ...(stackName ? { stackName } : {}) },
  }));
}

interface Parsed {
  readonly file: string;
  readonly display: string;
  readonly stackName?: string;
  readonly template: Record<string, unknown>;
  readonly text: string;
  /** Its CDK nested stacks' templates (absolute paths), found once. */
  readonly nested: readonly { readonly logicalId: string; readonly file: string }[];
}

function nestedFiles(file: string, template: Record<string, unknown>): Parsed['nested'] {
  return nestedStackTemplates(template).map((ref) => ({
    logicalId: ref.logicalId,
    file: join(dirname(file), ref.fileName),
  }));
}

function readText(file: string, display: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      'E_TEMPLATE_READ',
      `cannot read ${display}: ${(error as Error).message}`,
      'Check the file exists and is readable',
    );
  }
}

/** A nested stack's template named by its parent; undefined when the file is not there or cannot be read. */
function readNested(file: string, io: CliIo, failed: FailedTemplate[]): Parsed | undefined {
  if (!existsSync(file)) return undefined;
  const display = displayOf(file, io.cwd);
  try {
    const text = readText(file, display);
    const template = parseTemplate(text, display);
    return { file, display, template, text, nested: nestedFiles(file, template) };
  } catch (error) {
    if (!(error instanceof TemplateError || error instanceof CliError)) throw error;
    failed.push({ file: display, error });
    return undefined;
  }
}

/** "[12/340] reading templates/orders.json" on stderr, rewritten in place; only on a TTY with many files. */
class Progress {
  private readonly enabled: boolean;
  private last = 0;

  constructor(
    private readonly io: CliIo,
    private readonly total: number,
  ) {
    this.enabled = io.isTTY && total >= PROGRESS_THRESHOLD;
  }

  update(index: number, file: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (index !== 0 && now - this.last < 100) return;
    this.last = now;
    this.io.stderr.write(`\r\u001b[K[${index + 1}/${this.total}] reading ${file}`);
  }

  done(): void {
    if (this.enabled) this.io.stderr.write('\r\u001b[K');
  }
}
