import { ONE_LINE_ERROR, restTemplate, run, TempDir } from './helpers';

/** Every bad input exits 2 with exactly one line `api-guardrails: error E_xxx: ...` and no stack trace. */
describe('api-guardrails bad input', () => {
  const dir = new TempDir();
  afterAll(() => dir.cleanup());

  beforeAll(() => {
    dir.write('good.json', restTemplate('ERROR'));
    dir.write('broken.json', '{ "Resources": { "Api": ');
    dir.write('broken.yaml', 'Resources:\n  Api:\n    Type: [unclosed\n');
    dir.write('not-cfn.json', { name: 'some-package', version: '1.0.0' });
    dir.write('notes.txt', 'hello');
    dir.mkdir('empty');
    dir.write('only-config/package.json', { name: 'x' });
    dir.write('bad-standard.json', {
      name: 'mine',
      classification: { tagKey: 'x', tiers: [] },
      rules: { 'no-such-rule': {} },
    });
    dir.write('standard.yaml', 'name: [unclosed\n');
  });

  const cases: [string, string[], string, RegExp][] = [
    ['fails on a missing path', ['check', 'nope.json'], 'E_PATH_NOT_FOUND', /"nope\.json" does not exist/],
    [
      'fails on an empty directory',
      ['check', 'empty'],
      'E_NO_TEMPLATES',
      /directory "empty" contains no template files/,
    ],
    [
      'fails on a directory without any CloudFormation template',
      ['check', 'only-config'],
      'E_NO_TEMPLATES',
      /"only-config" holds 1 JSON\/YAML file but no CloudFormation template/,
    ],
    ['fails on malformed JSON', ['check', 'broken.json'], 'E_TEMPLATE_PARSE', /broken\.json/],
    ['fails on malformed YAML', ['check', 'broken.yaml'], 'E_TEMPLATE_PARSE', /broken\.yaml/],
    ['fails on a file that is not CloudFormation', ['check', 'not-cfn.json'], 'E_NOT_CLOUDFORMATION', /not-cfn\.json/],
    [
      'fails on a file with another extension',
      ['check', 'notes.txt'],
      'E_UNSUPPORTED_FILE',
      /"notes\.txt" has extension "\.txt"/,
    ],
    [
      'fails on a standard file that does not parse',
      ['check', 'good.json', '--standard', 'standard.yaml'],
      'E_STANDARD_',
      /standard\.yaml/,
    ],
    [
      'fails on a missing standard file',
      ['check', 'good.json', '--standard', 'absent.json'],
      'E_STANDARD_',
      /absent\.json/,
    ],
    [
      'fails on an unknown flag',
      ['check', 'good.json', '--bogus'],
      'E_USAGE_UNKNOWN_OPTION',
      /unknown option '--bogus'.*api-guardrails check --help/,
    ],
    [
      'fails on an unknown format',
      ['check', 'good.json', '--format', 'xml'],
      'E_USAGE_INVALID_VALUE',
      /'xml' is invalid.*text, json, sarif, junit, markdown/,
    ],
    [
      'fails on an unknown fail-on value',
      ['check', 'good.json', '--fail-on', 'sometimes'],
      'E_USAGE_INVALID_VALUE',
      /'sometimes' is invalid.*error, warning, never/,
    ],
    [
      'fails on an option without its value',
      ['check', 'good.json', '--format'],
      'E_USAGE_MISSING_OPTION_VALUE',
      /--format/,
    ],
    ['fails on check without paths', ['check'], 'E_USAGE_MISSING_ARGUMENT', /missing required argument 'paths'/],
    ['fails on an unknown command', ['chek', 'good.json'], 'E_USAGE_UNKNOWN_COMMAND', /unknown command 'chek'.*check/],
    ['fails on an unknown rules format', ['rules', '--format', 'sarif'], 'E_USAGE_INVALID_VALUE', /'sarif' is invalid/],
    [
      'fails on extra arguments to rules',
      ['rules', 'stage-waf', 'extra'],
      'E_USAGE_TOO_MANY_ARGUMENTS',
      /too many arguments/,
    ],
  ];

  it.each(cases)('%s', async (_name, argv, code, detail) => {
    const result = await run(argv, { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(ONE_LINE_ERROR);
    expect(result.stderr).toContain(`error ${code}`);
    expect(result.stderr).toMatch(detail);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails (exit 2) a template that looks like CloudFormation but does not parse, even inside a directory, and still reports the others', async () => {
    const nested = new TempDir();
    try {
      nested.write('templates/ok.json', restTemplate('ERROR'));
      nested.write('templates/api.yaml', 'Resources:\n  Api: [unclosed\n');
      const result = await run(['check', 'templates'], { cwd: nested.path });
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/templates\/api\.yaml could not be evaluated: E_TEMPLATE_PARSE/);
      expect(result.stdout).toContain('templates/ok.json');
    } finally {
      nested.cleanup();
    }
  });

  it('fails with no command: usage on stderr', async () => {
    const result = await run([], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: api-guardrails/);
  });
});
