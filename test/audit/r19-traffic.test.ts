import { fromAws } from '../../lib/audit/from-aws';
import { evaluate } from '../../lib/engine/evaluate';
import type { Inventory } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';
import { resolveStandard } from '../../lib/standard';
import { startFakeAws, type FakeAws } from './fake-aws/server';
import { IPV4_SET_ARN, trafficFixture } from './fixtures-r19-traffic';
import { testClients } from './helpers';

describe('audit of the 2025 traffic features through the real SDK clients on a loopback fake', () => {
  let fake: FakeAws;
  let inventory: Inventory;

  beforeAll(async () => {
    fake = await startFakeAws(trafficFixture(), { pageSize: 1 });
    inventory = await fromAws({ clients: testClients(fake.endpoint), progress: false });
  });
  afterAll(() => fake.close());

  it('reads the IP address type, the response transfer mode and timeout, and the IP sets rules reference', () => {
    const orders = inventory.apis.find((api) => api.name === 'orders')!;
    expect(orders.ipAddressType).toBe('dualstack');
    const get = orders.operations.find((op) => op.method === 'GET' && op.path === '/orders')!;
    expect(get.integration?.responseTransferMode).toBe('STREAM');
    expect(get.integration?.timeoutMillis).toBe(900000);
    const acl = orders.stages.find((stage) => stage.name === 'prod')?.waf?.webAcl;
    const rules = acl && !isUnresolved(acl) && !isUnresolved(acl.rules) ? acl.rules : [];
    const blocked = rules.find((rule) => rule.name === 'blocked');
    expect(blocked?.ipSets).toEqual([
      expect.objectContaining({ id: IPV4_SET_ARN, name: 'blocked-v4', ipAddressVersion: 'IPV4' }),
    ]);
    expect(fake.requests.some((r) => r.operation === 'GetIPSet')).toBe(true);
  });

  it('fails the deployed API on the dual-stack and streaming rules, as the template route would', () => {
    const { findings } = evaluate(inventory, { standard: resolveStandard() });
    const statuses = (rule: string, label: string): string[] =>
      findings.filter((f) => f.ruleId === rule && f.resource.label.startsWith(label)).map((f) => f.status);
    expect(statuses('dualstack-waf-ip-sets', 'orders (rest API) › stage prod')).toEqual(['fail']);
    // The streaming GET may run 15 minutes; the orders API is internal, whose bound is 10 minutes.
    expect(statuses('streaming-timeout', 'orders (rest API) › GET /orders')).toEqual(['fail']);
    // The dev stage has no web ACL: the streaming method is exposed there without one.
    expect(statuses('streaming-protection', 'orders (rest API) › GET /orders')).toContain('fail');
  });
});
