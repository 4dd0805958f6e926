import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../lib/cli/main';
import { parseTemplate } from '../../lib/model/template';
import type { JsonFinding, JsonReport } from '../../lib/reporters/json';
import { CORPUS_DIR, corpusFolder } from '../helpers/corpus';
import { mutate, Random, type Json } from './mutators';

/** The shared corpus, read at run time (never copied into the repository). */
export const CORPUS = resolve(CORPUS_DIR, 'templates');

export interface FuzzOptions {
  readonly mutants: number;
  readonly seed: number;
}

export interface FuzzResult {
  readonly templates: number;
  readonly mutants: number;
  readonly byKind: Record<string, number>;
  readonly exits: Record<string, number>;
  readonly violations: string[];
  readonly milliseconds: number;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function check(file: string, cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['check', file, '--format', 'json'], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env: {},
    isTTY: false,
  });
  return { code, stdout, stderr };
}

function corpusFiles(): string[] {
  return readdirSync(corpusFolder('templates'))
    .filter((name) => /\.(json|ya?ml|template)$/.test(name))
    .sort();
}

/** The same check of the same resource: rule, subject kind, logical id and OpenAPI pointer. */
function keyOf(finding: JsonFinding): string {
  const { kind, logicalId, pointer } = finding.resource;
  return [finding.ruleId, kind, logicalId ?? '', pointer ?? ''].join('|');
}

function statusesByKey(report: JsonReport): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const finding of report.findings) {
    const key = keyOf(finding);
    const set = out.get(key) ?? new Set<string>();
    set.add(finding.status);
    out.set(key, set);
  }
  return out;
}

/** What one mutant broke, if anything. */
export function violationsOf(
  run: Run,
  file: string,
  unknowable: boolean,
  original: Map<string, Set<string>>,
): string[] {
  const out: string[] = [];
  if (![0, 1, 2].includes(run.code)) out.push(`exit code ${run.code}`);
  if (/E_INTERNAL/.test(run.stdout) || /E_INTERNAL/.test(run.stderr)) out.push(`E_INTERNAL: ${run.stderr.trim()}`);
  if (run.code === 2) {
    const error = /api-guardrails: error (E_[A-Z_]+): .*/.exec(run.stderr);
    if (!error) out.push(`exit 2 without an error line: ${run.stderr.trim().slice(0, 200)}`);
    else if (!error[0].includes(file)) out.push(`the error does not name the file: ${error[0]}`);
    else if (error[1] === 'E_TEMPLATE_PARSE' && !/line \d+|position \d+/.test(error[0]))
      out.push(`the parse error names no line or position: ${error[0]}`);
    else if (['E_TEMPLATE_CYCLE'].includes(error[1]) && !/ at Resources\./.test(error[0]))
      out.push(`the error names no path: ${error[0]}`);
    return out;
  }
  if (!unknowable || out.length > 0) return out;
  const report = JSON.parse(run.stdout) as JsonReport;
  for (const [key, statuses] of statusesByKey(report)) {
    const before = original.get(key);
    if (before?.has('fail') && !statuses.has('fail') && !statuses.has('unknown') && statuses.has('pass'))
      out.push(`an unknowable value turned a fail into a pass: ${key}`);
  }
  return out;
}

/**
 * Run `mutants` mutants of the corpus templates (round robin, seeded) through `api-guardrails check`,
 * asserting per mutant: exit 0, 1 or 2; no E_INTERNAL; an error names the file (and line or path where it
 * has one); a mutation that only makes a value unknowable never turns a failing check into a passing one.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const random = new Random(options.seed);
  const files = corpusFiles();
  const dir = mkdtempSync(join(tmpdir(), 'apig-fuzz-'));
  const byKind: Record<string, number> = {};
  const exits: Record<string, number> = {};
  const violations: string[] = [];
  try {
    const originals = new Map<string, { text: string; template: Json; statuses: Map<string, Set<string>> }>();
    for (let i = 0; i < options.mutants; i++) {
      const name = files[i % files.length];
      let original = originals.get(name);
      if (!original) {
        const text = readFileSync(join(CORPUS, name), 'utf8');
        const run = await check(join(CORPUS, name), dir);
        const statuses = run.code === 2 ? new Map() : statusesByKey(JSON.parse(run.stdout) as JsonReport);
        original = { text, template: parseTemplate(text, name) as Json, statuses };
        originals.set(name, original);
      }
      const mutant = mutate(random, original.text, original.template);
      const file = `mutant-${i}-${mutant.kind}${name.endsWith('.json') || !mutant.text.startsWith('FuzzAliases') ? '.json' : '.yaml'}`;
      const shown = mutant.kind === 'alias-bomb' || mutant.kind === 'bytes' ? file.replace(/\.json$/, ext(name)) : file;
      writeFileSync(join(dir, shown), mutant.text);
      const run = await check(shown, dir);
      byKind[mutant.kind] = (byKind[mutant.kind] ?? 0) + 1;
      exits[String(run.code)] = (exits[String(run.code)] ?? 0) + 1;
      for (const violation of violationsOf(run, shown, mutant.unknowable, original.statuses))
        violations.push(`${name} → ${shown}: ${violation}`);
      rmSync(join(dir, shown));
    }
    return {
      templates: files.length,
      mutants: options.mutants,
      byKind,
      exits,
      violations,
      milliseconds: Date.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function ext(name: string): string {
  return /\.[a-z]+$/.exec(name)?.[0] ?? '.yaml';
}
