import type { Command } from 'commander';
import { Option } from 'commander';
import type { AnyRule } from '../../engine/rule';
import { allRules } from '../../../policies/rules';
import type { CliIo, SetExit } from '../io';
import { EXIT } from '../errors';
import { FRAMEWORKS, frameworkJson, frameworkText, type Framework } from '../framework-coverage';

/** `api-guardrails rules [--format text|json]`: every rule the toolkit ships, with its metadata. */
export function register(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('rules')
    .description('list the rules with their metadata')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--framework <framework>', 'list coverage of a compliance framework').choices(FRAMEWORKS))
    .action((options: { format: 'text' | 'json'; framework?: Framework }) => {
      if (options.framework) {
        const f = options.framework;
        io.stdout.write(options.format === 'json' ? frameworkJson(allRules, f) : frameworkText(allRules, f));
      } else io.stdout.write(options.format === 'json' ? rulesJson(allRules) : rulesText(allRules));
      setExit(EXIT.ok);
    });
}

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
    fix: r.fix,
    options: r.options ? { defaults: r.options.defaults, schema: r.options.schema } : undefined,
  }));
  return `${JSON.stringify(data, null, 2)}\n`;
}

export function rulesText(rules: readonly AnyRule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const lines: string[] = [];
  for (const r of rules) {
    const refs = Object.values(r.references).filter(Boolean).join(', ');
    lines.push(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.appliesTo.padEnd(10)}  ${r.title}`);
    lines.push(`${' '.repeat(width)}  ${[r.owasp.join(' '), refs].filter(Boolean).join(' · ')}`);
  }
  lines.push('', `${rules.length} rules. \`api-guardrails rules --format json\` prints rationale, fix and options.`);
  return `${lines.join('\n')}\n`;
}
