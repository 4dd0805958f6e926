import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The package as a user gets it: `npm pack` (which builds through `prepack`), the tarball extracted into
 * a temporary CDK app whose peers and dependencies are the repository's own (symlinked, no network),
 * then a plain-JS app synthesized with the plugin, the exported subpaths resolved and the installed CLI run.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

let work: string;
let app: string;
let files: string[];

function node(args: string[], cwd = app): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, CDK_OUTDIR: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_offline: 'true', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  // npm prints the prepack script's output before the JSON array.
  const packed = JSON.parse(out.slice(out.indexOf('\n[') + 1)) as { filename: string; files: { path: string }[] }[];
  files = packed[0].files.map((f) => f.path);

  app = path.join(work, 'app');
  const installed = path.join(app, 'node_modules', pkg.name);
  fs.mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(work, packed[0].filename), '-C', installed, '--strip-components=1']);
  // Peers and dependencies from the repository (their own dependencies resolve from there through the symlink).
  const scoped = new Set<string>();
  for (const dep of [...Object.keys(pkg.peerDependencies), ...Object.keys(pkg.dependencies)]) {
    const link = path.join(app, 'node_modules', dep);
    if (dep.startsWith('@')) scoped.add(path.dirname(link));
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', dep), link, 'dir');
  }
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'tmp-cdk-app', private: true }));
  fs.writeFileSync(
    path.join(app, 'app.js'),
    [
      "const { App, Stack, Tags, Validations } = require('aws-cdk-lib');",
      "const { MockIntegration, RestApi } = require('aws-cdk-lib/aws-apigateway');",
      "const { ApiGuardrails } = require('cdk-api-guardrails');",
      "const app = new App({ outdir: 'cdk.out' });",
      'Validations.of(app).addPlugins(new ApiGuardrails({ summary: false }));',
      "const api = new RestApi(new Stack(app, 'Shop'), 'Orders');",
      "Tags.of(api).add('data-classification', 'public');",
      "api.root.addMethod('GET', new MockIntegration());",
      'try {',
      '  app.synth();',
      "  console.log('SYNTH PASSED');",
      '} catch (error) {',
      "  console.log('SYNTH FAILED: ' + error.message.split('\\n').filter((l) => /ApiGuardrails/.test(l)).length);",
      '}',
    ].join('\n'),
  );
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  test('ships the built code, its declarations, the schema, the shipped standard and the licence', () => {
    for (const file of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/lib/index.js',
      'dist/lib/index.d.ts',
      'dist/lib/cli/index.js',
      'dist/lib/reporters/index.js',
      'dist/lib/standard/index.js',
      'dist/policies/standard.schema.json',
      'dist/policies/standards/default.json',
      pkg.bin['api-guardrails'],
    ]) {
      expect(files).toContain(file);
    }
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
  });

  test('fails to ship sources, tests or source maps', () => {
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('test/') || f.endsWith('.map'))).toEqual([]);
    // The docs generator only makes the repository's rule pages; the pages themselves ship.
    expect(files.filter((f) => f.startsWith('dist/policies/docs/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('docs/rules/')).length).toBeGreaterThan(0);
  });
});

