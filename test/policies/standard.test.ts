import * as path from 'path';
import { ALL_API_KINDS, defineRule, type AnyRule } from '../../lib/engine/rule';
import { defaultStandard, loadStandard, resolveStandard } from '../../lib/standard';
import { errorOf, standardFiles } from './standard-helpers';
import { allRules } from '../../policies/rules';

/** Two small rules with numeric and enum options, to exercise per-rule option schemas. */
const throttling = defineRule<'stage', { maxRateLimit: number; mode: string }>({
  id: 'test-throttling',
  title: 'Stages throttle',
  rationale: 'test',
  fix: { cdk: 'test', cloudFormation: 'test' },
  severity: 'error',
  owasp: ['API4:2023'],
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        maxRateLimit: { type: 'number', minimum: 1, maximum: 10000 },
        mode: { enum: ['strict', 'lenient'] },
      },
      required: ['maxRateLimit', 'mode'],
      additionalProperties: false,
    },
    defaults: { maxRateLimit: 1000, mode: 'strict' },
  },
  check: () => undefined,
});
const tracing = defineRule({
  id: 'test-tracing',
  title: 'X-Ray',
  rationale: 'test',
  fix: { cdk: 'test', cloudFormation: 'test' },
  severity: 'warning',
  owasp: ['API8:2023'],
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  check: () => undefined,
});
const testRules = [throttling, tracing, ...allRules];

const write = standardFiles('standard-test-');

const minimal = { name: 'Acme', classification: { tiers: ['open', 'secret'] } };

describe('default standard', () => {
  test('is valid and has the four tiers, tag keys and unknownAs', () => {
    const standard = defaultStandard();
    expect(standard.classification).toEqual({
      tagKey: 'data-classification',
      tiers: ['public', 'internal', 'confidential', 'restricted'],
    });
    expect(standard.ownerTagKey).toBe('owner');
    expect(standard.unknownAs).toBe('rule-severity');
    expect(Object.keys(standard.tiers)).toEqual(['public', 'internal', 'confidential', 'restricted']);
    expect(standard).not.toHaveProperty('$schema');
  });

  test('validates as a file too (same loader as user files)', () => {
    const file = path.resolve(__dirname, '..', '..', 'policies', 'standards', 'default.json');
    expect(loadStandard(file)).toEqual(defaultStandard());
  });

  test('returns a fresh copy each call', () => {
    const a = defaultStandard() as { name: string };
    a.name = 'changed';
    expect(defaultStandard().name).toBe('cdk-api-guardrails default');
  });

  test('resolves execution-logging on in every tier, not acknowledgeable for restricted', () => {
    const resolved = resolveStandard();
    for (const tier of ['public', 'internal', 'confidential', 'restricted']) {
      expect(resolved.setting('execution-logging', tier)).toMatchObject({
        enabled: true,
        severity: 'error',
        options: { allowedLevels: ['ERROR', 'INFO'] },
      });
    }
    expect(resolved.setting('execution-logging', 'restricted')?.acknowledgeable).toBe(false);
    expect(resolved.setting('execution-logging', 'public')?.acknowledgeable).toBe(true);
  });
});

describe('user standards', () => {
  test('a YAML file loads, fills defaults and resolves tier options over rule defaults', () => {
    const file = write(
      'acme.yaml',
      [
        '# Acme standard',
        'name: Acme',
        'classification:',
        '  tiers: [open, secret]',
        'rules:',
        '  test-throttling: { options: { maxRateLimit: 500 } }',
        'tiers:',
        '  secret:',
        '    rules:',
        '      test-throttling: { severity: error, options: { maxRateLimit: 50 }, acknowledgeable: false }',
        '      test-tracing: { enabled: false }',
      ].join('\n'),
    );
    const resolved = resolveStandard(file, testRules);
    expect(resolved.standard.classification.tagKey).toBe('data-classification');
    expect(resolved.standard.ownerTagKey).toBe('owner');
    expect(resolved.standard.unknownAs).toBe('rule-severity');
    expect(resolved.setting('test-throttling', 'open')?.options).toEqual({ maxRateLimit: 500, mode: 'strict' });
    expect(resolved.setting('test-throttling', 'secret')).toEqual({
      enabled: true,
      severity: 'error',
      options: { maxRateLimit: 50, mode: 'strict' },
      acknowledgeable: false,
    });
    expect(resolved.setting('test-tracing', 'secret')?.enabled).toBe(false);
    expect(resolved.setting('test-tracing', 'open')?.enabled).toBe(true);
  });

  test('a .yml file and a JSON file with $schema load', () => {
    expect(
      loadStandard(write('a.yml', 'name: A\nclassification: { tagKey: dc, tiers: [x] }\nunknownAs: warning\n'))
        .unknownAs,
    ).toBe('warning');
    const json = write(
      'b.json',
      JSON.stringify({ $schema: '../standard.schema.json', ...minimal, ownerTagKey: 'team' }),
    );
    const standard = loadStandard(json);
    expect(standard.ownerTagKey).toBe('team');
    expect(standard).not.toHaveProperty('$schema');
  });

  test('an object (typed TypeScript standard) loads and is not mutated', () => {
    const input = { ...minimal };
    const standard = loadStandard(input);
    expect(standard.rules).toEqual({});
    expect(input).not.toHaveProperty('rules');
  });
});

