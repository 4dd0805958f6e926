import { evaluateAudit } from '../../lib/audit/evaluate-audit';
import { fromAws } from '../../lib/audit/from-aws';
import { evaluate } from '../../lib/engine/evaluate';
import type { Inventory } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';
import { resolveStandard } from '../../lib/standard';
import { startFakeAws, type FakeOptions } from './fake-aws/server';
import { accountFixture } from './fixtures';
import { testClients } from './helpers';

async function auditWith(
  options: FakeOptions,
  maxAttempts = 4,
): Promise<{ inventory: Inventory; requests: number; maxInFlight: number }> {
  const fake = await startFakeAws(accountFixture(), options);
  const clients = testClients(fake.endpoint, maxAttempts);
  try {
    const inventory = await fromAws({ clients, progress: false, concurrency: 3 });
    return { inventory, requests: fake.requests.length, maxInFlight: fake.maxInFlight() };
  } finally {
    clients.destroy();
    await fake.close();
  }
}

/** Inventory without anything that depends on timing, for comparing runs. */
function shape(inventory: Inventory): string {
  return JSON.stringify(inventory);
}

describe('audit under throttling, server errors and denied calls', () => {
  let baseline: { inventory: Inventory; requests: number; maxInFlight: number };
  beforeAll(async () => {
    baseline = await auditWith({ latencyMs: 5 });
  });

  it('keeps at most `concurrency` requests in flight', () => {
    expect(baseline.maxInFlight).toBeLessThanOrEqual(3);
    expect(baseline.maxInFlight).toBeGreaterThan(1);
  });

  it('retries throttled (429) calls through the SDK retry strategy and gets the same inventory', async () => {
    const throttled = await auditWith({
      faults: [
        { service: 'apigateway', operation: 'GetStages', kind: 'throttle', times: 3 },
        { operation: 'GetWebACL', kind: 'throttle', times: 1 },
      ],
    });
    expect(shape(throttled.inventory)).toEqual(shape(baseline.inventory));
    expect(throttled.requests).toBe(baseline.requests + 4);
  });

  it('retries 5xx answers and gets the same inventory', async () => {
    const flaky = await auditWith({
      faults: [
        { service: 'apigatewayv2', operation: 'GetRoutes', kind: 'server-error', times: 2 },
        { operation: 'DescribeLogGroups', kind: 'server-error', times: 1 },
      ],
    });
    expect(shape(flaky.inventory)).toEqual(shape(baseline.inventory));
  });

  it('fails a call that stays unavailable after maxAttempts: the fields it feeds are unknown, the rest is audited', async () => {
    const { inventory, requests } = await auditWith(
      { faults: [{ service: 'apigateway', operation: 'GetAccount', kind: 'server-error' }] },
      3,
    );
    expect(isUnresolved(inventory.account?.cloudWatchRoleArn)).toBe(true);
    expect(JSON.stringify(inventory.account?.cloudWatchRoleArn)).toMatch(
      /GetAccount failed \(ServiceUnavailableException, 3 attempts\)/,
    );
    expect(requests).toBe(baseline.requests + 2);
    expect(inventory.apis).toHaveLength(4);
  });

  it('fails GetStages with AccessDenied: every stage control of that API is unknown once, other APIs are audited', async () => {
    const { inventory } = await auditWith({
      faults: [{ service: 'apigateway', operation: 'GetStages', kind: 'deny', contains: '/restapis/ord3rs/' }],
    });
    const orders = inventory.apis.find((a) => a.id === 'ord3rs');
    expect(orders?.stages).toHaveLength(1);
    expect(orders?.stages[0].name).toEqual({
      unresolved: true,
      because: expect.stringMatching(
        /^GetStages denied \(needs IAM action apigateway:GET\): User: .* is not authorized/,
      ),
    });
    // Named by the controls it leaves unknown, not also by a notice and a not-evaluable finding.
    expect(inventory.notices).toEqual([]);
    expect(inventory.apis.find((a) => a.id === 'l3gacy')?.stages).toHaveLength(1);
    const { findings } = evaluateAudit(inventory, { standard: resolveStandard() });
    const denied = findings.filter((f) => f.message.includes('GetStages denied'));
    expect(denied.every((f) => f.status === 'unknown' && f.resource.apiId === 'ord3rs')).toBe(true);
    expect(denied.every((f) => f.fix.startsWith('Allow apigateway:GET for GetStages to the auditing role'))).toBe(true);
    const rules = denied.map((f) => f.ruleId);
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules).toEqual(
      expect.arrayContaining(['execution-logging', 'stage-access-logging', 'stage-throttling', 'stage-waf', 'tracing']),
    );
    // required-tags cannot pass on stage tags it never read.
    expect(denied.find((f) => f.ruleId === 'required-tags')?.message).toMatch(
      /^The tags of the API's stages are unknown: they could not be read \(GetStages denied/,
    );
    expect(findings.filter((f) => f.ruleId === 'not-evaluable')).toEqual([]);
  });

  it('fails GetWebACL with AccessDenied: WAF rules give unknown naming the call', async () => {
    const { inventory } = await auditWith({ faults: [{ operation: 'GetWebACL', kind: 'deny' }] });
    const prod = inventory.apis.find((a) => a.id === 'ord3rs')?.stages.find((s) => s.name === 'prod');
    expect(prod?.waf?.webAcl).toEqual({
      unresolved: true,
      because: expect.stringMatching(/^GetWebACL denied \(needs IAM action wafv2:GetWebACL\): /),
    });
    const { findings } = evaluate(inventory, { standard: resolveStandard() });
    const waf = findings.filter(
      (f) => ['waf-rules', 'waf-logging'].includes(f.ruleId) && f.resource.label === 'orders (rest API) › stage prod',
    );
    expect(waf.map((f) => f.status)).toEqual(['unknown', 'unknown']);
    expect(waf.every((f) => f.message.includes('GetWebACL denied'))).toBe(true);
  });

  it('fails GetResources with AccessDenied: operations are unresolved with the call named', async () => {
    const { inventory } = await auditWith({
      faults: [{ service: 'apigateway', operation: 'GetResources', kind: 'deny' }],
    });
    for (const api of inventory.apis.filter((a) => a.kind === 'rest')) {
      expect(api.operationsUnresolved).toMatch(/^GetResources denied \(needs IAM action apigateway:GET\): /);
      expect(api.operations).toEqual([]);
    }
  });

  it('fails the listing itself (GetApis denied): REST APIs are still audited and the gap is an error notice', async () => {
    const { inventory } = await auditWith({
      faults: [{ service: 'apigatewayv2', operation: 'GetApis', kind: 'deny' }],
    });
    expect(inventory.apis.map((a) => a.kind)).toEqual(['rest', 'rest']);
    expect(inventory.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/^HTTP and WebSocket APIs \(GetApis\) could not be listed: GetApis denied/),
    ]);
    const { findings } = evaluate(inventory, { standard: resolveStandard() });
    expect(findings.filter((f) => f.ruleId === 'not-evaluable').map((f) => f.status)).toEqual(['unknown']);
  });

  it('fails GetGatewayResponses and GetUsagePlans with AccessDenied: unknown, never "none configured"', async () => {
    const { inventory } = await auditWith({
      faults: [
        { operation: 'GetGatewayResponses', kind: 'deny' },
        { operation: 'GetUsagePlans', kind: 'deny' },
      ],
    });
    const { findings } = evaluate(inventory, { standard: resolveStandard() });
    const of = (rule: string, label: string): string[] =>
      findings.filter((f) => f.ruleId === rule && f.resource.label === label).map((f) => `${f.status}: ${f.message}`);
    expect(of('gateway-responses', 'orders (rest API)')).toEqual([
      expect.stringMatching(/^unknown: .*GetGatewayResponses denied/),
    ]);
    // POST /orders requires an API key: whether a plan covers the stage cannot be known.
    expect(of('usage-plan-limits', 'orders (rest API) › stage prod')).toEqual([expect.stringMatching(/^unknown: /)]);
    expect(findings.filter((f) => f.status === 'fail' && /usage plan|gateway response/i.test(f.message))).toEqual([]);
  });

  it('fails DescribeLogGroups with AccessDenied: retention rules are unknown naming the call', async () => {
    const { inventory } = await auditWith({ faults: [{ operation: 'DescribeLogGroups', kind: 'deny' }] });
    const prod = inventory.apis.find((a) => a.id === 'ord3rs')?.stages.find((s) => s.name === 'prod');
    expect(prod?.accessLog?.logGroup).toEqual({
      unresolved: true,
      because: expect.stringMatching(/^DescribeLogGroups denied \(needs IAM action logs:DescribeLogGroups\): /),
    });
  });
});
