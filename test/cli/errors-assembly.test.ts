import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ONE_LINE_ERROR, restTemplate, run, TempDir } from './helpers';

const stack = (templateFile: string): object => ({
  version: '36.0.0',
  artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile } } },
});

describe('api-guardrails check <cdk.out> with a manifest naming files outside the assembly', () => {
  const dir = new TempDir();
  afterAll(() => dir.cleanup());
  beforeAll(() => {
    // A template outside every assembly below, which a hostile manifest points at.
    dir.write('outside.template.json', restTemplate());
    dir.write('ok/manifest.json', stack('S.template.json'));
    dir.write('ok/S.template.json', restTemplate('ERROR'));
    dir.write('up/manifest.json', stack('../outside.template.json'));
    dir.write('linked/manifest.json', stack('S.template.json'));
    symlinkSync(join(dir.path, 'outside.template.json'), join(dir.path, 'linked', 'S.template.json'));
    dir.write('nested/manifest.json', {
      version: '36.0.0',
      artifacts: { A: { type: 'cdk:cloud-assembly', properties: { directoryName: '../ok' } } },
    });
  });

  it('passes a manifest whose templates are inside the assembly', async () => {
    const result = await run(['check', 'ok', '--fail-on', 'never'], { cwd: dir.path });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it.each([
    ['a relative templateFile that climbs out', 'up', 'names templateFile ../outside.template.json'],
    ['a templateFile that is a link to a file outside', 'linked', 'names templateFile S.template.json'],
    ['a nested assembly directory outside', 'nested', 'names directoryName ../ok'],
  ])('fails %s with one E_CLOUD_ASSEMBLY line and exit 2, without reading it', async (_name, assembly, named) => {
    const result = await run(['check', assembly, '--fail-on', 'never'], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(ONE_LINE_ERROR);
    expect(result.stderr).toContain('E_CLOUD_ASSEMBLY');
    expect(result.stderr).toContain(named);
    expect(result.stderr).toContain('which is outside the cloud assembly');
    expect(result.stdout).toBe('');
  });
});
