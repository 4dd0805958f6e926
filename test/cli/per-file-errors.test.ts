import type { JsonReport } from '../../lib/reporters/json';
import { ONE_LINE_ERROR, restTemplate, run, TempDir } from './helpers';

/** Inputs the builder used to crash on (E_INTERNAL), each next to a good template. */
const HOSTILE: Record<string, string> = {
  'self-alias.yaml': 'Resources:\n  A: &a {Type: AWS::ApiGateway::RestApi, Properties: {Self: *a}}\n',
  'undefined-anchor.yaml': 'Resources:\n  A: {Type: AWS::ApiGateway::RestApi, Properties: {Name: *nope}}\n',
  'deep.json': `{"Resources":{"A":{"Type":"AWS::ApiGateway::RestApi","Properties":{"Body":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}}}`,
  'deep.yaml': `Resources:\n  A:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: ${'['.repeat(5000)}x${']'.repeat(5000)}\n`,
};

/** 1,001 aliases of one scalar: harmless (no expansion), above the yaml library's default alias limit. */
function manyAliases(): string {
  const tags = Array.from({ length: 1001 }, (_, i) => `        - {Key: k${i}, Value: *owner}`).join('\n');
  return `Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: &owner orders\n      Tags:\n${tags}\n`;
}

describe('check: an error in one file is reported on that file, the others are evaluated', () => {
  const dir = new TempDir('apig-per-file-');
  afterAll(() => dir.cleanup());

  beforeAll(() => {
    dir.write('mixed/good.json', restTemplate('ERROR'));
    dir.write('mixed/broken.yaml', 'Resources:\n  A: [unclosed\n');
    for (const [name, text] of Object.entries(HOSTILE)) {
      dir.write(`hostile/${name}`, text);
      dir.write(`one-${name.replace(/\W/g, '-')}/${name}`, text);
    }
    dir.write('hostile/good.json', restTemplate('ERROR'));
    dir.write('aliases/many.yaml', manyAliases());
    dir.write('null-artifact/manifest.json', { version: '36.0.0', artifacts: { S: null } });
    dir.write('null-metadata/manifest.json', {
      version: '36.0.0',
      artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } },
    });
    dir.write('null-metadata/S.template.json', restTemplate('ERROR'));
    dir.write('null-metadata/S.metadata.json', {
      '/S/Api': null,
      '/S/Other': [null, { type: 'aws:cdk:acknowledged-rules' }],
    });
  });

  it('fails the run (exit 2) but still reports the good template and names the broken file with its line', async () => {
    const result = await run(['check', 'mixed', '--format', 'json'], { cwd: dir.path });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.inputs.map((i) => i.path)).toEqual(['mixed/good.json']);
    const notEvaluable = report.findings.filter((f) => f.ruleId === 'not-evaluable');
    expect(notEvaluable).toHaveLength(1);
    expect(notEvaluable[0].resource.templatePath).toBe('mixed/broken.yaml');
    expect(notEvaluable[0].message).toMatch(/^mixed\/broken\.yaml could not be evaluated: E_TEMPLATE_PARSE: .*line 3/);
    expect(report.findings.some((f) => f.ruleId === 'execution-logging' && f.status === 'pass')).toBe(true);
    expect(result.stderr).toMatch(/notice E_TEMPLATE_PARSE \(error\) mixed\/broken\.yaml/);
  });

  it('fails each hostile template with its own error id, never E_INTERNAL, and evaluates the good one', async () => {
    const result = await run(['check', 'hostile', '--format', 'json'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/E_INTERNAL/);
    const report = JSON.parse(result.stdout) as JsonReport;
    const byFile = Object.fromEntries(
      report.findings
        .filter((f) => f.ruleId === 'not-evaluable')
        .map((f) => [f.resource.templatePath, /: (E_[A-Z_]+):/.exec(f.message)?.[1]]),
    );
    expect(byFile).toEqual({
      'hostile/deep.json': 'E_TEMPLATE_TOO_DEEP',
      'hostile/deep.yaml': 'E_TEMPLATE_TOO_DEEP',
      'hostile/self-alias.yaml': 'E_TEMPLATE_CYCLE',
      'hostile/undefined-anchor.yaml': 'E_TEMPLATE_PARSE',
    });
    expect(report.inputs.map((i) => i.path)).toEqual(['hostile/good.json']);
  });

  it.each(Object.keys(HOSTILE))('fails %s alone with one error line naming the file (exit 2)', async (name) => {
    const folder = `one-${name.replace(/\W/g, '-')}`;
    const result = await run(['check', `${folder}/${name}`], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ONE_LINE_ERROR);
    expect(result.stderr).not.toMatch(/E_INTERNAL/);
    expect(result.stderr).toContain(`${folder}/${name}`);
  });

  it('reads a harmless template with 1,001 aliases (more than the yaml library allows by default)', async () => {
    const result = await run(['check', 'aliases', '--format', 'json'], { cwd: dir.path });
    expect(result.stderr).not.toMatch(/error/);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.inputs.map((i) => i.path)).toEqual(['aliases/many.yaml']);
  });

  it('fails a cloud assembly whose manifest lists a null artifact with one line naming the manifest and path', async () => {
    const result = await run(['check', 'null-artifact'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ONE_LINE_ERROR);
    expect(result.stderr).toMatch(
      /E_CLOUD_ASSEMBLY: artifact "S" in .*null-artifact\/manifest\.json is not an object \(got null\) at artifacts\.S/,
    );
  });

  it('ignores null entries in a *.metadata.json and evaluates the stack', async () => {
    const result = await run(['check', 'null-metadata', '--format', 'json'], { cwd: dir.path });
    expect(result.stderr).not.toMatch(/E_INTERNAL/);
    expect(result.code).toBeLessThan(2);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.inputs.map((i) => i.path)).toEqual(['null-metadata/S.template.json']);
  });
});
