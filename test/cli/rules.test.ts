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

  it('fails with E_RULE_UNKNOWN for an id no rule has', async () => {
    const result = await run(['rules', 'no-such-rule'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/E_RULE_UNKNOWN: no rule has the id "no-such-rule"/);
  });
});
