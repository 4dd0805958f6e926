import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { Finding } from '../../lib/engine/finding';
import { acknowledgeRisk, NOW_CONTEXT_KEY, parseDay } from '../../lib/adapters/acknowledge-risk';
import { AcknowledgementIndex } from '../../lib/adapters/acknowledgement-index';

const TODAY = new Date('2026-11-25T12:00:00Z');
const acceptance = {
  ruleId: 'stage-waf',
  reason: 'only reachable through CloudFront, which has the web ACL',
  ticket: 'SEC-42',
  expires: '2026-12-31',
  approvedBy: 'ciso@example.com',
};

function app(context: Record<string, string> = {}): { app: App; stack: Stack; api: apigw.RestApi } {
  const a = new App({ context });
  const stack = new Stack(a, 'Orders');
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration());
  return { app: a, stack, api };
}

function stageFinding(stack: Stack, api: apigw.RestApi): Finding {
  const cfn = api.deploymentStage.node.defaultChild as apigw.CfnStage;
  return {
    ruleId: 'stage-waf',
    title: 't',
    status: 'fail',
    severity: 'error',
    message: 'Stage has no web ACL.',
    fix: 'f',
    tier: 'restricted',
    resource: {
      kind: 'stage',
      label: 'Api › stage prod',
      source: { logicalId: stack.resolve(cfn.logicalId) as string, templatePath: `/x/${stack.templateFile}` },
    },
  };
}

describe('acknowledgeRisk', () => {
  it('acknowledges the rule before it expires, keeping reason, ticket, expiry and approver for reports', () => {
    const { app: a, stack, api } = app();
    const record = acknowledgeRisk(api, acceptance, TODAY);
    expect(record.expired).toBe(false);
    expect(AcknowledgementIndex.fromTree(a, 'ApiGuardrails').find(stageFinding(stack, api))).toEqual({
      reason: acceptance.reason,
      ticket: 'SEC-42',
      expires: '2026-12-31',
      approvedBy: 'ciso@example.com',
      via: 'cdk',
    });
  });

  it('holds on the expiry day itself and lapses the day after', () => {
    expect(acknowledgeRisk(app().api, acceptance, new Date('2026-12-31T23:00:00Z')).expired).toBe(false);
    expect(acknowledgeRisk(app().api, acceptance, new Date('2027-01-01T00:00:00Z')).expired).toBe(true);
  });

  it('fails to acknowledge once expired: the finding fires again, saying when the acknowledgement expired', () => {
    const { app: a, stack, api } = app({ [NOW_CONTEXT_KEY]: '2027-02-01' });
    expect(acknowledgeRisk(api, acceptance).expired).toBe(true);
    expect(AcknowledgementIndex.fromTree(a, 'ApiGuardrails').find(stageFinding(stack, api))).toEqual({
      expired: true,
      expires: '2026-12-31',
      reason: acceptance.reason,
      ticket: 'SEC-42',
    });
    const cdkAcks = api.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules');
    expect(cdkAcks).toEqual([]);
  });

  it('reads the same acknowledgements back from a synthesized cdk.out as from the construct tree', () => {
    const { app: a, stack, api } = app();
    acknowledgeRisk(api, acceptance, TODAY);
    const templatePath = path.join(a.synth().directory, stack.templateFile);
    const metadata = AcknowledgementIndex.readAssemblyMetadata(templatePath)!;
    const fromFiles = AcknowledgementIndex.fromAssembly(
      [{ templateFile: stack.templateFile, metadata }],
      'ApiGuardrails',
    );
    expect(fromFiles.find(stageFinding(stack, api))).toEqual(
      AcknowledgementIndex.fromTree(a, 'ApiGuardrails').find(stageFinding(stack, api)),
    );
    expect(fromFiles.find({ ...stageFinding(stack, api), ruleId: 'tracing' })).toBeUndefined();
  });

  it.each([
    [{ reason: '' }, /E_ACK_REASON: acknowledgeRisk needs a reason, received ""/],
    [{ ticket: undefined }, /E_ACK_TICKET: .*received undefined/],
    [{ expires: '31/12/2026' }, /E_ACK_EXPIRES: .*received "31\/12\/2026"/],
    [{ expires: '2026-02-30' }, /E_ACK_EXPIRES/],
    [{ ruleId: ' ' }, /E_ACK_RULE/],
  ])('fails with a stable id, the value received and the fix for %j', (bad, pattern) => {
    expect(() => acknowledgeRisk(app().api, { ...acceptance, ...bad } as never, TODAY)).toThrow(pattern);
  });

  it('fails with E_ACK_TODAY on an unparseable fixed date in context', () => {
    expect(() => acknowledgeRisk(app({ [NOW_CONTEXT_KEY]: 'tomorrow' }).api, acceptance)).toThrow(/E_ACK_TODAY/);
  });

  it('parses only real calendar days', () => {
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    expect(parseDay('2027-02-29')).toBeUndefined();
    expect(parseDay('2027-1-5')).toBeUndefined();
  });
});
