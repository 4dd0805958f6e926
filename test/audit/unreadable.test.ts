import { evaluateAudit } from '../../lib/audit/evaluate-audit';
import { fromAws } from '../../lib/audit/from-aws';
import type { Finding } from '../../lib/engine/finding';
import { resolveStandard } from '../../lib/standard';
import { startFakeAws, type Fault } from './fake-aws/server';
import { accountFixture } from './fixtures';
import type { RunResult } from '../cli/helpers';
import { auditCli, testClients, withLoopbackCredentials } from './helpers';

/** The audit's findings with `faults` injected (2 attempts per call, so exhausted retries are quick). */
async function findingsWith(faults: Fault[]): Promise<readonly Finding[]> {
  const fake = await startFakeAws(accountFixture(), { faults });
  const clients = testClients(fake.endpoint, 2);
  try {
    const inventory = await fromAws({ clients, progress: false, concurrency: 3 });
    return evaluateAudit(inventory, { standard: resolveStandard() }).findings;
  } finally {
    clients.destroy();
    await fake.close();
  }
}

const about = (findings: readonly Finding[], text: string): Finding[] =>
  findings.filter((f) => f.message.includes(text));

describe('audit: a call a control depends on fails', () => {
  test('fails GetAuthorizers (denied): authorizer-quality is unknown once per API, with the IAM action to grant', async () => {
    const findings = await findingsWith([{ service: 'apigateway', operation: 'GetAuthorizers', kind: 'deny' }]);
    const denied = about(findings, 'GetAuthorizers denied');
    const quality = denied.filter((f) => f.ruleId === 'authorizer-quality');
    expect(quality.map((f) => [f.status, f.resource.apiId])).toEqual([
      ['unknown', 'l3gacy'],
      ['unknown', 'ord3rs'],
    ]);
    expect(quality[0].fix).toMatch(/^Allow apigateway:GET for GetAuthorizers to the auditing role/);
    // The orders API's methods use the authorizer it could not read: unknown, never a pass.
    expect(
      findings.filter((f) => f.resource.apiId === 'ord3rs' && f.ruleId === 'authorizer-quality' && f.status === 'pass'),
    ).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'not-evaluable')).toEqual([]);
  });

  test('fails GetStages of the HTTP and WebSocket APIs: their stage controls and stage tags are unknown', async () => {
    const findings = await findingsWith([{ service: 'apigatewayv2', operation: 'GetStages', kind: 'deny' }]);
    const denied = about(findings, 'GetStages denied');
    expect(denied.every((f) => f.status === 'unknown')).toBe(true);
    const http = denied.filter((f) => f.resource.apiId === 'h77p01').map((f) => f.ruleId);
    expect(http).toEqual(expect.arrayContaining(['stage-access-logging', 'stage-throttling', 'required-tags']));
    expect(new Set(http).size).toBe(http.length);
    // REST stages were read: nothing about them mentions the failure.
    expect(denied.filter((f) => f.resource.apiId === 'ord3rs')).toEqual([]);
  });

  test('fails GetStages by throttling after the retries: worded as throttled, fixed by retrying or lowering --concurrency', async () => {
    const findings = await findingsWith([
      { service: 'apigateway', operation: 'GetStages', kind: 'throttle', contains: '/restapis/l3gacy/' },
    ]);
    const throttled = about(findings, 'GetStages throttled after 2 attempts');
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((f) => f.status === 'unknown' && f.resource.apiId === 'l3gacy')).toBe(true);
    expect(throttled[0].fix).toMatch(/retry later, or lower --concurrency/);
    expect(throttled[0].fix).not.toMatch(/IAM|iam-policy/);
  });

  test('fails GetStages with not found: worded as not found, fixed by checking ids and region, not by permissions', async () => {
    const findings = await findingsWith([
      { service: 'apigateway', operation: 'GetStages', kind: 'not-found', contains: '/restapis/l3gacy/' },
    ]);
    const missing = about(findings, 'GetStages not found');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0].fix).toMatch(/deleted while the audit ran, or an id or --region is wrong/);
    expect(missing[0].fix).not.toMatch(/iam-policy/);
  });
  test('fails GetGatewayResponses, GetUsagePlans and GetIntegrations: named by the unknowns they cause, not by a notice too', async () => {
    const findings = await findingsWith([
      { operation: 'GetGatewayResponses', kind: 'deny' },
      { operation: 'GetUsagePlans', kind: 'deny' },
      { service: 'apigatewayv2', operation: 'GetIntegrations', kind: 'deny' },
    ]);
    for (const call of ['GetGatewayResponses', 'GetIntegrations']) {
      const named = about(findings, `${call} denied`);
      expect(named.length).toBeGreaterThan(0);
      expect(named.every((f) => f.status === 'unknown' && f.ruleId !== 'not-evaluable')).toBe(true);
    }
    // Keyed stages may or may not be in a plan that could not be read: unknown, not "in no usage plan".
    expect(
      findings.filter((f) => f.ruleId === 'usage-plan-limits' && f.resource.apiId === 'ord3rs').map((f) => f.status),
    ).toEqual(['unknown', 'unknown']);
    expect(findings.filter((f) => f.ruleId === 'not-evaluable')).toEqual([]);
  });
});

describe('audit exit codes', () => {
  withLoopbackCredentials();

  async function audit(faults: Fault[], extra: string[]): Promise<RunResult> {
    const fake = await startFakeAws(accountFixture(), { faults });
    try {
      return await auditCli(fake.endpoint, extra);
    } finally {
      await fake.close();
    }
  }

  test('fails with exit 2 under --fail-on never when no API could be listed', async () => {
    const result = await audit(
      [
        { operation: 'GetRestApis', kind: 'deny' },
        { operation: 'GetApis', kind: 'deny' },
      ],
      ['--fail-on', 'never', '--format', 'json'],
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^api-guardrails: error E_AUDIT_READ_NOTHING: the audit could read no API: /m);
    expect(result.stderr).toContain('GetRestApis denied (needs IAM action apigateway:GET)');
    // The report is still written, for the record.
    expect(JSON.parse(result.stdout)).toHaveProperty('findings');
  });

  test('fails with exit 2 when none of the --api-id exists', async () => {
    const result = await audit([], ['--api-id', 'nope123', '--fail-on', 'never']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('E_AUDIT_READ_NOTHING');
    expect(result.stderr).toContain('API nope123 was asked for (--api-id) but does not exist');
  });

  test('passes with exit 0 under --fail-on never when the APIs were read, although some calls failed', async () => {
    const result = await audit([{ operation: 'GetStages', kind: 'deny' }], ['--fail-on', 'never']);
    expect(result.stderr).not.toContain('E_AUDIT_READ_NOTHING');
    expect(result.code).toBe(0);
  });
});
