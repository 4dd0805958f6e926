import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `check` with the shipped standard must not load the AWS SDK (~190 ms, only the audit needs it) nor ajv
 * (only a user's standard is validated at run time; the shipped one is validated by the test suite);
 * `check` of JSON templates to JSON loads neither yaml nor fast-xml-parser (~35 ms together), and
 * no check loads aws-cdk-lib: a peer dependency that users checking plain CloudFormation need not install.
 * Measured in a fresh process, where require.cache is the truth.
 */
describe('CLI start-up', () => {
  it('loads neither the AWS SDK, ajv, yaml, fast-xml-parser nor aws-cdk-lib for check of a JSON template', () => {
    const root = join(__dirname, '..', '..');
    const script = `
      const { main } = require('./lib/cli/main');
      const sink = { write: () => true };
      main(['check', 'test/cli/startup-fixture.template.json', '--format', 'json', '--fail-on', 'never'], { stdout: sink, stderr: sink, cwd: process.cwd(), env: {}, isTTY: false })
        .then((code) => {
          const loaded = Object.keys(require.cache);
          const has = (name) => loaded.some((k) => k.split(/[\\\\/]/).join('/').includes('/node_modules/' + name + '/'));
          console.log(JSON.stringify({ code, sdk: loaded.some((k) => k.includes('@aws-sdk')), ajv: has('ajv'), yaml: has('yaml'), junit: has('fast-xml-parser'), cdk: has('aws-cdk-lib') }));
        });`;
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({
      code: 0,
      sdk: false,
      ajv: false,
      yaml: false,
      junit: false,
      cdk: false,
    });
  });
});
