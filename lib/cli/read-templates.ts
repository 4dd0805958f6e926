import { readFileSync } from 'node:fs';
import type { TemplateInput } from '../model/template';
import { parseTemplate, TemplateError } from '../model/template';
import type { TemplateCandidate } from './discover';
import { CliError } from './errors';
import type { CliIo } from './io';
import { TemplateLines } from './template-lines';

/** Show a progress line only from this many templates on (and only on a TTY). */
export const PROGRESS_THRESHOLD = 10;

export interface ReadResult {
  readonly inputs: TemplateInput[];
  /** Files found by searching a directory that are not CloudFormation templates (display paths). */
  readonly skipped: string[];
  /** Where each resource is in the files read (for SARIF regions). */
  readonly lines: TemplateLines;
}

/**
 * Read and parse every candidate. A file the user named (or a cloud assembly lists) must be a valid
 * template: any error stops the run. A file found by searching a directory is skipped when it is not
 * CloudFormation (package.json, workflow YAML, ...), but a file that looks like a template
 * (mentions Resources or AWSTemplateFormatVersion) and does not parse is an error, never a silent gap.
 * @throws CliError E_TEMPLATE_READ, E_NO_TEMPLATES; TemplateError E_TEMPLATE_PARSE, E_NOT_CLOUDFORMATION
 */
export function readTemplates(candidates: readonly TemplateCandidate[], io: CliIo): ReadResult {
  const inputs: TemplateInput[] = [];
  const skipped: string[] = [];
  const lines = new TemplateLines();
  const loadedFrom = new Map<string, number>();
  const progress = new Progress(io, candidates.length);
  candidates.forEach((candidate, index) => {
    progress.update(index, candidate.display);
    let text: string;
    try {
      text = readFileSync(candidate.file, 'utf8');
    } catch (error) {
      throw new CliError('E_TEMPLATE_READ', `cannot read ${candidate.display}: ${(error as Error).message}`, 'Check the file exists and is readable');
    }
    let template: Record<string, unknown>;
    try {
      template = parseTemplate(text, candidate.display);
    } catch (error) {
      if (!(error instanceof TemplateError) || candidate.required) throw error;
      if (error.code === 'E_TEMPLATE_PARSE' && /\b(Resources|AWSTemplateFormatVersion)\b/.test(text)) throw error;
      skipped.push(candidate.display);
      return;
    }
    inputs.push({ template, templatePath: candidate.display, stackName: candidate.stackName });
    lines.add(candidate.display, text);
    loadedFrom.set(candidate.from, (loadedFrom.get(candidate.from) ?? 0) + 1);
  });
  progress.done();
  for (const from of new Set(candidates.map((c) => c.from))) {
    if (loadedFrom.has(from)) continue;
    const count = candidates.filter((c) => c.from === from).length;
    throw new CliError(
      'E_NO_TEMPLATES',
      `"${from}" holds ${count} JSON/YAML file${count === 1 ? '' : 's'} but no CloudFormation template (no Resources map)`,
      'Point at CloudFormation templates or at the cdk.out of `cdk synth`',
    );
  }
  return { inputs, skipped, lines };
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
