import { fromAws } from '../../lib/audit/from-aws';
import { evaluate } from '../../lib/engine/evaluate';
import type { Domain } from '../../lib/model/types';
import { mapDistributions } from '../../lib/model/aws/distributions';
import type { AwsSnapshot } from '../../lib/model/aws/snapshot';
import { isUnresolved } from '../../lib/model/value';
import { ResolvedStandard, type Standard } from '../../lib/standard';
import httpApiWaf from '../../policies/rules/http-api-waf';
import type { FakeDistribution } from './fake-aws/cloudfront';
import { startFakeAws, type Fault } from './fake-aws/server';
import {
  CF_API_ID,
  CF_DOMAIN,
  CF_DOMAIN_HOST,
  cloudFrontFixture,
  distribution,
  EXECUTE_API_HOST,
  WEB_ACL_ARN,
} from './fixtures-cloudfront';
import { testClients } from './helpers';

const STANDARD: Standard = {
  name: 'test',
  classification: { tagKey: 'data-classification', tiers: ['public', 'internal', 'confidential', 'restricted'] },
  ownerTagKey: 'owner',
  unknownAs: 'rule-severity',
  rules: {},
  tiers: {},
};

/** Audit the CloudFront fixture on the loopback fake (one distribution per ListDistributions page). */
async function audit(distributions: FakeDistribution[], faults: Fault[] = []) {
  const fake = await startFakeAws(cloudFrontFixture(distributions), { pageSize: 1, faults });
  const clients = testClients(fake.endpoint, 1);
  try {
    const inventory = await fromAws({ clients, progress: false });
    const findings = evaluate(inventory, { standard: new ResolvedStandard(STANDARD, [httpApiWaf]) }).findings;
    const waf = findings.filter((f) => f.ruleId === 'http-api-waf');
    return { inventory, waf, requests: fake.requests };
  } finally {
    clients.destroy();
    await fake.close();
  }
}

describe('audit: CloudFront distributions in front of HTTP APIs (ListDistributions on the loopback fake)', () => {
  it('passes an HTTP API reachable only through a distribution with a web ACL and the origin-verify header', async () => {
    const unrelated: FakeDistribution = {
      id: 'E0THER',
      webAclId: '',
      origins: [{ id: 'site', domainName: 'site.s3.amazonaws.com' }],
    };
    const { inventory, waf, requests } = await audit([
      unrelated,
      distribution('E1EDGE', EXECUTE_API_HOST, WEB_ACL_ARN),
    ]);
    // Both pages were read, following NextMarker.
    const listed = requests.filter((r) => r.service === 'cloudfront');
    expect(listed.map((r) => r.query.Marker)).toEqual([undefined, '1']);
    const edge = inventory.distributions.find((d) => d.id === 'E1EDGE');
    expect(edge?.webAclId).toBe(WEB_ACL_ARN);
    expect(edge?.origins[0]).toMatchObject({ apiId: CF_API_ID, customHeaders: { 'x-origin-verify': 's3cr3t' } });
    expect(waf.map((f) => f.status)).toEqual(['pass']);
  });

  it('passes through the custom domain when the origin is the host API Gateway gave the domain', async () => {
    const { inventory, waf } = await audit([distribution('E2EDGE', CF_DOMAIN_HOST, WEB_ACL_ARN)]);
    expect(inventory.distributions[0].origins[0].domainId).toBe(CF_DOMAIN);
    expect(waf.map((f) => f.status)).toEqual(['pass']);
  });

  it('fails when the distribution in front of the API has no web ACL', async () => {
    const { waf } = await audit([distribution('E3OPEN', EXECUTE_API_HOST, '')]);
    expect(waf.map((f) => f.status)).toEqual(['fail']);
    expect(waf[0].message).toMatch(/E3OPEN, which has no web ACL/);
  });

  it('fails when the origin sends no header the authorizer requires (the API is reachable around CloudFront)', async () => {
    const { waf } = await audit([distribution('E4NOHDR', EXECUTE_API_HOST, WEB_ACL_ARN, false)]);
    expect(waf.map((f) => f.status)).toEqual(['fail']);
    expect(waf[0].message).toMatch(/no origin-verify header/);
  });

  it('fails when no distribution has the API as its origin', async () => {
    const { waf } = await audit([distribution('E5ELSE', 'other.execute-api.eu-west-1.amazonaws.com', WEB_ACL_ARN)]);
    expect(waf.map((f) => f.status)).toEqual(['fail']);
  });

  it('is unknown, naming the call and the IAM action, when ListDistributions is denied', async () => {
    const { inventory, waf } = await audit(
      [distribution('E1EDGE', EXECUTE_API_HOST, WEB_ACL_ARN)],
      [{ service: 'cloudfront', operation: 'ListDistributions', kind: 'deny' }],
    );
    const [standIn] = inventory.distributions;
    expect(isUnresolved(standIn.origins[0].domainName)).toBe(true);
    expect(waf.map((f) => f.status)).toEqual(['unknown']);
    expect(waf[0].message).toMatch(/ListDistributions denied \(needs IAM action cloudfront:ListDistributions\)/);
  });
});

describe('mapDistributions (pure)', () => {
  const base = { region: 'eu-west-1', apiIds: new Set([CF_API_ID]), domains: [] as Domain[] };
  const snapshot = (distributions?: AwsSnapshot['distributions']): AwsSnapshot => ({
    region: 'eu-west-1',
    restApis: { ok: true, value: [] },
    v2Apis: { ok: true, value: [] },
    usagePlans: { ok: true, value: [] },
    restDomains: { ok: true, value: [] },
    v2Domains: { ok: true, value: [] },
    account: { ok: true, value: {} },
    webAcls: {},
    logGroups: {},
    ...(distributions ? { distributions } : {}),
  });
  const summary = (host: string, enabled = true) => ({
    Id: 'E9',
    ARN: 'arn:aws:cloudfront::123456789012:distribution/E9',
    Enabled: enabled,
    WebACLId: '',
    Origins: { Quantity: 1, Items: [{ Id: 'o', DomainName: host }] },
  });

  it('fails to link an execute-api origin of another region or of an API outside the audit', () => {
    const [other] = mapDistributions(
      snapshot({ ok: true, value: [summary(`${CF_API_ID}.execute-api.us-east-1.amazonaws.com`)] as never }),
      base,
    );
    expect(other.origins[0].apiId).toBeUndefined();
    expect(other.webAclId).toBeUndefined();
    const [linked] = mapDistributions(snapshot({ ok: true, value: [summary(EXECUTE_API_HOST)] as never }), base);
    expect(linked.origins[0].apiId).toBe(CF_API_ID);
  });

  it('leaves out a disabled distribution, which serves no requests', () => {
    expect(mapDistributions(snapshot({ ok: true, value: [summary(EXECUTE_API_HOST, false)] as never }), base)).toEqual(
      [],
    );
  });

  it('is one unknown stand-in when the snapshot was made before distributions were read', () => {
    const [standIn] = mapDistributions(snapshot(), base);
    expect(isUnresolved(standIn.origins[0].domainName) && standIn.origins[0].domainName.because).toMatch(
      /were not read/,
    );
  });
});
