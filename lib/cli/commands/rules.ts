import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { renderFix } from '../../engine/fix';
import { nearest } from '../../engine/nearest';
import { textWidth, wrap } from '../../reporters/text-wrap';
import type { AnyRule } from '../../engine/rule';
import { apiKindsText, ruleDocsPath } from '../../engine/rule-docs';
import { allRules } from '../../../policies/rules';
import { ruleDocsUrl, toolInfo } from '../../reporters/tool';
import type { CliIo, SetExit } from '../io';
import { CliError, EXIT } from '../errors';
import { FRAMEWORKS, frameworkJson, frameworkText, type Framework } from '../framework-coverage';

/** The package root, where `docs/rules/` is (from lib/cli/commands in the sources and in dist). */
function packageRoot(): string {
  for (const up of [join(__dirname, '..', '..', '..'), join(__dirname, '..', '..', '..', '..')])
    if (existsSync(join(up, 'package.json'))) return up;
  return join(__dirname, '..', '..', '..');
}

/**
 * `api-guardrails rules [id] [--format text|json]`: every rule the toolkit ships, with its metadata and the
 * path of its docs page; with an id, that rule's docs page.
 */
export function register(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('rules')
    .description('list the rules with their metadata, or print the docs page of one rule')
    .argument('[id]', 'a rule id: print its docs page')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--framework <framework>', 'list coverage of a compliance framework').choices(FRAMEWORKS))
    .action((id: string | undefined, options: { format: 'text' | 'json'; framework?: Framework }) => {
      if (options.framework) {
        const f = options.framework;
        io.stdout.write(options.format === 'json' ? frameworkJson(allRules, f) : frameworkText(allRules, f));
      } else if (id === undefined) {
        const width = textWidth(io.isTTY ? io.stdout.columns : undefined);
        io.stdout.write(options.format === 'json' ? rulesJson(allRules) : rulesText(allRules, width));
      } else {
        const rule = allRules.find((r) => r.id === id);
        if (!rule) throw unknownRule(id);
        io.stdout.write(options.format === 'json' ? rulesJson([rule]) : ruleDocsPage(rule));
      }
      setExit(EXIT.ok);
    });
}

/** E_RULE_UNKNOWN for an id no rule has, naming the nearest rule id when one is close (a typo). */
function unknownRule(id: string): CliError {
  const close = nearest(
    id,
    allRules.map((r) => r.id),
  );
  return new CliError(
    'E_RULE_UNKNOWN',
    `no rule has the id "${id}"`,
    `${close !== undefined ? `Did you mean "${close}"? ` : ''}Run \`api-guardrails rules\` to list them.`,
  );
}

/** The rules' metadata as JSON (`fix` as one line, `fixFor` per way of writing the API). */
export function rulesJson(rules: readonly AnyRule[]): string {
  const data = rules.map((r) => ({
    id: r.id,
    title: r.title,
    severity: r.severity,
    appliesTo: r.appliesTo,
    owasp: r.owasp,
    controls: r.controls,
    references: r.references,
    rationale: r.rationale,
    fix: renderFix(r.fix),
    fixFor: r.fix,
    docs: ruleDocsPath(r.id),
    options: r.options ? { defaults: r.options.defaults, schema: r.options.schema } : undefined,
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The rules as a table: id, severity, subject, API kinds and title; then the peers and the docs page's address. */
export function rulesText(rules: readonly AnyRule[], width: number = textWidth(undefined)): string {
  const tool = toolInfo();
  const lines: string[] = [];
  for (const r of rules) {
    const refs = Object.values(r.references).filter(Boolean).join(', ');
    lines.push(`${r.id}  ${r.severity} · per ${r.appliesTo.subject} · ${apiKindsText(r.appliesTo)}`);
    lines.push(...wrap(r.title, width, 2));
    if (r.owasp.length) lines.push(...wrap(`OWASP ${r.owasp.join(' ')}`, width, 2, 4));
    if (refs) lines.push(...wrap(`peers ${refs}`, width, 2, 4));
    // A web address is never broken, whatever the width.
    lines.push(`  ${ruleDocsUrl(tool, r.id) ?? ruleDocsPath(r.id)}`, '');
  }
  lines.push(
    ...wrap(
      `${rules.length} rules. \`api-guardrails rules <id>\` prints a rule's docs page; \`--format json\` prints rationale, fix and options.`,
      width,
      0,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** A rule's generated docs page, read from the package (it ships docs/rules). */
function ruleDocsPage(rule: AnyRule): string {
  const path = join(packageRoot(), ruleDocsPath(rule.id));
  if (!existsSync(path))
    throw new CliError('E_RULE_DOCS_MISSING', `the docs page ${path} is missing`, 'Run `npm run docs` to generate it.');
  // The page's "generated, do not edit" comment is for the repository, not for a terminal.
  return readFileSync(path, 'utf8').replace(/^<!--[\s\S]*?-->\n+/, '');
}
