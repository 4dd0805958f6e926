import { run as runIn } from '../cli/helpers';
import { auditCli, useFakeAws } from './helpers';
import { REGION, SEEDED_STAGE_SECRET, SEEDED_V2_SECRET } from './fixtures';

const run = (args: string[]) => runIn(args, { cwd: process.cwd() });

describe('api-guardrails audit (CLI, against the loopback fake)', () => {
  const fakeAws = useFakeAws();

  it.each(['text', 'json', 'sarif', 'junit', 'markdown'])(
    'prints no stage variable value in the %s report',
    async (format) => {
      const result = await auditCli(fakeAws().endpoint, ['--format', format, '--fail-on', 'never']);
      expect(result.stderr).not.toContain('E_');
      expect(result.code).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(200);
      // The stage-variable rule did look at the variables (it names them) ...
      expect(result.stdout).toContain('apiKeySecret');
      // ... but no output carries a value.
      for (const secret of [SEEDED_STAGE_SECRET, SEEDED_V2_SECRET]) {
        expect(result.stdout).not.toContain(secret);
        expect(result.stderr).not.toContain(secret);
      }
    },
  );

  it('fails (exit 1) on blocking findings and names the audited region in the report', async () => {
    const result = await auditCli(fakeAws().endpoint, ['--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { inputs: { path: string }[] };
    expect(JSON.stringify(report.inputs)).toContain(`aws:123456789012:${REGION}`);
  });

  it('fails with a usage error for a bad --concurrency value', async () => {
    const result = await run(['audit', '--concurrency', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^api-guardrails: error E_USAGE_INVALID_VALUE: .*many/);
  });

  it('fails with a one-line error before any AWS call when --compare holds no template', async () => {
    const fake = fakeAws();
    const before = fake.requests.length;
    const result = await auditCli(fake.endpoint, ['--compare', 'policies/rules']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^api-guardrails: error (E_NO_TEMPLATES|E_COMPARE_EMPTY): /);
    expect(fake.requests.length).toBe(before);
  });

  it.each([
    ['E_AUDIT_NO_CREDENTIALS', ['--region', REGION]],
    ['E_AUDIT_NO_REGION', []],
  ])('fails with %s, in one line and before any AWS call, when the SDK chain has nothing', async (code, extra) => {
    const fake = fakeAws();
    const before = fake.requests.length;
    const kept = { ...process.env };
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
    // No shared files, no instance metadata: the default chain finds nothing, quickly and offline.
    Object.assign(process.env, {
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    try {
      const result = await run(['audit', ...extra, '--endpoint', fake.endpoint]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^api-guardrails: error ${code}: .*(--region|--profile)`));
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(fake.requests.length).toBe(before);
    } finally {
      process.env = kept;
    }
  });

  it('prints the read-only IAM policy', async () => {
    const result = await run(['iam-policy', '--region', REGION, '--account', '123456789012']);
    expect(result.code).toBe(0);
    const policy = JSON.parse(result.stdout) as { Statement: { Action: string[]; Resource: string[] }[] };
    expect(policy.Statement.flatMap((s) => s.Action)).toContain('apigateway:GET');
    expect(policy.Statement.flatMap((s) => s.Resource)).toContain(`arn:aws:apigateway:${REGION}::/restapis`);
  });

  it('fails iam-policy with a bad region as a one-line usage error', async () => {
    const result = await run(['iam-policy', '--region', 'Ireland']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'api-guardrails: error E_IAM_POLICY_OPTION: region "Ireland" is not valid. Pass a region such as eu-west-1, or omit it for all regions\n',
    );
  });
});
