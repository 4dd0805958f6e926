import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { acknowledgeRisk } from '../../lib/adapters/acknowledge-risk';
import { createHookHandler } from '../../lib/hook/handler';
import { embedAcknowledgements } from '../../lib/hook/embed-acknowledgements';
import { resolveStandard } from '../../lib/standard';
import { run } from '../cli/helpers';
import { startPayloadServer, type PayloadServer } from './payload-server';
import { failingTemplate, resourceRequest, stackPayload, stackRequest } from './requests';

/** Acknowledgements made in a CDK app reach the hook through the template (embedAcknowledgements). */
const handler = createHookHandler({ standard: resolveStandard(), payloadTimeoutMs: 20_000 });
let server: PayloadServer;

beforeAll(async () => {
  server = await startPayloadServer();
});
afterAll(() => server.close());

describe('acknowledgements recorded in the template', () => {
  function acknowledgedTemplate(): Record<string, unknown> {
    const app = new App();
    const stack = new Stack(app, 'Orders');
    const template = failingTemplate();
    for (const [id, resource] of Object.entries(template.Resources)) {
      const r = resource as { Type: string; Properties: Record<string, unknown> };
      // Plain CfnResources keep the failing template's shape and get aws:cdk:path metadata.
      const cfn = new CfnResource(stack, id, { type: r.Type, properties: r.Properties });
      cfn.overrideLogicalId(id);
    }
    Validations.of(stack.node.findChild('Api')).acknowledge({
      id: 'ApiGuardrails::endpoint-type',
      reason: 'edge endpoint until the CloudFront migration (SEC-42)',
    });
    embedAcknowledgements(stack);
    return Template.fromStack(stack).toJSON();
  }

  it('does not block for a finding the CDK app acknowledged, and names the reason', async () => {
    const template = acknowledgedTemplate();
    const response = await handler(stackRequest(server.serve(stackPayload(template))));
    expect(response.message).not.toMatch(/BLOCKING \[endpoint-type\]/);
    expect(response.message).toContain('ACKNOWLEDGED [endpoint-type]');
    expect(response.message).toContain('edge endpoint until the CloudFront migration (SEC-42)');
    expect(response.annotations?.find((a) => a.annotationName === 'endpoint-type')?.status).toBe('SKIPPED');
  });

  it('fails for the same template once the acknowledgement metadata is removed', async () => {
    const template = acknowledgedTemplate();
    delete (template as { Metadata?: unknown }).Metadata;
    const response = await handler(stackRequest(server.serve(stackPayload(template))));
    expect(response.message).toMatch(/BLOCKING \[endpoint-type\]/);
  });
});

describe('acknowledgements: the hook and check agree on a synthesized CDK app', () => {
  it('does not block where check on the cdk.out does not, and blocks where it does', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'hook-ack-'));
    try {
      const app = new App({ outdir });
      const stack = new Stack(app, 'Orders');
      for (const [id, resource] of Object.entries(failingTemplate().Resources)) {
        const r = resource as { Type: string; Properties: Record<string, unknown> };
        new CfnResource(stack, id, { type: r.Type, properties: r.Properties }).overrideLogicalId(id);
      }
      Validations.of(stack.node.findChild('Api')).acknowledge({
        id: 'ApiGuardrails::endpoint-type',
        reason: 'edge endpoint until the CloudFront migration (SEC-42)',
      });
      embedAcknowledgements(stack);
      app.synth();
      const cli = await run(['check', outdir, '--format', 'json'], { cwd: outdir });
      const report = JSON.parse(cli.stdout) as { findings: { ruleId: string; status: string }[] };
      const template = readFileSync(join(outdir, 'Orders.template.json'), 'utf8');
      const response = await handler(stackRequest(server.serve(stackPayload(template))));
      const fromCheck = report.findings.filter((f) => f.status !== 'pass').map((f) => `${f.ruleId}|${f.status}`);
      expect(fromCheck).toContain('endpoint-type|acknowledged');
      expect(response.message).toContain('ACKNOWLEDGED [endpoint-type]');
      expect(response.hookStatus).toBe(cli.code === 1 ? 'FAILED' : 'SUCCESS');
      for (const line of fromCheck.filter((k) => k.endsWith('|fail')))
        expect(response.message).toContain(`[${line.split('|')[0]}]`);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('risk acceptances and the request token', () => {
  function riskTemplate(expires: string): Record<string, unknown> {
    const stack = new Stack(new App(), 'Orders');
    for (const [id, resource] of Object.entries(failingTemplate().Resources)) {
      const r = resource as { Type: string; Properties: Record<string, unknown> };
      new CfnResource(stack, id, { type: r.Type, properties: r.Properties }).overrideLogicalId(id);
    }
    acknowledgeRisk(
      stack.node.findChild('Api'),
      { ruleId: 'endpoint-type', reason: 'CloudFront migration pending', ticket: 'SEC-7', expires },
      new Date('2026-12-06T00:00:00Z'),
    );
    embedAcknowledgements(stack);
    return Template.fromStack(stack).toJSON();
  }

  it('honours a risk acceptance that has not expired', async () => {
    const response = await handler(stackRequest(server.serve(stackPayload(riskTemplate('2027-03-31')))));
    expect(response.message).toContain('ACKNOWLEDGED [endpoint-type]');
    expect(response.message).not.toMatch(/BLOCKING \[endpoint-type\]/);
  });

  it('fails on a risk acceptance that expired before synth, saying so', async () => {
    const response = await handler(stackRequest(server.serve(stackPayload(riskTemplate('2026-01-31')))));
    expect(response.message).toMatch(/BLOCKING \[endpoint-type\][^\n]*expired/i);
  });

  it('echoes the token of requests that spell it clientRequesttoken, as the guide’s input shapes do', async () => {
    const { clientRequestToken, ...rest } = resourceRequest('AWS::S3::Bucket', 'Bucket', {});
    const response = await handler({ ...rest, clientRequesttoken: clientRequestToken } as never);
    expect(response.clientRequestToken).toBe(clientRequestToken);
  });
});
