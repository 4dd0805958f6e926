import { fromAws } from '../../lib/audit/from-aws';
import { evaluate } from '../../lib/engine/evaluate';
import { ResolvedStandard, type Standard } from '../../lib/standard';
import { isUnresolved } from '../../lib/model/value';
import userPoolMfa from '../../policies/rules/user-pool-mfa';
import { startFakeAws, type Fault } from './fake-aws/server';
import type { Wire } from './fake-aws/state';
import { accountFixture, ACCOUNT, REGION } from './fixtures';
import { testClients } from './helpers';

const POOL_ID = `${REGION}_abc`;
const STANDARD: Standard = {
  name: 'test',
  classification: { tagKey: 'data-classification', tiers: ['public', 'internal', 'confidential', 'restricted'] },
  ownerTagKey: 'owner',
  unknownAs: 'rule-severity',
  rules: { 'user-pool-mfa': { options: { allowSms: false } } },
  tiers: {},
};
const SMS = {
  SmsAuthenticationMessage: 'Your code is {####}',
  SmsConfiguration: { SnsCallerArn: `arn:aws:iam::${ACCOUNT}:role/sms`, ExternalId: 'x', SnsRegion: REGION },
};

/** Audit the account fixture, whose orders API names POOL_ID, with the pool's MFA mode and GetUserPoolMfaConfig. */
async function audit(mode: string, mfaConfig: Wire | undefined, faults: Fault[] = []) {
  const state = accountFixture();
  state.userPools = { [POOL_ID]: { Id: POOL_ID, Name: 'partners', MfaConfiguration: mode } };
  if (mfaConfig) state.userPoolMfa = { [POOL_ID]: mfaConfig };
  const fake = await startFakeAws(state, { faults });
  const clients = testClients(fake.endpoint, 1);
  try {
    const inventory = await fromAws({ clients, progress: false });
    const findings = evaluate(inventory, { standard: new ResolvedStandard(STANDARD, [userPoolMfa]) }).findings;
    const mfaCalls = fake.requests.filter((r) => r.operation === 'GetUserPoolMfaConfig');
    return { pool: inventory.userPools[0], findings, mfaCalls };
  } finally {
    clients.destroy();
    await fake.close();
  }
}

describe('audit: the second factors of user pools (GetUserPoolMfaConfig on the loopback fake)', () => {
  it('passes a pool with MFA on and only TOTP enabled where SMS is not allowed', async () => {
    const { pool, findings, mfaCalls } = await audit('ON', {
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(mfaCalls.map((r) => r.body?.UserPoolId)).toEqual([POOL_ID]);
    expect(pool.enabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(findings.map((f) => f.status)).toEqual(['pass']);
  });

  it('fails a pool that has SMS configured as a second factor', async () => {
    const { pool, findings } = await audit('ON', {
      MfaConfiguration: 'ON',
      SmsMfaConfiguration: SMS,
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(pool.enabledMfas).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expect(findings.map((f) => [f.status, f.message])).toEqual([['fail', expect.stringMatching(/allows SMS/)]]);
  });

  it('fails a pool with MFA on whose TOTP is disabled (no factor pinned)', async () => {
    const { pool, findings } = await audit('ON', {
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: false },
    });
    expect(pool.enabledMfas).toEqual([]);
    expect(findings.map((f) => f.status)).toEqual(['fail']);
  });

  it('does not read the factors of a pool whose MFA is off (it fails on the mode)', async () => {
    const { findings, mfaCalls } = await audit('OFF', undefined);
    expect(mfaCalls).toEqual([]);
    expect(findings.map((f) => [f.status, f.message])).toEqual([['fail', expect.stringMatching(/MFA is off/)]]);
  });

  it('is unknown, naming the call and the IAM action, when GetUserPoolMfaConfig is denied', async () => {
    const { pool, findings } = await audit('ON', undefined, [
      { service: 'cognito', operation: 'GetUserPoolMfaConfig', kind: 'deny' },
    ]);
    expect(isUnresolved(pool.enabledMfas)).toBe(true);
    expect(findings.map((f) => f.status)).toEqual(['unknown']);
    expect(findings[0].message).toMatch(
      /GetUserPoolMfaConfig denied \(needs IAM action cognito-idp:GetUserPoolMfaConfig\)/,
    );
  });
});
