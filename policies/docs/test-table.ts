import { readFileSync } from 'node:fs';

/** One case of a rule's test table, as its docs page lists it. */
export interface TableCase {
  readonly name: string;
  /** The case's `expect` when it sets one (skip, exempt, unknown, ...). */
  readonly expect?: string;
}

/** The valid and invalid cases of a rule's test table (test/policies/rules/<id>.test.ts). */
export interface TestTable {
  readonly valid: TableCase[];
  readonly invalid: TableCase[];
}

/**
 * Reads the case names of the `testRule(rule, { valid: [...], invalid: [...] })` table in a rule's test
 * file, without running it: the top-level `name` and `expect` of each case object, in order.
 */
export function readTestTable(path: string): TestTable {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('testRule(');
  if (start < 0) throw new Error(`E_TEST_TABLE: ${path} has no testRule(...) table. Write the cases with testRule.`);
  return { valid: casesOf(text, 'valid', start), invalid: casesOf(text, 'invalid', start) };
}

function casesOf(text: string, key: 'valid' | 'invalid', from: number): TableCase[] {
  const match = new RegExp(`\\b${key}: \\[`).exec(text.slice(from));
  if (!match) return [];
  const cases: TableCase[] = [];
  let depth = 0;
  let current: { name?: string; expect?: string } | undefined;
  for (let i = from + match.index + match[0].length; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      i = endOfString(text, i);
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      continue;
    }
    if (ch === '/' && /[:,([=!&|?{};]\s*$/.test(text.slice(Math.max(0, i - 20), i))) {
      i = endOfRegex(text, i);
      continue;
    }
    if (ch === '{' || ch === '[' || ch === '(') {
      depth++;
      if (depth === 1 && ch === '{') current = {};
    } else if (ch === '}' || ch === ']' || ch === ')') {
      if (depth === 0) break;
      if (depth === 1 && ch === '}' && current?.name !== undefined)
        cases.push({ name: current.name, ...(current.expect ? { expect: current.expect } : {}) });
      depth--;
    } else if (depth === 1 && current && /[a-z]/.test(ch) && /[\s{,]/.test(text[i - 1])) {
      const field = /^(name|expect):\s*(['"`])/.exec(text.slice(i));
      if (field) {
        const open = i + field[0].length - 1;
        const close = endOfString(text, open);
        current[field[1] as 'name' | 'expect'] = unquote(text.slice(open, close + 1));
        i = close;
      }
    }
  }
  return cases;
}

/** Index of the quote that closes the string opened at `open`. */
function endOfString(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return text.length;
}

/** Index of the slash that closes the regular expression literal opened at `open`. */
function endOfRegex(text: string, open: number): number {
  let inClass = false;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '[') inClass = true;
    else if (text[i] === ']') inClass = false;
    else if (text[i] === '/' && !inClass) return i;
  }
  return text.length;
}

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, '$1');
}
