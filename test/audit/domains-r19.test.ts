import { fromAws } from '../../lib/audit/from-aws';
import type { Inventory } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';
import { startFakeAws, type FakeAws } from './fake-aws/server';
import { accountFixture } from './fixtures';
import { addDomainFeatures, PRIVATE_DOMAIN } from './fixtures-r19-domains';
import { testClients } from './helpers';

describe('audit of REST API TLS, private domains, truststores and routing rules (loopback fake)', () => {
  let fake: FakeAws;
  let inventory: Inventory;
  beforeAll(async () => {
    fake = await startFakeAws(addDomainFeatures(accountFixture()), { pageSize: 1 });
    const clients = testClients(fake.endpoint);
    try {
      inventory = await fromAws({ clients, progress: false });
    } finally {
      clients.destroy();
    }
  });
  afterAll(() => fake.close());

  it('reads the REST API security policy and endpoint access mode', () => {
    const orders = inventory.apis.find((a) => a.id === 'ord3rs');
    expect(orders).toMatchObject({ securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'STRICT' });
    expect(inventory.apis.find((a) => a.id === 'l3gacy')?.securityPolicy).toBeUndefined();
  });

  it('maps the private domain: policy, its own access association only, truststore version, ownership certificate', () => {
    const domain = inventory.domains.find((d) => d.id === PRIVATE_DOMAIN);
    expect(domain).toMatchObject({
      endpointTypes: ['PRIVATE'],
      mtlsTruststoreVersion: 'v7',
      ownershipVerificationCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/public',
      routingMode: 'ROUTING_RULE_THEN_BASE_PATH_MAPPING',
      accessAssociations: [expect.objectContaining({ sourceType: 'VPCE', sourceId: 'vpce-0abc' })],
    });
    expect(domain?.policy).toMatchObject({ Statement: [expect.objectContaining({ Effect: 'Allow' })] });
    // The audit does not call ACM: who issued the certificate stays unknown.
    expect(isUnresolved(domain?.certificate?.issuer)).toBe(true);
  });

  it('reads routing rules (one per InvokeApi action) and asks with the private domain id', () => {
    const domain = inventory.domains.find((d) => d.id === PRIVATE_DOMAIN);
    expect(domain?.routingRules).toEqual([expect.objectContaining({ priority: 10, apiId: 'ord3rs', stage: 'prod' })]);
    const calls = fake.requests.filter((r) => r.operation === 'ListRoutingRules');
    expect(calls.map((r) => r.path)).toEqual([`/v2/domainnames/${PRIVATE_DOMAIN}/routingrules`]);
    expect(calls[0].query.domainNameId).toBe('abc123');
  });

  it('calls GetDomainNameAccessAssociations once, and ListRoutingRules only for rule-routing domains', () => {
    expect(fake.requests.filter((r) => r.operation === 'GetDomainNameAccessAssociations').length).toBeGreaterThan(0);
    expect(fake.requests.some((r) => r.operation === 'ListRoutingRules' && r.path.includes('api.example.com'))).toBe(
      false,
    );
  });
});
