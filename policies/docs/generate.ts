import { readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDocsPath } from '../../lib/engine/rule-docs';
import type { AnyRule } from '../../lib/engine/rule';
import { allRules } from '../rules';
import { renderRulePage } from './rule-page';
import { withRuleTable } from './rule-table';
import { readTestTable } from './test-table';

/** The repository root (policies/docs → ../..). */
export const ROOT = join(__dirname, '..', '..');

/** Every generated file (path relative to the root → content): one page per rule and the README. */
export function generatedDocs(rules: readonly AnyRule[] = allRules, root: string = ROOT): Map<string, string> {
  const files = new Map<string, string>();
  for (const rule of rules) {
    const table = readTestTable(join(root, 'test', 'policies', 'rules', `${rule.id}.test.ts`));
    files.set(ruleDocsPath(rule.id), renderRulePage(rule, table));
  }
  files.set('README.md', withRuleTable(readFileSync(join(root, 'README.md'), 'utf8'), rules));
  return files;
}

if (require.main === module) {
  const files = generatedDocs();
  mkdirSync(join(ROOT, 'docs', 'rules'), { recursive: true });
  for (const stale of readdirSync(join(ROOT, 'docs', 'rules')))
    if (!files.has(`docs/rules/${stale}`)) rmSync(join(ROOT, 'docs', 'rules', stale));
  let changed = 0;
  for (const [path, content] of files) {
    let before: string | undefined;
    try {
      before = readFileSync(join(ROOT, path), 'utf8');
    } catch {
      before = undefined;
    }
    if (before === content) continue;
    writeFileSync(join(ROOT, path), content);
    changed++;
  }
  console.log(changed ? `Docs regenerated: ${changed} file(s) changed.` : 'Docs are up to date.');
}
