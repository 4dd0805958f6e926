import { fromAws } from '../../lib/audit/from-aws';
import { evaluate } from '../../lib/engine/evaluate';
import { ResolvedStandard, type Standard } from '../../lib/standard';
import { isUnresolved } from '../../lib/model/value';
import passwordPolicy from '../../policies/rules/user-pool-password-policy';
import threatProtection from '../../policies/rules/user-pool-threat-protection';
import { startFakeAws } from './fake-aws/server';
import { accountFixture, ACCOUNT, REGION } from './fixtures';
import { testClients } from './helpers';

const POOL_ID = `${REGION}_abc`;
const STANDARD: Standard = {
  name: 'test',
  classification: { tagKey: 'data-classification', tiers: ['public', 'internal', 'confidential', 'restricted'] },
  ownerTagKey: 'owner',
  unknownAs: 'rule-severity',
  rules: {},
  tiers: {},
};

/** The user pools of an audit of the account fixture, whose orders API has a Cognito authorizer on POOL_ID. */
async function auditPools(pools: Record<string, Record<string, unknown>> | undefined) {
  const state = accountFixture();
  if (pools) state.userPools = pools;
  const fake = await startFakeAws(state);
  const clients = testClients(fake.endpoint);
  try {
    const inventory = await fromAws({ clients, progress: false });
    const findings = evaluate(inventory, {
      standard: new ResolvedStandard(STANDARD, [passwordPolicy, threatProtection]),
    }).findings;
    return { inventory, findings, requests: fake.requests };
  } finally {
    clients.destroy();
    await fake.close();
  }
}

describe('audit: Cognito user pools that authorizers name (DescribeUserPool on the loopback fake)', () => {
  it('reads the pool and fails its weak settings, as from a template', async () => {
    const { inventory, findings, requests } = await auditPools({
      [POOL_ID]: {
        Id: POOL_ID,
        Name: 'partners',
        Arn: `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${POOL_ID}`,
        Policies: { PasswordPolicy: { MinimumLength: 6, RequireLowercase: true } },
        MfaConfiguration: 'OFF',
        UserPoolTier: 'ESSENTIALS',
      },
    });
    expect(requests.filter((r) => r.service === 'cognito').map((r) => r.body?.UserPoolId)).toEqual([POOL_ID]);
    const [pool] = inventory.userPools;
    expect([pool.id, pool.external, pool.mfa, pool.featurePlan]).toEqual([POOL_ID, false, 'OFF', 'ESSENTIALS']);
    expect(pool.usedBy.map((u) => u.apiId)).toEqual(['ord3rs']);
    const failed = findings.filter((f) => f.status === 'fail').map((f) => [f.ruleId, f.resource.source.arn]);
    expect(failed).toEqual([
      ['user-pool-password-policy', `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${POOL_ID}`],
      ['user-pool-threat-protection', `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${POOL_ID}`],
    ]);
  });

  it('fails as unknown, naming why, when the named pool does not exist', async () => {
    const { inventory, findings } = await auditPools(undefined);
    const [pool] = inventory.userPools;
    expect(pool.external).toBe(true);
    expect(isUnresolved(pool.mfa) && pool.mfa.because).toMatch(/does not exist/);
    expect(findings.filter((f) => f.ruleId.startsWith('user-pool-')).map((f) => f.status)).toEqual([
      'unknown',
      'unknown',
    ]);
  });
});
