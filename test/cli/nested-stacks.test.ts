import { copyFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { JsonReport } from '../../lib/reporters/json';
import { run, TempDir } from './helpers';

/** A nested stack with a plain RestApi whose stage is associated with the parent's web ACL (passed as a parameter). */
class ApisNestedStack extends NestedStack {
  constructor(scope: Construct, id: string, aclArn: string) {
    super(scope, id);
    const api = new apigw.RestApi(this, 'Orders', { restApiName: `${id}-orders` });
    api.root.addMethod('GET', new apigw.MockIntegration());
    new wafv2.CfnWebACLAssociation(this, 'Waf', { resourceArn: api.deploymentStage.stageArn, webAclArn: aclArn });
  }
}

function synthNestedApp(outdir: string): void {
  // As `cdk synth` does: construct paths and asset paths in metadata.
  const app = new App({
    outdir,
    analyticsReporting: false,
    context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true },
  });
  const parent = new Stack(app, 'Shop');
  const acl = new wafv2.CfnWebACL(parent, 'Acl', {
    defaultAction: { allow: {} },
    scope: 'REGIONAL',
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'shop', sampledRequestsEnabled: true },
  });
  new ApisNestedStack(parent, 'Apis', acl.attrArn);
  app.synth();
}

describe('api-guardrails check on a cdk.out with a CDK nested stack', () => {
  const dir = new TempDir('apig-nested-');
  afterAll(() => dir.cleanup());
  beforeAll(() => synthNestedApp(join(dir.path, 'cdk.out')));

  it("evaluates the nested stack's API, with the parameters its parent passes resolved", async () => {
    const result = await run(['check', 'cdk.out', '--format', 'json'], { cwd: dir.path });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.inputs.map((i) => i.stackName)).toEqual(['Shop', expect.stringMatching(/^Shop\/ApisNestedStack/)]);
    expect(report.inputs[1].path).toMatch(/^cdk\.out\/ShopApis[0-9A-F]+\.nested\.template\.json$/);
    expect(report.inventory.apis.rest).toBe(1);
    expect(report.notices.map((n) => n.code)).not.toContain('NESTED_STACK_NOT_EVALUATED');
    // The stage's WAF association names the parent's web ACL through a nested-stack parameter.
    const waf = report.findings.filter((f) => f.ruleId === 'stage-waf');
    expect(waf.map((f) => f.status)).toEqual(['pass']);
    const logging = report.findings.find((f) => f.ruleId === 'execution-logging');
    expect(logging?.resource.constructPath).toBe('Shop/Apis/Orders/DeploymentStage.prod/Resource');
  });

  it('reads a nested template once when a directory search also finds it', async () => {
    const copy = dir.mkdir('copied');
    // The parent renamed so that the search meets the nested template first.
    for (const file of readdirSync(join(dir.path, 'cdk.out')).filter((f) => f.endsWith('.template.json'))) {
      copyFileSync(
        join(dir.path, 'cdk.out', file),
        join(copy, file === 'Shop.template.json' ? 'zz-parent.template.json' : file),
      );
    }
    const result = await run(['check', 'copied', '--format', 'json'], { cwd: dir.path });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.inputs.map((i) => i.stackName)).toEqual([
      undefined,
      expect.stringMatching(/^copied\/zz-parent\.template\.json\/ApisNestedStack/),
    ]);
    expect(report.inventory.apis.rest).toBe(1);
    expect(report.findings.filter((f) => f.ruleId === 'stage-waf').map((f) => f.status)).toEqual(['pass']);
  });

  it('warns NESTED_STACK_NOT_EVALUATED when the nested template is missing', async () => {
    const copy = dir.mkdir('parent-only');
    copyFileSync(join(dir.path, 'cdk.out', 'Shop.template.json'), join(copy, 'Shop.template.json'));
    const result = await run(['check', 'parent-only/Shop.template.json', '--format', 'json'], { cwd: dir.path });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.inventory.apis.total).toBe(0);
    expect(report.notices.map((n) => [n.level, n.code])).toEqual([['warning', 'NESTED_STACK_NOT_EVALUATED']]);
    // Deleting it from the cdk.out itself gives the same warning rather than an error.
    const nested = readdirSync(join(dir.path, 'cdk.out')).find((f) => f.endsWith('.nested.template.json')) as string;
    unlinkSync(join(dir.path, 'cdk.out', nested));
    const fromAssembly = JSON.parse(
      (await run(['check', 'cdk.out', '--format', 'json'], { cwd: dir.path })).stdout,
    ) as JsonReport;
    expect(fromAssembly.notices.map((n) => n.code)).toEqual(['NESTED_STACK_NOT_EVALUATED']);
  });
});
