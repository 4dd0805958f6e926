import * as path from 'path';
import { errorLine } from '../../lib/cli/errors';
import { nearest } from '../../lib/engine/nearest';
import { defaultStandard, loadStandard, ResolvedStandard } from '../../lib/standard';
import { allRules } from '../../policies/rules';
import { errorOf, standardFiles } from './standard-helpers';

const write = standardFiles('standard-refusals-');

const base = { name: 'Acme', classification: { tiers: ['open', 'secret'] } };
const withTier = (rules: Record<string, unknown>): object => ({ ...base, tiers: { secret: { rules } } });

describe('nearest', () => {
  test('names the closest candidate for a typo, case-insensitively', () => {
    expect(nearest('stage-wafs', ['stage-waf', 'waf-rules', 'http-api-waf'])).toBe('stage-waf');
    expect(nearest('WARNING', ['error', 'warning', 'info'])).toBe('warning');
  });

  test('fails to suggest anything when nothing is close or there are no candidates', () => {
    expect(nearest('completely-different', ['stage-waf', 'tracing'])).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
  });
});

describe('the standard refuses what no security standard should hold', () => {
  test('fails on maxRateLimit above the 10,000/s account limit, naming the bound', () => {
    const error = errorOf(() => loadStandard(withTier({ 'stage-throttling': { options: { maxRateLimit: 20000 } } })));
    expect(error.code).toBe('E_STANDARD_INVALID');
    expect(error.issues).toEqual([
      {
        path: 'tiers.secret.rules.stage-throttling.options.maxRateLimit',
        message: expect.stringContaining('received 20000; a cap above the account limit of 10000 requests/s'),
      },
    ]);
    expect(error.message).toContain('the nearest valid value is 10000.');
  });

  test('fails on maxRateLimit .inf in YAML as a non-finite number', () => {
    const file = write(
      'inf.yaml',
      'name: Acme\nclassification: { tiers: [open] }\nrules:\n  stage-throttling: { options: { maxRateLimit: .inf } }\n',
    );
    const error = errorOf(() => loadStandard(file));
    expect(error.message).toContain(
      'rules.stage-throttling.options.maxRateLimit: received Infinity; allowed: a finite number.',
    );
  });

  test('fails on minRateLimit above maxRateLimit, at the place the user set it', () => {
    const error = errorOf(() =>
      loadStandard({ ...base, rules: { 'stage-throttling': { options: { minRateLimit: 900, maxRateLimit: 500 } } } }),
    );
    // Set once at the top level: reported once, not once per tier.
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].path).toBe('rules.stage-throttling.options.minRateLimit');
    expect(error.issues[0].message).toContain('received 900, above maxRateLimit 500');
  });

  test('fails on a maxRateLimit below the default minRateLimit, reported on the value the user set', () => {
    const error = errorOf(() => loadStandard(withTier({ 'stage-throttling': { options: { maxRateLimit: 0.5 } } })));
    expect(error.issues[0].path).toBe('tiers.secret.rules.stage-throttling.options.maxRateLimit');
  });

  test('fails on requiredKeys: [] (a required-tags rule that requires nothing)', () => {
    const error = errorOf(() =>
      loadStandard({ ...base, rules: { 'required-tags': { options: { requiredKeys: [] } } } }),
    );
    expect(error.issues[0]).toEqual({
      path: 'rules.required-tags.options.requiredKeys',
      message: expect.stringContaining('received []; an empty list requires no tag'),
    });
  });

  test('fails on TLS_1_0 in domain-tls allowedPolicies (refused, not warned)', () => {
    const error = errorOf(() =>
      loadStandard(withTier({ 'domain-tls': { options: { allowedPolicies: ['TLS_1_2', 'TLS_1_0'] } } })),
    );
    expect(error.issues[0].path).toBe('tiers.secret.rules.domain-tls.options.allowedPolicies');
    expect(error.issues[0].message).toContain('TLS 1.0 is deprecated (RFC 8996)');
    expect(error.issues[0].message).toContain('the nearest valid value is "TLS_1_2"');
  });

  test('passes sane throttling, tags and TLS settings, and the shipped standard itself', () => {
    const ok = loadStandard(
      withTier({
        'stage-throttling': { options: { maxRateLimit: 10000, maxBurstLimit: 5000, minRateLimit: 10 } },
        'required-tags': { options: { requiredKeys: ['owner'] } },
        'domain-tls': { options: { allowedPolicies: ['TLS_1_2'] } },
      }),
    );
    expect(ok.tiers.secret.rules?.['stage-throttling']?.options).toEqual({
      maxRateLimit: 10000,
      maxBurstLimit: 5000,
      minRateLimit: 10,
    });
    const shipped = path.resolve(__dirname, '..', '..', 'policies', 'standards', 'default.json');
    expect(loadStandard(shipped)).toEqual(defaultStandard());
  });
});