describe('the installed package', () => {
  test('resolves the package root, ./cli, ./reporters, the schema, the shipped standard and package.json', () => {
    const script = [
      "for (const id of ['cdk-api-guardrails', 'cdk-api-guardrails/cli', 'cdk-api-guardrails/reporters',",
      "  'cdk-api-guardrails/standard.schema.json', 'cdk-api-guardrails/standards/default.json', 'cdk-api-guardrails/package.json'])",
      "  console.log(require('path').relative(process.cwd(), require.resolve(id)));",
      "console.log(typeof require('cdk-api-guardrails/cli').main, require('cdk-api-guardrails/standards/default.json').name);",
    ].join('\n');
    const result = node(['-e', script]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual([
      'node_modules/cdk-api-guardrails/dist/lib/index.js',
      'node_modules/cdk-api-guardrails/dist/lib/cli/index.js',
      'node_modules/cdk-api-guardrails/dist/lib/reporters/index.js',
      'node_modules/cdk-api-guardrails/dist/policies/standard.schema.json',
      'node_modules/cdk-api-guardrails/dist/policies/standards/default.json',
      'node_modules/cdk-api-guardrails/package.json',
      'function cdk-api-guardrails default',
    ]);
  });

  test('fails to resolve a path the exports map does not expose', () => {
    const result = node(['-e', "require.resolve('cdk-api-guardrails/dist/lib/engine/evaluate.js')"]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  test('synthesizes a CDK app with the plugin: a plain RestApi fails the shipped standard at synth', () => {
    const result = node(['app.js']);
    // CDK prints the violations itself (on stderr), each naming our plugin and the app's source line.
    expect(result.stderr).toMatch(/app\.js:\d+:\d+\n\s*ERROR REST methods require authorization: .*\(ApiGuardrails\)/);
    expect(result.stderr).not.toMatch(/Cannot find module|E_INTERNAL/);
    expect(result.stdout).toMatch(/^SYNTH FAILED: [1-9]\d*$/m);
    const report = JSON.parse(fs.readFileSync(path.join(app, 'cdk.out', 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string; violations: unknown[] }[];
    };
    const ours = report.pluginReports.find((r) => r.pluginName === 'ApiGuardrails');
    expect(ours?.conclusion).toBe('failure');
    expect(ours?.violations.length).toBeGreaterThan(0);
  });

  test('runs the installed CLI: --version, init, then check with the written standard', () => {
    const bin = path.join('node_modules', pkg.name, pkg.bin['api-guardrails']);
    expect(node([bin, '--version']).stdout.trim()).toBe(pkg.version);

    const init = node([bin, 'init']);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('Wrote api-standard.json');
    const written = JSON.parse(fs.readFileSync(path.join(app, 'api-standard.json'), 'utf8')) as { $schema: string };
    expect(written.$schema).toBe('./node_modules/cdk-api-guardrails/dist/policies/standard.schema.json');
    expect(fs.existsSync(path.join(app, written.$schema))).toBe(true);
    expect(node([bin, 'init']).stderr).toContain('E_INIT_EXISTS');

    const check = node([bin, 'check', 'cdk.out', '--standard', 'api-standard.json']);
    expect(check.stderr).not.toContain('E_INTERNAL');
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('API security standard');
  });

  test("writes SARIF and HTML whose rule links are absolute addresses in the project's repository", () => {
    const bin = path.join('node_modules', pkg.name, pkg.bin['api-guardrails']);
    const base = `https://github.com/cdk-api-guardrails/cdk-api-guardrails/blob/v${pkg.version}/docs/rules/`;
    expect(node([bin, 'check', 'cdk.out', '--format', 'sarif', '-o', 'report.sarif']).status).toBe(1);
    const driver = (
      JSON.parse(fs.readFileSync(path.join(app, 'report.sarif'), 'utf8')) as {
        runs: { tool: { driver: { informationUri: string; rules: { id: string; helpUri?: string }[] } } }[];
      }
    ).runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://github.com/cdk-api-guardrails/cdk-api-guardrails#readme');
    expect(driver.rules.map((r) => r.helpUri)).toEqual(driver.rules.map((r) => `${base}${r.id}.md`));

    // Written into cdk.out, a relative docs/rules/ link would resolve inside the assembly.
    expect(node([bin, 'check', 'cdk.out', '--format', 'html', '-o', 'cdk.out/report.html']).status).toBe(1);
    const html = fs.readFileSync(path.join(app, 'cdk.out', 'report.html'), 'utf8');
    expect(html).toContain(`<a href="${base}rest-method-authorization.md">`);
    expect(html).not.toMatch(/href="(?!https:|#)/);
  });
});
