import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { yaml } from '../../lazy-modules';
import { DEFAULT_STANDARD_FILE, STANDARD_SCHEMA_FILE } from '../../standard';
import { CliError } from '../errors';
import type { CliIo, SetExit } from '../io';

interface InitCliOptions {
  readonly name?: string;
}

const DEFAULT_FILE = 'api-standard.json';

/** `api-guardrails init [file]`: write a starter standard (a copy of the shipped one) for an organisation to edit. */
export function register(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('init')
    .description('write a starter API security standard (a copy of the shipped one) to edit; never overwrites')
    .argument('[file]', 'where to write it: .json, .yaml or .yml', DEFAULT_FILE)
    .option('--name <name>', 'name of the standard, shown in every report', 'API security standard')
    .action((file: string, options: InitCliOptions) => {
      const target = path.resolve(io.cwd, file);
      const ext = path.extname(target).toLowerCase();
      if (!['.json', '.yaml', '.yml'].includes(ext)) {
        throw new CliError(
          'E_INIT_FORMAT',
          `cannot write a standard to "${file}": the extension "${ext || '(none)'}" is not supported`,
          'Name a .json, .yaml or .yml file, e.g. `api-guardrails init api-standard.yaml`',
        );
      }
      const text = starterStandard(target, options.name ?? 'API security standard', ext === '.json' ? 'json' : 'yaml');
      try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text, { flag: 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') {
          throw new CliError(
            'E_INIT_EXISTS',
            `"${file}" already exists and init never overwrites a file`,
            'Edit the existing standard, or name another file: `api-guardrails init my-standard.json`',
          );
        }
        throw new CliError(
          'E_INIT_WRITE',
          `cannot write "${file}" (${code ?? (error as Error).message})`,
          'Check that the directory is writable, or name another file',
        );
      }
      const shown = path.relative(io.cwd, target) || file;
      io.stdout.write(
        [
          `Wrote ${shown}: a copy of the shipped standard, with "$schema" pointing at the installed schema for editor completion.`,
          'Next: edit its tiers and rules to match your organisation, then use it:',
          `  npx api-guardrails check cdk.out --standard ${shown}`,
          `  new ApiGuardrails({ standard: '${shown}' })   // in bin/<app>.ts: Validations.of(app).addPlugins(...)`,
          '',
        ].join('\n'),
      );
      setExit(0);
    });
}

/** The shipped standard renamed, with `$schema` relative to where it is written. */
function starterStandard(target: string, name: string, format: 'json' | 'yaml'): string {
  const { $schema: _shippedSchema, ...shipped } = JSON.parse(fs.readFileSync(DEFAULT_STANDARD_FILE, 'utf8')) as Record<
    string,
    unknown
  >;
  let schema = path.relative(path.dirname(target), STANDARD_SCHEMA_FILE).split(path.sep).join('/');
  if (!schema.startsWith('.')) schema = `./${schema}`;
  const starter = {
    $schema: schema,
    ...shipped,
    name,
    version: '0.1.0',
    description: `Started from "${String(shipped.name)}" ${String(shipped.version)} by \`api-guardrails init\`. Edit the tiers and rules to match your organisation.`,
  };
  if (format === 'json') return `${JSON.stringify(starter, null, 2)}\n`;
  return `# yaml-language-server: $schema=${schema}\n${yaml().stringify(starter)}`;
}
