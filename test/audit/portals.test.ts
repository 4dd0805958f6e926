import { fromAws } from '../../lib/audit/from-aws';
import { auditIamPolicy } from '../../lib/audit/iam-policy';
import { evaluate } from '../../lib/engine/evaluate';
import { isUnresolved } from '../../lib/model/value';
import { ResolvedStandard, type Standard } from '../../lib/standard';
import accessControl from '../../policies/rules/portal-access-control';
import publishedApis from '../../policies/rules/portal-published-apis';
import { startFakeAws } from './fake-aws/server';
import type { FakeState } from './fake-aws/state';
import type { Fault } from './fake-aws/types';
import { accountFixture } from './fixtures';
import { portalsFixture, SHARED_PRODUCT_ARN } from './fixtures-portals';
import { testClients } from './helpers';

const allow = (publicPortal: boolean) => ({
  rules: {
    'portal-access-control': { options: { allowPublicPortal: publicPortal } },
    'portal-published-apis': { options: { allowPortal: true } },
  },
});
const STANDARD: Standard = {
  name: 'test',
  classification: { tagKey: 'data-classification', tiers: ['public', 'internal', 'confidential', 'restricted'] },
  ownerTagKey: 'owner',
  unknownAs: 'rule-severity',
  rules: {},
  tiers: { public: allow(true), internal: allow(false) },
};

/** An audit of the state on the loopback fake (pages of one item, so every list call paginates). */
async function auditPortals(state: FakeState, faults: Fault[] = [], apiIds?: string[]) {
  const fake = await startFakeAws(state, { pageSize: 1, faults });
  const clients = testClients(fake.endpoint, 1);
  try {
    const inventory = await fromAws({ clients, progress: false, ...(apiIds ? { apiIds } : {}) });
    const standard = new ResolvedStandard(STANDARD, [accessControl, publishedApis]);
    const findings = evaluate(inventory, { standard }).findings.filter((f) => f.resource.kind === 'portal');
    return { inventory, findings, requests: fake.requests };
  } finally {
    clients.destroy();
    await fake.close();
  }
}

const verdicts = (findings: { ruleId: string; status: string; resource: { label: string } }[]): string[][] =>
  findings.map((f) => [f.resource.label, f.ruleId, f.status]).sort((a, b) => a.join().localeCompare(b.join()));

describe('audit: API Gateway portals (ListPortals, ListPortalProducts, ListProductRestEndpointPages)', () => {
  it('reads every page of portals and products, and only the pages of products a portal includes', async () => {
    const { inventory, requests } = await auditPortals(portalsFixture());
    const calls = (op: string) => requests.filter((r) => r.service === 'apigatewayv2' && r.operation === op);
    expect(calls('ListPortals').length).toBe(2);
    expect(calls('ListPortalProducts').length).toBe(3);
    expect(calls('ListProductRestEndpointPages').map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/v2/portalproducts/ord3rsprod/productrestendpointpages',
        '/v2/portalproducts/l3gacyprod/productrestendpointpages',
      ]),
    );
    expect(calls('ListProductRestEndpointPages').some((r) => r.path.includes('unus3d'))).toBe(false);
    const partners = inventory.portals.find((p) => p.id === 'partn3rs');
    expect(partners?.authorization).toMatchObject({ kind: 'cognito', appClientId: 'client1' });
    expect(partners?.products).toEqual([
      expect.objectContaining({
        name: 'Orders',
        pages: [
          { apiId: 'ord3rs', stage: 'prod', method: 'GET', path: '/orders' },
          { apiId: 'ord3rs', stage: 'prod', method: 'POST', path: '/orders' },
        ],
      }),
    ]);
  });

  it('passes the Cognito portal of an internal API; fails the open portal publishing the untagged API', async () => {
    const { findings } = await auditPortals(portalsFixture());
    expect(verdicts(findings)).toEqual([
      ['portal open', 'portal-access-control', 'fail'],
      ['portal open', 'portal-published-apis', 'fail'],
      ['portal partners', 'portal-access-control', 'pass'],
      ['portal partners', 'portal-published-apis', 'pass'],
    ]);
    const published = findings.find((f) => f.ruleId === 'portal-published-apis' && f.status === 'fail');
    expect(published?.message).toMatch(/l3gacy \(stage prod\).*restricted, does not allow a portal/);
  });

  it('fails as unknown for a product shared from another account, whose pages cannot be read', async () => {
    const state = portalsFixture();
    state.portals = state.portals?.filter((p) => p.portalId === 'op3n');
    state.portals![0].includedPortalProductArns = [SHARED_PRODUCT_ARN];
    const { inventory, findings } = await auditPortals(state);
    const [product] = inventory.portals[0].products as { pages: unknown }[];
    expect(isUnresolved(product.pages) && product.pages.because).toMatch(/shared from another account/);
    expect(verdicts(findings)).toContainEqual(['portal open', 'portal-published-apis', 'unknown']);
  });

  it('fails as unknown, never passes, when ListPortals is denied', async () => {
    const { findings } = await auditPortals(portalsFixture(), [{ operation: 'ListPortals', kind: 'deny' }]);
    expect(findings.map((f) => [f.ruleId, f.status])).toEqual([
      ['portal-access-control', 'unknown'],
      ['portal-published-apis', 'unknown'],
    ]);
    expect(findings[0].message).toMatch(/ListPortals/);
  });

  it('keeps only portals that publish an audited API when --api-id narrows the audit', async () => {
    const { inventory } = await auditPortals(portalsFixture(), [], ['ord3rs']);
    expect(inventory.portals.map((p) => p.id)).toEqual(['partn3rs']);
  });

  it('has no portal in an account without portals, and the IAM policy allows the three read paths', async () => {
    const { inventory } = await auditPortals(accountFixture());
    expect(inventory.portals).toEqual([]);
    const api = auditIamPolicy({ region: 'eu-west-1' }).Statement.find((s) => s.Sid === 'ReadApiGatewayConfiguration');
    expect(api?.Action).toEqual(['apigateway:GET']);
    expect(api?.Resource).toEqual(
      expect.arrayContaining([
        'arn:aws:apigateway:eu-west-1::/portals',
        'arn:aws:apigateway:eu-west-1::/portalproducts',
        'arn:aws:apigateway:eu-west-1::/portalproducts/*/productrestendpointpages',
      ]),
    );
  });
});
