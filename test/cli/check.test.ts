import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JsonReport } from '../../lib/reporters/json';
import { allRules } from '../../policies/rules';
import { corpusFolder, describeWithCorpus } from '../helpers/corpus';
import { BUCKET_TEMPLATE, restTemplate, run, TempDir } from './helpers';

const ESC = String.fromCharCode(27);

describe('api-guardrails check', () => {
  const dir = new TempDir();
  afterAll(() => dir.cleanup());

  beforeAll(() => {
    dir.write('api/no-logging.json', restTemplate());
    dir.write(
      'api/logging.yaml',
      `Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: shop\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      StageName: prod\n      MethodSettings:\n        - ResourcePath: /*\n          HttpMethod: '*'\n          LoggingLevel: ERROR\n`,
    );
    dir.write('bucket.template', BUCKET_TEMPLATE);
    dir.write('mixed/package.json', { name: 'not-a-template' });
    dir.write('mixed/.github/workflow.yml', 'on: push\n');
    dir.write('mixed/stack.json', restTemplate('INFO'));
    dir.write(
      'sam.yaml',
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      Name: no-stage\n',
    );
    for (let i = 0; i < 12; i++) dir.write(`many/t${String(i).padStart(2, '0')}.json`, BUCKET_TEMPLATE);
    // Only execution-logging on: lets a run pass with findings.
    const rules = Object.fromEntries(allRules.map((r) => [r.id, { enabled: r.id === 'execution-logging' }]));
    dir.write('only-logging.json', {
      name: 'only logging',
      classification: { tagKey: 'data-classification', tiers: ['internal', 'restricted'] },
      rules,
      tiers: {},
    });
  });

  const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

  it('fails (exit 1) a template with a blocking finding and names rule, resource and file', async () => {
    const result = await run(['check', 'api/no-logging.json'], { cwd: dir.path });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✖ execution-logging {2}1 failing {2}\(error\)$/m);
    expect(result.stdout).toContain('[api/no-logging.json › Stage]');
    expect(result.stdout).toMatch(/✖ FAILED: \d+ blocking finding/);
  });

  it('exits 0 when no finding is blocking: no API at all, or --fail-on never', async () => {
    expect((await run(['check', 'bucket.template'], { cwd: dir.path })).code).toBe(0);
    const never = await run(['check', 'api/no-logging.json', '--fail-on', 'never'], { cwd: dir.path });
    expect(never.code).toBe(0);
    expect(never.stdout).toContain('✔ PASSED at fail-on never');
  });

  it('exits 0 under a standard whose only rule passes, and 1 under it when the rule fails', async () => {
    const pass = await run(['check', 'api/logging.yaml', '--standard', 'only-logging.json', '--format', 'json'], {
      cwd: dir.path,
    });
    expect(pass.code).toBe(0);
    const report = json(pass.stdout);
    expect(report.standard.name).toBe('only logging');
    expect(report.findings.map((f) => [f.ruleId, f.status])).toEqual([['execution-logging', 'pass']]);
    const fail = await run(['check', 'api/no-logging.json', '--standard', 'only-logging.json'], { cwd: dir.path });
    expect(fail.code).toBe(1);
  });

  it('reads a directory recursively and skips files that are not CloudFormation, saying so', async () => {
    const result = await run(['check', 'mixed', '--format', 'json'], { cwd: dir.path });
    const report = json(result.stdout);
    expect(report.inputs.map((i) => i.path)).toEqual(['mixed/stack.json']);
    expect(report.notices).toEqual([
      expect.objectContaining({
        code: 'SKIPPED_NOT_CLOUDFORMATION',
        message: expect.stringContaining('mixed/package.json'),
      }),
    ]);
    expect(result.stderr).toContain('notice SKIPPED_NOT_CLOUDFORMATION');
  });

  it('reads several paths into one report, each file once', async () => {
    const result = await run(['check', 'api', 'api/no-logging.json', 'bucket.template', '--format', 'json'], {
      cwd: dir.path,
    });
    expect(json(result.stdout).inputs.map((i) => i.path)).toEqual([
      'api/logging.yaml',
      'api/no-logging.json',
      'bucket.template',
    ]);
    expect(json(result.stdout).inventory.apis.total).toBe(2);
  });

  it('prints notices clearly: in the text report, and on stderr for other formats', async () => {
    const text = await run(['check', 'sam.yaml'], { cwd: dir.path });
    expect(text.stdout).toMatch(/Notices\n {2}✖ SAM_INVALID sam\.yaml: /);
    expect(text.code).toBe(1);
    const sarif = await run(['check', 'sam.yaml', '--format', 'sarif'], { cwd: dir.path });
    expect(sarif.stderr).toMatch(/^api-guardrails: notice SAM_INVALID \(error\) sam\.yaml: /m);
    expect(JSON.parse(sarif.stdout).version).toBe('2.1.0');
  });

  it('writes --output to a file (creating folders) and prints the result line on stderr', async () => {
    const result = await run(['check', 'api/no-logging.json', '--format', 'sarif', '--output', 'reports/out.sarif'], {
      cwd: dir.path,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^api-guardrails: FAILED, \d+ blocking at fail-on error .*sarif report written to reports\/out\.sarif\n$/,
    );
    const sarif = JSON.parse(readFileSync(join(dir.path, 'reports/out.sarif'), 'utf8'));
    const stage = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'execution-logging');
    expect(stage.locations[0].physicalLocation.artifactLocation.uri).toBe('api/no-logging.json');
    // The region is the line of the Stage resource in the template.
    const lines = readFileSync(join(dir.path, 'api/no-logging.json'), 'utf8').split('\n');
    expect(stage.locations[0].physicalLocation.region.startLine).toBe(
      lines.findIndex((l) => l.startsWith('    "Stage": {')) + 1,
    );
  });

  it('fails with E_OUTPUT_WRITE when the output cannot be written', async () => {
    const result = await run(['check', 'bucket.template', '--output', 'bucket.template/x.txt'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^api-guardrails: error E_OUTPUT_WRITE: cannot write the report to "bucket\.template\/x\.txt"/,
    );
  });

  it('renders every format', async () => {
    for (const format of ['text', 'json', 'sarif', 'junit', 'markdown']) {
      const result = await run(['check', 'api/no-logging.json', '--format', format], { cwd: dir.path });
      expect([format, result.code]).toEqual([format, 1]);
      expect(result.stdout.length).toBeGreaterThan(100);
    }
  });

  it('uses colours and a progress line only on a TTY, and no colours with NO_COLOR', async () => {
    const plain = await run(['check', 'many'], { cwd: dir.path });
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stderr).toBe('');
    const tty = await run(['check', 'many'], { cwd: dir.path, isTTY: true });
    expect(tty.stdout).toContain(`${ESC}[`);
    expect(tty.stderr).toContain('[1/12] reading many/t00.json');
    const noColor = await run(['check', 'many'], { cwd: dir.path, isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain(ESC);
    const few = await run(['check', 'api'], { cwd: dir.path, isTTY: true });
    expect(few.stderr).toBe('');
  });
});

describe('api-guardrails rules, help and version', () => {
  const cwd = process.cwd();

  it('lists every rule with its metadata as text', async () => {
    const result = await run(['rules'], { cwd });
    expect(result.code).toBe(0);
    for (const rule of allRules) expect(result.stdout).toContain(rule.id);
    expect(result.stdout).toMatch(
      /^execution-logging {2}error · per stage · REST, WebSocket\n {2}REST and WebSocket stages write execution logs\n/m,
    );
    // Lines fit 100 columns (the width when stdout is not a terminal); a web address is never broken.
    const long = result.stdout.split('\n').filter((line) => line.length > 100);
    expect(long.every((line) => /^ {2}https:\/\/\S+$/.test(line))).toBe(true);
  });

  it('lists every rule as JSON', async () => {
    const result = await run(['rules', '--format', 'json'], { cwd });
    const rules = JSON.parse(result.stdout) as { id: string; owasp: string[]; fix: string }[];
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    expect(rules.find((r) => r.id === 'execution-logging')).toMatchObject({
      owasp: ['API8:2023', 'API9:2023'],
      fix: expect.stringContaining('MethodSettings'),
    });
  });

  it('prints help and version on stdout with exit 0', async () => {
    const help = await run(['--help'], { cwd });
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/check \[options\] <paths\.\.\.>/);
    const checkHelp = await run(['help', 'check'], { cwd });
    expect(checkHelp.code).toBe(0);
    expect(checkHelp.stdout).toContain('--fail-on <severity>');
    const version = await run(['--version'], { cwd });
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});

describeWithCorpus('api-guardrails check on the shared corpus', () => {
  it('reads all 72 templates without an input error and fails on their findings', async () => {
    const corpus = corpusFolder('templates');
    const result = await run(['check', corpus, '--format', 'json'], { cwd: process.cwd() });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.inputs).toHaveLength(72);
    expect(report.notices.filter((n) => n.code === 'SAM_INVALID').length).toBeGreaterThan(0);
    expect(report.summary.blocking).toBeGreaterThan(0);
  });
});
