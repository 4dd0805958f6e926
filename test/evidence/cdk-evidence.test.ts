import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';

describe('ApiGuardrails plugin evidence option', () => {
  it('writes the HTML, OSCAL and CSV evidence into cdk.out on synth', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'api-guardrails-evidence-'));
    try {
      const app = new App({ outdir });
      Validations.of(app).addPlugins(
        new ApiGuardrails({ failOn: 'never', summary: false, evidence: ['html', 'oscal', 'csv'] }),
      );
      const stack = new Stack(app, 'Shop');
      const api = new apigw.RestApi(stack, 'Orders', { cloudWatchRole: false });
      api.root.addMethod('GET', new apigw.MockIntegration());
      app.synth();
      const html = readFileSync(join(outdir, 'api-guardrails-report.html'), 'utf8');
      expect(html).toContain('<th scope="row">Orders</th>');
      // Passing checks are listed for the evidence, so the matrix can show "pass".
      expect(html).toContain('class="s-pass"');
      // Opened from cdk.out, a relative docs/rules/ link would point into the assembly: links are absolute.
      expect(html).toMatch(
        /<a href="https:\/\/github\.com\/cdk-api-guardrails\/cdk-api-guardrails\/blob\/v[^"]+\/docs\/rules\/stage-waf\.md">/,
      );
      expect(html).not.toMatch(/href="(?!https:|#)/);
      const oscal = JSON.parse(readFileSync(join(outdir, 'api-guardrails-report.oscal.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(Object.keys(oscal)).toEqual(['assessment-results']);
      expect(readFileSync(join(outdir, 'api-guardrails-inventory.csv'), 'utf8').split('\r\n')[1]).toMatch(
        /^Orders[0-9A-F]{8},Orders,rest,/,
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('writes nothing extra by default', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'api-guardrails-evidence-'));
    try {
      const app = new App({ outdir });
      Validations.of(app).addPlugins(new ApiGuardrails({ failOn: 'never', summary: false }));
      new apigw.RestApi(new Stack(app, 'Shop'), 'Orders', { cloudWatchRole: false }).root.addMethod('GET');
      app.synth();
      expect(existsSync(join(outdir, 'api-guardrails-report.html'))).toBe(false);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('fails with E_EVIDENCE_FORMAT, the value received and the choices, for an unknown format', () => {
    expect(() => new ApiGuardrails({ evidence: ['pdf' as 'html'] })).toThrow(
      /E_EVIDENCE_FORMAT: received evidence format "pdf". Fix: use any of html, oscal, csv/,
    );
  });
});
