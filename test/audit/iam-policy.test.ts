import { fromAws } from '../../lib/audit/from-aws';
import { AUDIT_CALLS, auditIamPolicy, type IamPolicy } from '../../lib/audit/iam-policy';
import { startFakeAws, type RecordedRequest } from './fake-aws/server';
import { ACCOUNT, REGION } from './fixtures';
import { addDomainFeatures } from './fixtures-r19-domains';
import { trafficFixture } from './fixtures-r19-traffic';
import { testClients } from './helpers';
import { withPortals } from './fixtures-portals';

/** IAM wildcard match: '*' any run of characters (including '/' and ':'), '?' one character. */
function iamMatch(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

/** The IAM action and resource AWS authorizes a recorded request against. */
function authorizationOf(request: RecordedRequest): { action: string; resource: string } {
  switch (request.service) {
    case 'apigateway':
      return { action: `apigateway:${request.method}`, resource: `arn:aws:apigateway:${REGION}::${request.path}` };
    case 'apigatewayv2':
      return {
        action: `apigateway:${request.method}`,
        resource: `arn:aws:apigateway:${REGION}::${request.path.replace(/^\/v2/, '')}`,
      };
    case 'wafv2': {
      const body = request.body ?? {};
      const arn =
        typeof body.ResourceArn === 'string'
          ? body.ResourceArn
          : `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/${request.operation === 'GetIPSet' ? 'ipset' : 'webacl'}/${String(body.Name)}/${String(body.Id)}`;
      return { action: `wafv2:${request.operation}`, resource: arn };
    }
    case 'logs':
      return {
        action: `logs:${request.operation}`,
        resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${String(request.body?.logGroupNamePrefix)}`,
      };
    case 'cognito':
      return {
        action: `cognito-idp:${request.operation}`,
        resource: `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${String(request.body?.UserPoolId)}`,
      };
    case 'cloudfront':
      // ListDistributions authorizes against "*" only (no resource-level permission).
      return { action: `cloudfront:${request.operation}`, resource: '*' };
  }
}

function allows(policy: IamPolicy, action: string, resource: string): boolean {
  return policy.Statement.some(
    (s) =>
      s.Effect === 'Allow' &&
      s.Action.some((a) => iamMatch(a, action)) &&
      s.Resource.some((r) => iamMatch(r, resource)),
  );
}

const WRITE =
  /^(apigateway:(POST|PUT|PATCH|DELETE|\*)|wafv2:(Create|Update|Delete|Put|Associate|Disassociate|Tag|Untag)|logs:(Create|Delete|Put|Associate|Disassociate|Tag|Untag)|cognito-idp:(Create|Update|Delete|Admin|Set|Tag|Untag)|cloudfront:(Create|Update|Delete|Tag|Untag))|\*$/;

describe('api-guardrails iam-policy', () => {
  it('covers every request the audit sends (recorded on the loopback fake), for the region and account', async () => {
    // With a private domain in a rule-routing mode and an IP set referenced by a web ACL rule, so the
    // conditional calls (GetDomainNameAccessAssociations, ListRoutingRules, GetIPSet) are sent too, and
    // portals, so ListProductRestEndpointPages is.
    // A user pool with MFA on, so GetUserPoolMfaConfig is sent too.
    const state = addDomainFeatures(withPortals(trafficFixture()));
    state.userPools = { [`${REGION}_abc`]: { Id: `${REGION}_abc`, MfaConfiguration: 'ON' } };
    const fake = await startFakeAws(state, { pageSize: 1 });
    const clients = testClients(fake.endpoint);
    try {
      await fromAws({ clients, progress: false });
    } finally {
      clients.destroy();
      await fake.close();
    }
    const policy = auditIamPolicy({ region: REGION, accountId: ACCOUNT });
    const sent = new Set(fake.requests.map((r) => `${r.service}:${r.operation}`));
    // Every call in the table was exercised, and nothing outside the table was sent.
    expect([...sent].sort()).toEqual([...new Set(AUDIT_CALLS.map((c) => `${c.service}:${c.operation}`))].sort());
    const uncovered = fake.requests
      .map(authorizationOf)
      .filter(({ action, resource }) => !allows(policy, action, resource));
    expect(uncovered).toEqual([]);
  });

  it('grants no write action and no action wildcard', () => {
    const policy = auditIamPolicy();
    const actions = policy.Statement.flatMap((s) => s.Action);
    expect(actions.filter((a) => WRITE.test(a) || a.includes('*'))).toEqual([]);
    expect(actions.sort()).toEqual([
      'apigateway:GET',
      'cloudfront:ListDistributions',
      'cognito-idp:DescribeUserPool',
      'cognito-idp:GetUserPoolMfaConfig',
      'logs:DescribeLogGroups',
      'wafv2:GetIPSet',
      'wafv2:GetLoggingConfiguration',
      'wafv2:GetWebACL',
    ]);
  });

  it('does not grant reading API key values or exports', () => {
    const policy = auditIamPolicy({ region: REGION });
    expect(allows(policy, 'apigateway:GET', `arn:aws:apigateway:${REGION}::/apikeys`)).toBe(false);
    expect(allows(policy, 'apigateway:GET', `arn:aws:apigateway:${REGION}::/apikeys/abc`)).toBe(false);
    expect(
      allows(policy, 'apigateway:GET', `arn:aws:apigateway:${REGION}::/restapis/abc/stages/prod/exports/swagger`),
    ).toBe(false);
  });

  it('fails a malformed region or account id with a stable error id and the fix', () => {
    expect(() => auditIamPolicy({ region: 'Ireland' })).toThrow(
      /E_IAM_POLICY_OPTION: region "Ireland" is not valid\. Pass a region such as eu-west-1/,
    );
    expect(() => auditIamPolicy({ accountId: '1234' })).toThrow(/E_IAM_POLICY_OPTION: account id "1234"/);
  });

  it('fails the recorded-request check when a call is missing from the policy (the check can fail)', () => {
    const policy = auditIamPolicy({ region: REGION, accountId: ACCOUNT });
    const withoutLogs: IamPolicy = {
      ...policy,
      Statement: policy.Statement.filter((s) => !s.Action.includes('logs:DescribeLogGroups')),
    };
    const request: RecordedRequest = {
      service: 'logs',
      operation: 'DescribeLogGroups',
      method: 'POST',
      path: '/',
      query: {},
      body: { logGroupNamePrefix: 'g' },
    };
    const { action, resource } = authorizationOf(request);
    expect(allows(policy, action, resource)).toBe(true);
    expect(allows(withoutLogs, action, resource)).toBe(false);
  });
});
