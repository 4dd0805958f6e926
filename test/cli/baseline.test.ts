import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { acknowledgeRisk } from '../../lib/adapters/acknowledge-risk';
import { restTemplate, run, TempDir } from './helpers';

describe('api-guardrails baseline and check --baseline', () => {
  let dir: TempDir;
  beforeEach(() => (dir = new TempDir()));
  afterEach(() => dir.cleanup());

  it('accepts the findings present at adoption and blocks only a new one, reporting fixed ones', async () => {
    dir.write('t/orders.template.json', restTemplate());
    const written = await run(['baseline', 't', '--output', 'base.json'], { cwd: dir.path });
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(/baseline of \d+ finding\(s\) .* written to base.json/);
    const baseline = JSON.parse(readFileSync(join(dir.path, 'base.json'), 'utf8')) as {
      findings: { ruleId: string }[];
    };
    expect(baseline.findings.map((f) => f.ruleId)).toContain('execution-logging');

    const unchanged = await run(['check', 't', '--baseline', 'base.json', '--format', 'json'], { cwd: dir.path });
    expect(unchanged.code).toBe(0);

    dir.write('t/payments.template.json', restTemplate());
    const grown = await run(['check', 't', '--baseline', 'base.json', '--format', 'json'], { cwd: dir.path });
    expect(grown.code).toBe(1);
    const report = JSON.parse(grown.stdout) as {
      findings: { ruleId: string; status: string; resource: { templatePath?: string } }[];
    };
    const failing = report.findings.filter((f) => f.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    expect(JSON.stringify(failing)).toMatch(/payments/);
    expect(JSON.stringify(failing)).not.toMatch(/orders\.template/);

    const traced = restTemplate() as { Resources: { Stage: { Properties: Record<string, unknown> } } };
    traced.Resources.Stage.Properties.TracingEnabled = true;
    dir.write('t/orders.template.json', traced);
    const fixed = await run(['check', 't/orders.template.json', '--baseline', 'base.json'], { cwd: dir.path });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/BASELINE.*fixed/s);
  });

  it.each([
    ['missing.json', /E_BASELINE_NOT_FOUND: baseline file "missing.json" does not exist/],
    ['bad.json', /E_BASELINE_PARSE/],
    ['other.json', /E_BASELINE_INVALID/],
  ])('fails with exit 2 and one line for a bad baseline %s', async (file, pattern) => {
    dir.write('t.template.json', restTemplate());
    dir.write('bad.json', '{ nope');
    dir.write('other.json', { hello: 1 });
    const result = await run(['check', 't.template.json', '--baseline', file], { cwd: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
  });
});

describe('check on a cdk.out honours the app acknowledgements', () => {
  it('reports CDK and risk acknowledgements as acknowledged, with ticket and expiry', async () => {
    const dir = new TempDir();
    try {
      const app = new App({ outdir: join(dir.path, 'cdk.out') });
      const stack = new Stack(app, 'Orders');
      const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
      api.root.addMethod('GET', new apigw.MockIntegration());
      Validations.of(api).acknowledge({ id: 'ApiGuardrails::tracing', reason: 'tracing is sampled at the edge' });
      acknowledgeRisk(api, {
        ruleId: 'stage-waf',
        reason: 'behind CloudFront',
        ticket: 'SEC-7',
        expires: '2999-12-31',
      });
      app.synth();
      const result = await run(['check', 'cdk.out', '--format', 'json'], { cwd: dir.path });
      const findings = (
        JSON.parse(result.stdout) as {
          findings: { ruleId: string; status: string; acknowledgement?: { ticket?: string } }[];
        }
      ).findings;
      expect(findings.filter((f) => f.ruleId === 'tracing').map((f) => f.status)).toEqual(['acknowledged']);
      const waf = findings.filter((f) => f.ruleId === 'stage-waf');
      expect(waf.map((f) => [f.status, f.acknowledgement?.ticket])).toEqual([['acknowledged', 'SEC-7']]);
      expect(findings.filter((f) => f.ruleId === 'execution-logging').map((f) => f.status)).toEqual(['fail']);
    } finally {
      dir.cleanup();
    }
  });
});
