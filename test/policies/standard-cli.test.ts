import * as fs from 'fs';
import * as path from 'path';
import { loadStandard, defaultStandard } from '../../lib/standard';
import { allRules } from '../../policies/rules';
import { restTemplate, run, TempDir } from '../cli/helpers';

const SCHEMA = path.resolve(__dirname, '..', '..', 'policies', 'standard.schema.json');

describe('api-guardrails init', () => {
  const dir = new TempDir('apig-init-');
  afterAll(() => dir.cleanup());

  test('writes a starter standard that loads, equals the shipped one but for its name, and points $schema at the schema', async () => {
    const result = await run(['init'], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote api-standard.json: a copy of the shipped standard');
    expect(result.stdout).toContain('npx api-guardrails check cdk.out --standard api-standard.json');
    const file = path.join(dir.path, 'api-standard.json');
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { $schema: string; name: string };
    expect(path.resolve(dir.path, written.$schema)).toBe(SCHEMA);
    expect(Object.keys(written)[0]).toBe('$schema');
    const { name, version, description, ...rest } = loadStandard(file);
    const { name: _n, version: _v, description: _d, ...shipped } = defaultStandard();
    expect(rest).toEqual(shipped);
    expect({ name, version }).toEqual({ name: 'API security standard', version: '0.1.0' });
    expect(description).toContain('cdk-api-guardrails default');
  });

  test('writes YAML with the name given and a yaml-language-server schema comment', async () => {
    const result = await run(['init', 'config/acme.yaml', '--name', 'Acme API standard'], { cwd: dir.path });
    expect(result.code).toBe(0);
    const text = fs.readFileSync(path.join(dir.path, 'config', 'acme.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/.*standard\.schema\.json$/);
    expect(loadStandard(path.join(dir.path, 'config', 'acme.yaml')).name).toBe('Acme API standard');
  });

  test('fails on an existing file and leaves it untouched', async () => {
    dir.write('taken.json', '{"mine": true}');
    const result = await run(['init', 'taken.json'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^api-guardrails: error E_INIT_EXISTS: "taken\.json" already exists/);
    expect(fs.readFileSync(path.join(dir.path, 'taken.json'), 'utf8')).toBe('{"mine": true}');
  });

  test('fails on an unsupported extension', async () => {
    const result = await run(['init', 'standard.toml'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('E_INIT_FORMAT');
    expect(fs.existsSync(path.join(dir.path, 'standard.toml'))).toBe(false);
  });
});

describe('standard errors in the CLI', () => {
  const dir = new TempDir('apig-std-cli-');
  afterAll(() => dir.cleanup());

  test('fails on an invalid standard with exit 2, one problem per line, no stack trace', async () => {
    dir.write('good.json', restTemplate('ERROR'));
    dir.write('bad-standard.json', {
      name: 'mine',
      classification: { tagKey: 'x', tiers: [] },
      rules: { 'stage-wafs': {}, 'stage-throttling': { options: { maxRateLimit: 50000 } } },
    });
    const result = await run(['check', 'good.json', '--standard', 'bad-standard.json'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('api-guardrails: error E_STANDARD_INVALID: standard "bad-standard.json" has 2 problems:');
    expect(lines.slice(1, -1)).toEqual([
      '  - classification.tiers: received []; allowed: at least 1 item(s).',
      `  - rules.stage-wafs: unknown rule id "stage-wafs"; the nearest rule id is "stage-waf" (\`api-guardrails rules\` lists all ${allRules.length}).`,
    ]);
    expect(lines[lines.length - 1]).toMatch(/^Fix: Correct each value listed above/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('fails on a missing standard with the way to create one, not a repository path', async () => {
    dir.write('good.json', restTemplate('ERROR'));
    const result = await run(['check', 'good.json', '--standard', 'policies/acme.yaml'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toContain('E_STANDARD_NOT_FOUND');
    expect(result.stderr).toContain('run `npx api-guardrails init`');
  });
});
