import { runScheduledAudit } from '../../lib/constructs/scheduled-audit-handler';
import { resolveStandard } from '../../lib/standard';
import { startFakeAws, type FakeAws } from '../audit/fake-aws/server';
import type { FakeState } from '../audit/fake-aws/state';
import { ACCOUNT, accountFixture, REGION } from '../audit/fixtures';
import { LOOPBACK_CREDENTIALS } from '../audit/helpers';
import { startFakeSecurityHub, type FakeSecurityHub } from './fake-security-hub';

/**
 * The scheduled audit's Lambda code, run in process against a loopback fake of API Gateway (and WAF, Logs)
 * and one of Security Hub's BatchImportFindings, with the real SDK clients.
 */
const standard = resolveStandard();
let hub: FakeSecurityHub;

beforeEach(async () => {
  hub = await startFakeSecurityHub();
});
afterEach(() => hub.close());

async function audit(state: FakeState): Promise<Awaited<ReturnType<typeof runScheduledAudit>>> {
  const fake: FakeAws = await startFakeAws(state);
  try {
    return await runScheduledAudit({
      standard,
      accountId: ACCOUNT,
      region: REGION,
      endpoint: fake.endpoint,
      securityHubEndpoint: hub.endpoint,
      credentials: LOOPBACK_CREDENTIALS,
      maxAttempts: 2,
      retryBaseDelayMs: 5,
      now: new Date('2026-12-06T12:00:00Z'),
    });
  } finally {
    await fake.close();
  }
}

const legacyMethodFinding = (hubState: FakeSecurityHub): Record<string, unknown> | undefined =>
  [...hubState.findings.values()].find(
    (f) =>
      (f.GeneratorId as string) === 'api-guardrails/rest-method-authorization' &&
      String(f.Description).includes('legacy') &&
      String(f.Description).includes('GET /items'),
  );

it('fails the open legacy method into Security Hub as an ACTIVE, FAILED finding of the account, in batches of at most 100', async () => {
  const result = await audit(accountFixture());
  expect(result.failedToImport).toEqual([]);
  expect(result.apis).toBe(4);
  expect(result.sent).toBe(hub.findings.size);
  expect(hub.batches.every((n) => n <= 100)).toBe(true);
  expect(hub.batches.reduce((a, b) => a + b, 0)).toBe(result.sent);
  const finding = legacyMethodFinding(hub);
  expect(finding).toMatchObject({
    SchemaVersion: '2018-10-08',
    ProductArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:product/${ACCOUNT}/default`,
    AwsAccountId: ACCOUNT,
    RecordState: 'ACTIVE',
    Compliance: { Status: 'FAILED' },
    Severity: { Label: 'HIGH' },
  });
  expect(result.active).toBeGreaterThan(0);
});

it('updates the same finding on the next run and archives it once the method is fixed', async () => {
  await audit(accountFixture());
  const before = legacyMethodFinding(hub);
  expect(before?.RecordState).toBe('ACTIVE');
  const fixed = accountFixture();
  const legacy = fixed.restApis.find((a) => a.api.id === 'l3gacy');
  const method = (legacy?.resources[1].resourceMethods as Record<string, Record<string, unknown>>).GET;
  method.authorizationType = 'AWS_IAM';
  const countBefore = hub.findings.size;
  await audit(fixed);
  const after = hub.findings.get(before?.Id as string);
  expect(after).toMatchObject({ RecordState: 'ARCHIVED', Compliance: { Status: 'PASSED' } });
  expect(hub.findings.size).toBe(countBefore);
});

it('fails the run with the rejected findings listed when Security Hub rejects some', async () => {
  await audit(accountFixture());
  const id = legacyMethodFinding(hub)?.Id as string;
  hub.reject.add(id);
  const result = await audit(accountFixture());
  expect(result.failedToImport).toEqual([{ id, error: 'AccessDeniedException rejected by the test' }]);
});