describe('errors', () => {
  test('fails on a missing file with E_STANDARD_NOT_FOUND naming the file', () => {
    const missing = path.join(__dirname, 'nope.json');
    const error = errorOf(() => loadStandard(missing));
    expect(error.code).toBe('E_STANDARD_NOT_FOUND');
    expect(error.file).toBe(missing);
    expect(error.message).toContain('nope.json');
  });

  test('fails on an unsupported extension with E_STANDARD_FORMAT', () => {
    const error = errorOf(() => loadStandard(write('s.toml', 'name = "x"')));
    expect(error.code).toBe('E_STANDARD_FORMAT');
    expect(error.message).toContain('".toml"');
    expect(error.fix).toMatch(/\.json, \.yaml or \.yml/);
  });

  test('fails on broken JSON and YAML with E_STANDARD_PARSE and the position', () => {
    const json = errorOf(() => loadStandard(write('bad.json', '{ "name": "x", }')));
    expect(json.code).toBe('E_STANDARD_PARSE');
    expect(json.message).toMatch(/not valid JSON/);
    const yaml = errorOf(() => loadStandard(write('bad.yaml', 'name: x\nclassification:\n  tiers: [a\n')));
    expect(yaml.code).toBe('E_STANDARD_PARSE');
    expect(yaml.message).toMatch(/not valid YAML.*line \d+/);
  });

  test('fails on a source that is neither path nor object with E_STANDARD_SOURCE', () => {
    expect(errorOf(() => loadStandard(42 as unknown as string)).code).toBe('E_STANDARD_SOURCE');
  });

  test('fails on a wrong enum value, naming the path, the value and the allowed values', () => {
    const error = errorOf(() => loadStandard({ ...minimal, unknownAs: 'maybe' }));
    expect(error.code).toBe('E_STANDARD_INVALID');
    expect(error.path).toBe('unknownAs');
    expect(error.message).toContain('unknownAs: received "maybe"; allowed: one of "rule-severity", "warning".');
  });

  test('fails on a wrong type and a missing required field', () => {
    const error = errorOf(() => loadStandard({ classification: { tiers: 'public' } }));
    expect(error.message).toContain('name: is required but missing.');
    expect(error.message).toContain('classification.tiers: received "public"; allowed: a value of type array.');
  });

  test('fails on a rule option out of range at the full tier path, from the rule schema', () => {
    const file = write(
      'range.json',
      JSON.stringify({
        ...minimal,
        tiers: { secret: { rules: { 'test-throttling': { options: { maxRateLimit: 50000 } } } } },
      }),
    );
    const error = errorOf(() => resolveStandard(file, testRules));
    expect(error.file).toBe(file);
    expect(error.path).toBe('tiers.secret.rules.test-throttling.options.maxRateLimit');
    expect(error.message).toContain(
      'tiers.secret.rules.test-throttling.options.maxRateLimit: received 50000; allowed: a number <= 10000.',
    );
  });

  test('fails on a bad option in the top-level rules and on an option the rule does not have', () => {
    const error = errorOf(() =>
      resolveStandard(
        { ...minimal, rules: { 'test-throttling': { options: { mode: 'off', burst: 3 } } } } as never,
        testRules,
      ),
    );
    expect(error.message).toContain(
      'rules.test-throttling.options.mode: received "off"; allowed: one of "strict", "lenient".',
    );
    expect(error.message).toContain(
      'rules.test-throttling.options.burst: unknown property "burst"; allowed properties: maxRateLimit, mode.',
    );
  });

  test('fails on options for a rule without options', () => {
    const error = errorOf(() =>
      resolveStandard({ ...minimal, rules: { 'test-tracing': { options: { x: 1 } } } } as never, testRules),
    );
    expect(error.message).toContain('rules.test-tracing.options.x: unknown property "x"; none is allowed here.');
  });

  test('fails on an unknown rule id, naming the nearest id only (not all of them)', () => {
    const error = errorOf(() =>
      resolveStandard({ ...minimal, tiers: { open: { rules: { 'test-throtling': {} } } } } as never, testRules),
    );
    expect(error.path).toBe('tiers.open.rules.test-throtling');
    expect(error.message).toContain(
      `unknown rule id "test-throtling"; the nearest rule id is "test-throttling" (\`api-guardrails rules\` lists all ${testRules.length}).`,
    );
    expect(error.message).not.toContain('execution-logging');
  });

  test('fails on a tier that is not in classification.tiers', () => {
    const error = errorOf(() => loadStandard({ ...minimal, tiers: { restricted: {} } }));
    expect(error.message).toContain(
      'tiers.restricted: tier "restricted" is not declared in classification.tiers; declared tiers: open, secret.',
    );
  });

  test('fails with every problem collected in one error', () => {
    const error = errorOf(() =>
      resolveStandard(
        {
          name: '',
          classification: { tiers: ['a', 'a'] },
          rules: { nope: {}, 'test-tracing': { severity: 'critical' } },
          extra: true,
        } as never,
        testRules,
      ),
    );
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['name', 'classification.tiers', 'rules.nope', 'rules.test-tracing.severity', 'extra']),
    );
    expect(error.message).toMatch(/has [5-9] problems/);
    expect(error.message).toContain(
      'classification.tiers: received ["a","a"]; allowed: unique items (items 0 and 1 are equal).',
    );
    expect(error.message).toContain('extra: unknown property "extra"');
  });

  test('fails on a rule whose options schema is not valid JSON Schema with E_RULE_OPTIONS_SCHEMA', () => {
    const broken: AnyRule = {
      ...throttling,
      id: 'broken',
      options: { schema: { type: 'object', properties: { a: { type: 'nonsense' } } }, defaults: {} },
    };
    expect(errorOf(() => resolveStandard(minimal as never, [broken])).code).toBe('E_RULE_OPTIONS_SCHEMA');
  });
});
