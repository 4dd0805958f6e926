import * as fs from 'fs';
import * as path from 'path';
import { evaluate } from '../../../lib/engine/evaluate';
import type { Finding } from '../../../lib/engine/finding';
import { fromTemplate, parseTemplate } from '../../../lib/model/template';
import { resolveStandard } from '../../../lib/standard';
import { CORPUS_DIR } from '../../helpers/corpus';

export const SAM_CORPUS = path.join(CORPUS_DIR, 'sam');

export interface SamPair {
  readonly name: string;
  readonly expectError: boolean;
}

export function samPairs(): SamPair[] {
  const sources = JSON.parse(fs.readFileSync(path.join(SAM_CORPUS, 'sources.json'), 'utf8')) as {
    name: string;
    expect_error: boolean;
  }[];
  return sources.map((s) => ({ name: s.name, expectError: s.expect_error }));
}

const standard = resolveStandard();

export function findingsOf(file: string): readonly Finding[] {
  const text = fs.readFileSync(file, 'utf8');
  return evaluate(fromTemplate(parseTemplate(text, file)), { standard }).findings;
}

/** What parity compares: rule, status, and the subject (API, stage, operation, authorizer, domain, plan). */
export function findingKey(finding: Finding): string {
  return `${finding.ruleId} | ${finding.status} | ${finding.resource.apiId ?? '-'} | ${finding.resource.label}`;
}

/** Keys in `a` not matched one-for-one in `b`. */
export function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  const out: string[] = [];
  for (const key of a) {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else out.push(key);
  }
  return out;
}

export function pairKeys(name: string): { input: string[]; output: string[] } {
  return {
    input: findingsOf(path.join(SAM_CORPUS, 'input', `${name}.yaml`)).map(findingKey),
    output: findingsOf(path.join(SAM_CORPUS, 'output', `${name}.json`)).map(findingKey),
  };
}
