import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { allRules, evaluate, fromTemplates, defaultStandard, ResolvedStandard, type Finding } from '../../lib';
import { benchAppOf, buildBenchStack } from '../../bench/bench-app';
import type { BenchApp } from '../../bench/check-result';

/** Synthesize a workload at size n and run the shipped standard on it, as `api-guardrails check` would. */
function check(workload: BenchApp, n: number): ReturnType<typeof evaluate> {
  const app = new App();
  const stack = buildBenchStack(app, n, workload);
  const template = Template.fromStack(stack).toJSON();
  const inventory = fromTemplates([
    { template, templatePath: `${workload}.template.json`, stackName: stack.stackName },
  ]);
  return evaluate(inventory, { standard: new ResolvedStandard(defaultStandard(), allRules) });
}

const open = (findings: readonly Finding[]): string[] =>
  findings
    .filter((f) => f.status === 'fail' || f.status === 'unknown')
    .map((f) => `${f.status} ${f.severity} ${f.ruleId} on ${f.resource.label}: ${f.message}`);

describe('benchmark workloads (bench-app.ts)', () => {
  test('the compliant app passes the shipped standard: no failing or unknown finding at any severity', () => {
    const { findings, inventory } = check('compliant', 3);
    // Three REST APIs (one per tier it uses), and at i=0 an HTTP and a WebSocket API: every kind is covered.
    expect(inventory.apis.map((a) => a.kind).sort()).toEqual(['http', 'rest', 'rest', 'rest', 'websocket']);
    expect(open(findings)).toEqual([]);
    // Not vacuous: most of the standard ran and passed, including the tier-dependent and WAF rules.
    const passing = new Set(findings.filter((f) => f.status === 'pass').map((f) => f.ruleId));
    for (const id of [
      'access-log-retention',
      'waf-rules',
      'waf-logging',
      'operation-scopes',
      'rest-api-tls',
      'user-pool-password-policy',
      'user-pool-mfa',
      'user-pool-threat-protection',
      'request-validation',
      'v2-route-authorization',
      'http-api-waf',
    ]) {
      expect(passing).toContain(id);
    }
    expect(new Set(findings.map((f) => f.tier))).toEqual(new Set(['restricted', 'confidential', 'public']));
  });

  test('fails the shipped standard with the plain app (issue 7 workload): blocking findings on every stage', () => {
    const { findings } = check('plain', 3);
    const failing = findings.filter((f) => f.status === 'fail' && f.severity === 'error');
    const rules = new Set(failing.map((f) => f.ruleId));
    for (const id of ['stage-access-logging', 'execution-logging', 'stage-throttling', 'waf-rules', 'required-tags'])
      expect(rules).toContain(id);
    expect(failing.filter((f) => f.ruleId === 'stage-access-logging').map((f) => f.resource.label)).toEqual(
      expect.arrayContaining([
        'Api0 (rest API) › stage prod',
        'Api1 (rest API) › stage prod',
        'Api2 (rest API) › stage prod',
      ]),
    );
  });

  test('fails with E_BENCH_APP for an unknown workload name', () => {
    expect(() => benchAppOf('compliantt')).toThrow(/E_BENCH_APP.*"compliantt".*plain, compliant/);
    expect(() => buildBenchStack(new App(), 1, 'nope' as BenchApp)).toThrow(/E_BENCH_APP/);
    expect(benchAppOf(undefined)).toBe('plain');
  });
});
