import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './helpers';

const root = join(__dirname, '..', '..');

describe('api-guardrails rules <id>', () => {
  it("prints the rule's generated docs page", async () => {
    const result = await run(['rules', 'stage-waf'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(root, 'docs', 'rules', 'stage-waf.md'), 'utf8'));
  });

  it('shows the subject, API kinds, structured fix and docs path as JSON', async () => {
    const result = await run(['rules', 'tracing', '--format', 'json'], { cwd: root });
    const [rule] = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rule).toMatchObject({
      appliesTo: { subject: 'stage', apiKinds: ['rest'] },
      fixFor: { sam: '`TracingEnabled: true` on AWS::Serverless::Api.' },
      docs: 'docs/rules/tracing.md',
    });
    expect(rule.fix).toMatch(/^CDK: .* CloudFormation: /);
  });

  it('lists the AWS Config rule with the peer ids, and the control mappings, as JSON', async () => {
    const result = await run(['rules', 'stage-waf', '--format', 'json'], { cwd: root });
    const [rule] = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rule.references).toMatchObject({ securityHub: 'APIGateway.4', awsConfig: 'api-gw-associated-with-waf' });
    expect(rule.controls).toEqual({ nist80053: ['AC-4(21)', 'SC-7', 'SI-4'], pciDss4: ['6.4.2'] });
  });

  it('leaves AWS Config out for a rule no Config rule matches (none is invented)', async () => {
    const result = await run(['rules', 'cors-origins', '--format', 'json'], { cwd: root });
    const [rule] = JSON.parse(result.stdout) as { references: Record<string, string> }[];
    expect(rule.references.awsConfig).toBeUndefined();
  });

  it('lists each rule with the web address of its docs page, not a path inside the package', async () => {
    const result = await run(['rules'], { cwd: root });
    expect(result.code).toBe(0);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(result.stdout).toContain(
      `https://github.com/cdk-api-guardrails/cdk-api-guardrails/blob/v${version}/docs/rules/stage-waf.md`,
    );
    expect(result.stdout).not.toMatch(/ · docs\/rules\//);
  });

  it('fails with E_RULE_UNKNOWN for an id no rule has', async () => {
    const result = await run(['rules', 'no-such-rule'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/E_RULE_UNKNOWN: no rule has the id "no-such-rule"/);
  });

  it('names the nearest rule id for a mistyped one, keeping the code, the value received and the fix', async () => {
    const result = await run(['rules', 'stage-wafs'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'api-guardrails: error E_RULE_UNKNOWN: no rule has the id "stage-wafs". Did you mean "stage-waf"? Run `api-guardrails rules` to list them.\n',
    );
  });

  it('suggests no id when none is close', async () => {
    const result = await run(['rules', 'no-such-rule'], { cwd: root });
    expect(result.stderr).not.toContain('Did you mean');
    expect(result.stderr).toContain('Run `api-guardrails rules` to list them.');
  });
});
