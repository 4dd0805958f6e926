import * as fs from 'fs';
import * as path from 'path';
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../lazy-modules';
import { OWN_STANDARD_HINT, StandardError } from './errors';

/** Deeper than any real standard (about 7 levels); deeper input is refused before anything recurses into it. */
export const MAX_STANDARD_DEPTH = 64;

/** The parsed content of a .json/.yaml/.yml standard file. @throws StandardError */
export function readStandardFile(file: string): unknown {
  const ext = path.extname(file).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(ext)) {
    throw new StandardError({
      code: 'E_STANDARD_FORMAT',
      file,
      summary: `cannot read standard "${file}": the extension "${ext || '(none)'}" is not supported.`,
      fix: 'Save the standard as .json, .yaml or .yml.',
    });
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new StandardError({
      code: 'E_STANDARD_NOT_FOUND',
      file,
      summary: `cannot read standard "${file}" (resolved to ${path.resolve(file)}): ${(error as Error).message}`,
      fix: `Check the path (relative paths are resolved from the current directory). ${OWN_STANDARD_HINT}.`,
    });
  }
  const kind = ext === '.json' ? 'JSON' : 'YAML';
  const fail = (detail: string): StandardError =>
    new StandardError({
      code: 'E_STANDARD_PARSE',
      file,
      summary: `standard "${file}" is not valid ${kind}: ${detail}`,
      fix: `Correct the ${kind} at the position given.`,
    });
  const body = text.replace(/^\uFEFF/, '');
  const lines = new (yaml().LineCounter)();
  const tooDeep = `it is nested more than ${MAX_STANDARD_DEPTH} levels deep; a standard needs about 7.`;
  let data: unknown;
  let doc: Document.Parsed | undefined;
  if (kind === 'JSON') {
    try {
      data = JSON.parse(body);
    } catch (error) {
      throw fail(firstLine(error));
    }
    if (depthOf(data) > MAX_STANDARD_DEPTH) throw fail(tooDeep);
    doc = parsedOrUndefined(body, lines);
  } else {
    try {
      doc = yaml().parseDocument(body, { uniqueKeys: false, prettyErrors: true, lineCounter: lines });
      const problem = doc.errors[0] ?? doc.warnings[0];
      // The parser reports its own stack overflow on deep nesting as a syntax error.
      if (problem?.message.includes('Maximum call stack size exceeded')) throw fail(tooDeep);
      if (problem) throw fail(yamlProblem(problem));
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      if (error instanceof StandardError) throw error;
      throw fail(error instanceof RangeError ? tooDeep : firstLine(error));
    }
    if (depthOf(data) > MAX_STANDARD_DEPTH) throw fail(tooDeep);
  }
  const duplicate = doc && doc.errors.length === 0 ? firstDuplicateKey(doc, lines) : undefined;
  if (duplicate) throw fail(`the key "${duplicate.key}" appears twice in ${duplicate.path} (line ${duplicate.line}).`);
  return data;
}

/** A JSON file read as YAML too, only to find duplicate keys (JSON.parse keeps the last one silently). */
function parsedOrUndefined(body: string, lines: LineCounter): Document.Parsed | undefined {
  try {
    return yaml().parseDocument(body, { uniqueKeys: false, prettyErrors: true, lineCounter: lines });
  } catch {
    return undefined;
  }
}

function yamlProblem(problem: {
  code: string;
  message: string;
  linePos?: [{ line: number; col: number }, ...unknown[]];
}): string {
  const at = problem.linePos ? ` at line ${problem.linePos[0].line}, column ${problem.linePos[0].col}` : '';
  if (problem.code === 'TAG_RESOLVE_FAILED') {
    const tag = /tag:yaml\.org,2002:(\S+)/.exec(problem.message)?.[1];
    return `the tag ${tag ? `!!${tag}` : '(unknown)'}${at} is not allowed; a standard holds plain data (strings, numbers, booleans, lists, maps).`;
  }
  return `${firstLine(problem.message)
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/[.:]$/, '')}${at}.`;
}

interface DuplicateKey {
  readonly key: string;
  readonly path: string;
  readonly line: number;
}

/** The first mapping key that repeats, with the dotted path of the mapping it repeats in. */
function firstDuplicateKey(doc: Document.Parsed, lines: LineCounter): DuplicateKey | undefined {
  const Y = yaml();
  let found: DuplicateKey | undefined;
  Y.visit(doc, {
    Map(_, map, ancestors) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = Y.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(key)) {
          const offset = Y.isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
          const line = lines.linePos(offset).line;
          found = { key, path: pathOf([...ancestors, map]) || '(root)', line };
          return Y.visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

function pathOf(ancestors: readonly unknown[]): string {
  const Y = yaml();
  let out = '';
  ancestors.forEach((node, i) => {
    if (Y.isPair(node)) {
      const key = Y.isScalar(node.key) ? String(node.key.value) : String(node.key);
      out += out ? `.${key}` : key;
    } else if (Y.isSeq(node)) {
      const child = ancestors[i + 1];
      if (child !== undefined) out += `[${node.items.indexOf(child as never)}]`;
    }
  });
  return out;
}

/** Nesting depth of parsed data, measured without recursion (the input may be hostile). */
function depthOf(data: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[data, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) max = depth;
    if (max > MAX_STANDARD_DEPTH) return max;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