describe('reading a standard file', () => {
  test('fails on a !!js/function tag with one clean line naming the tag and its position', () => {
    const file = write('tag.yaml', 'name: !!js/function "function () { return 1 }"\nclassification: { tiers: [a] }\n');
    const error = errorOf(() => loadStandard(file));
    expect(error.code).toBe('E_STANDARD_PARSE');
    const summary = error.message.split('\n')[0];
    expect(summary).toContain('the tag !!js/function at line 1, column 7 is not allowed');
    expect(error.message.split('\n')).toHaveLength(2);
  });

  test('fails on a duplicate key, naming the path and the line', () => {
    const file = write(
      'dup.yaml',
      [
        'name: Acme',
        'classification: { tiers: [a] }',
        'tiers:',
        '  a:',
        '    rules:',
        '      tracing: {}',
        '      tracing: { enabled: false }',
      ].join('\n'),
    );
    const error = errorOf(() => loadStandard(file));
    expect(error.code).toBe('E_STANDARD_PARSE');
    expect(error.message).toContain('the key "tracing" appears twice in tiers.a.rules (line 7).');
  });

  test('fails on a duplicate key in a JSON standard too (JSON.parse would keep the last silently)', () => {
    const file = write('dup.json', '{ "name": "a", "name": "b", "classification": { "tiers": ["x"] } }');
    expect(errorOf(() => loadStandard(file)).message).toContain('the key "name" appears twice in (root)');
  });

  test('fails cleanly on a standard nested 20,000 deep (YAML and JSON)', () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    for (const [name, text] of [
      ['deep.yaml', `name: ${deep}\n`],
      ['deep.json', `{"name": ${deep}}`],
    ]) {
      const error = errorOf(() => loadStandard(write(name, text)));
      expect(error.code).toBe('E_STANDARD_PARSE');
      expect(error.message.split('\n')[0].length).toBeLessThan(300);
      // Said as the nesting it is, not as the parser's stack overflow.
      expect(error.message).toContain('nested more than 64 levels deep; a standard needs about 7');
      expect(error.message).not.toContain('call stack');
    }
  });

  test('fails on a missing file with a fix that says how to start a standard of ones own', () => {
    const error = errorOf(() => loadStandard(path.join(__dirname, 'nope.yaml')));
    expect(error.code).toBe('E_STANDARD_NOT_FOUND');
    expect(error.fix).toContain('npx api-guardrails init');
    expect(error.fix).not.toContain('policies/');
  });
});

describe('standard error output', () => {
  test('fails with one problem per line in the CLI, control characters from the file neutralised', () => {
    const error = errorOf(() =>
      loadStandard({
        ...base,
        unknownAs: 'warnin',
        rules: { 'stage-wafs': {}, 'tracing\u001b]0;pwned\u0007': {} },
      }),
    );
    const lines = errorLine(error).split('\n');
    expect(lines[0]).toBe('api-guardrails: error E_STANDARD_INVALID: the standard has 3 problems:');
    expect(lines).toContain(
      `  - rules.stage-wafs: unknown rule id "stage-wafs"; the nearest rule id is "stage-waf" (\`api-guardrails rules\` lists all ${allRules.length}).`,
    );
    expect(lines.some((l) => l.includes('unknownAs: received "warnin"; the nearest valid value is "warning"'))).toBe(
      true,
    );
    expect([...lines.join('')].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    expect(lines.join('\n')).toContain('\\u001b]0;pwned\\u0007');
    expect(lines).toContain(
      `  - rules.tracing\\u001b]0;pwned\\u0007: unknown rule id "tracing\\u001b]0;pwned\\u0007"; no rule id is close (\`api-guardrails rules\` lists all ${allRules.length}).`,
    );
    expect(lines[lines.length - 1]).toMatch(/^Fix: /);
    expect(lines.every((l) => l.length < 200)).toBe(true);
  });
});

describe('acknowledgement expiry cap', () => {
  const capped = (policy: object): ResolvedStandard =>
    new ResolvedStandard(loadStandard({ ...base, acknowledgements: policy }), allRules);
  const today = new Date('2026-12-06T12:00:00Z');

  test('passes an acknowledgement that expires within the cap, and any without a cap', () => {
    expect(
      capped({ maxDaysAhead: 90 }).acknowledgementRefusal({ expires: '2027-03-06', via: 'cdk' }, today),
    ).toBeUndefined();
    expect(capped({}).acknowledgementRefusal({ expires: '9999-12-31', via: 'cdk' }, today)).toBeUndefined();
  });

  test('fails an acknowledgement beyond the cap, naming the cap and the latest allowed date', () => {
    expect(capped({ maxDaysAhead: 90 }).acknowledgementRefusal({ expires: '9999-12-31', via: 'cdk' }, today)).toBe(
      "it expires on 9999-12-31, beyond the standard's cap of 90 days ahead (acknowledgements.maxDaysAhead: latest allowed 2027-03-06)",
    );
  });

  test('fails an undated acknowledgement only under requireExpiry; baselines are never refused', () => {
    expect(capped({ maxDaysAhead: 90 }).acknowledgementRefusal({ via: 'cdk' }, today)).toBeUndefined();
    expect(capped({ requireExpiry: true }).acknowledgementRefusal({ via: 'cdk' }, today)).toContain('no expiry date');
    expect(
      capped({ requireExpiry: true, maxDaysAhead: 1 }).acknowledgementRefusal({ via: 'baseline' }, today),
    ).toBeUndefined();
  });

  test('fails a cap that is not a positive whole number of days', () => {
    const error = errorOf(() => loadStandard({ ...base, acknowledgements: { maxDaysAhead: 0 } }));
    expect(error.issues[0]).toEqual({
      path: 'acknowledgements.maxDaysAhead',
      message: 'received 0; allowed: a number >= 1.',
    });
  });
});
