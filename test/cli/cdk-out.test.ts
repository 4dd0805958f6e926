import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { Construct } from 'constructs';
import type { JsonReport } from '../../lib/reporters/json';
import { ONE_LINE_ERROR, run, TempDir } from './helpers';

/** A plain RestApi, as an app team writes it without our constructs: one GET on a mock integration. */
class PlainApiStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const api = new apigw.RestApi(this, 'Orders', { restApiName: `${id}-orders` });
    api.root.addMethod('GET', new apigw.MockIntegration());
  }
}

describe('api-guardrails check on a synthesized cdk.out', () => {
  const dir = new TempDir('apig-cdkout-');
  afterAll(() => dir.cleanup());

  beforeAll(() => {
    // As `cdk synth` does: construct paths in metadata; no version reporting.
    const app = new App({
      outdir: join(dir.path, 'cdk.out'),
      analyticsReporting: false,
      context: { 'aws:cdk:enable-path-metadata': true },
    });
    new PlainApiStack(app, 'Shop');
    const prod = new Stage(app, 'Prod');
    new PlainApiStack(prod, 'Billing');
    app.synth();
  });

  it('fails (exit 1) a plain RestApi with execution-logging findings naming the template and logical id', async () => {
    const result = await run(['check', 'cdk.out', '--format', 'json'], { cwd: dir.path });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    const logging = report.findings.filter((f) => f.ruleId === 'execution-logging');
    expect(logging.map((f) => [f.status, f.resource.templatePath, f.resource.stackName])).toEqual(
      expect.arrayContaining([
        ['fail', 'cdk.out/Shop.template.json', 'Shop'],
        ['fail', expect.stringMatching(/^cdk\.out\/assembly-Prod\/ProdBilling[^/]*\.template\.json$/), 'Prod-Billing'],
      ]),
    );
    const shop = logging.find((f) => f.resource.stackName === 'Shop');
    expect(shop?.resource.logicalId).toMatch(/^OrdersDeploymentStageprod/);
    expect(shop?.resource.constructPath).toBe('Shop/Orders/DeploymentStage.prod/Resource');
  });

  it('follows the nested assembly of a CDK Stage and reads each stack once', async () => {
    const result = await run(['check', 'cdk.out', 'cdk.out/Shop.template.json', '--format', 'json'], { cwd: dir.path });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.inputs.map((i) => i.stackName).sort()).toEqual(['Prod-Billing', 'Shop']);
    expect(report.inventory.apis.rest).toBe(2);
  });

  it('finds a cdk.out inside a directory it searches', async () => {
    const result = await run(['check', '.', '--format', 'json'], { cwd: dir.path });
    const report = JSON.parse(result.stdout) as JsonReport;
    // Only the stacks: never asset manifests, tree.json or manifest.json themselves.
    expect(report.inputs.map((i) => i.stackName).sort()).toEqual(['Prod-Billing', 'Shop']);
  });

  it('fails with E_CLOUD_ASSEMBLY when the manifest names a template that is missing', async () => {
    const broken = new TempDir('apig-cdkout-broken-');
    try {
      const manifest = JSON.parse(readFileSync(join(dir.path, 'cdk.out', 'manifest.json'), 'utf8')) as {
        artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
      };
      const stacksOnly = Object.fromEntries(
        Object.entries(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack'),
      );
      broken.write('cdk.out/manifest.json', { ...manifest, artifacts: stacksOnly });
      const result = await run(['check', 'cdk.out'], { cwd: broken.path });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(ONE_LINE_ERROR);
      expect(result.stderr).toMatch(
        /E_CLOUD_ASSEMBLY: stack artifact "Shop" in cdk\.out\/manifest\.json names Shop\.template\.json, which does not exist/,
      );
    } finally {
      broken.cleanup();
    }
  });

  it('fails with E_CLOUD_ASSEMBLY when a nested assembly directory is missing', async () => {
    const broken = new TempDir('apig-cdkout-broken-');
    try {
      broken.write('cdk.out/manifest.json', readFileSync(join(dir.path, 'cdk.out', 'manifest.json'), 'utf8'));
      broken.write('cdk.out/Shop.template.json', readFileSync(join(dir.path, 'cdk.out', 'Shop.template.json'), 'utf8'));
      const result = await run(['check', 'cdk.out'], { cwd: broken.path });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(ONE_LINE_ERROR);
      expect(result.stderr).toContain(
        'E_CLOUD_ASSEMBLY: nested assembly "assembly-Prod" in cdk.out/manifest.json points at a missing directory',
      );
    } finally {
      broken.cleanup();
    }
  });

  it('fails with E_CLOUD_ASSEMBLY when the manifest is not JSON', async () => {
    const broken = new TempDir('apig-cdkout-broken-');
    try {
      broken.write('cdk.out/Shop.template.json', readFileSync(join(dir.path, 'cdk.out', 'Shop.template.json'), 'utf8'));
      writeFileSync(join(broken.path, 'cdk.out', 'manifest.json'), '{ "version": ');
      const result = await run(['check', 'cdk.out'], { cwd: broken.path });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(ONE_LINE_ERROR);
      expect(result.stderr).toContain(
        'E_CLOUD_ASSEMBLY: cannot read the cloud assembly manifest cdk.out/manifest.json',
      );
    } finally {
      broken.cleanup();
    }
  });
});
