import { applyBaseline, baselineKey, createBaseline, parseBaseline } from '../../lib/engine/baseline';
import type { Finding } from '../../lib/engine/finding';

function finding(
  ruleId: string,
  logicalId: string,
  status: Finding['status'] = 'fail',
  extra: Partial<Finding> = {},
): Finding {
  return {
    ruleId,
    title: ruleId,
    status,
    severity: 'error',
    message: `${ruleId} on ${logicalId}`,
    fix: 'f',
    tier: 'internal',
    resource: {
      kind: 'stage',
      label: `Api › ${logicalId}`,
      source: { logicalId, templatePath: '/tmp/a/cdk.out/Orders.template.json', stackName: 'Orders' },
    },
    ...extra,
  };
}

describe('baseline', () => {
  const today = [
    finding('stage-waf', 'Stage1'),
    finding('tracing', 'Stage1'),
    finding('tracing', 'Stage2', 'unknown'),
    finding('tracing', 'Stage3', 'pass'),
  ];
  const baseline = createBaseline(today);

  it('records failing and unknown findings only, deterministically', () => {
    expect(baseline.findings.map((e) => [e.ruleId, e.resource])).toEqual([
      ['stage-waf', 'Api › Stage1'],
      ['tracing', 'Api › Stage1'],
      ['tracing', 'Api › Stage2'],
    ]);
    expect(createBaseline([...today].reverse())).toEqual(baseline);
  });

  it('marks what the baseline holds as baselined (after the failing findings) and lets only new findings through', () => {
    const tomorrow = [...today, finding('stage-waf', 'Stage9')];
    const result = applyBaseline(tomorrow, baseline, 'baseline.json');
    expect(result.newFindings).toBe(1);
    expect(result.findings.filter((f) => f.status === 'fail').map((f) => f.resource.source.logicalId)).toEqual([
      'Stage9',
    ]);
    expect(result.findings.map((f) => f.status)).toEqual(['fail', 'baselined', 'baselined', 'baselined', 'pass']);
    expect(result.findings[1].acknowledgement).toEqual({
      reason: 'accepted in baseline.json when the standard was adopted',
      via: 'baseline',
    });
    expect(result.fixed).toEqual([]);
  });

  it('reports baseline entries that no longer occur as fixed', () => {
    const result = applyBaseline([finding('stage-waf', 'Stage1')], baseline);
    expect(result.fixed.map((e) => `${e.ruleId} ${e.resource}`)).toEqual([
      'tracing Api › Stage1',
      'tracing Api › Stage2',
    ]);
  });

  it('keeps identity when cdk.out moves or a value in the message changes, but not across resources or rules', () => {
    const moved = finding('stage-waf', 'Stage1', 'fail', { message: 'different words' });
    const movedSource = { ...moved.resource.source, templatePath: 'C:\\ci\\build\\cdk.out\\Orders.template.json' };
    expect(baselineKey({ ...moved, resource: { ...moved.resource, source: movedSource } })).toBe(baselineKey(today[0]));
    expect(baselineKey(finding('stage-waf', 'Stage2'))).not.toBe(baselineKey(today[0]));
    expect(baselineKey(finding('tracing', 'Stage1'))).not.toBe(baselineKey(today[0]));
  });

  it('fails a second occurrence of the same key beyond the count the baseline accepted', () => {
    const two = [
      finding('data-trace', 'Stage1', 'fail', { location: 'MethodSettings' }),
      finding('data-trace', 'Stage1', 'fail', { location: 'MethodSettings' }),
    ];
    expect(applyBaseline(two, createBaseline(two.slice(0, 1))).newFindings).toBe(1);
  });

  it.each([
    [null, /E_BASELINE_INVALID/],
    [{ tool: 'other' }, /E_BASELINE_INVALID: b.json is not an api-guardrails baseline/],
    [{ tool: 'cdk-api-guardrails', version: 2, findings: [] }, /E_BASELINE_VERSION.*version 2/],
    [{ tool: 'cdk-api-guardrails', version: 1, findings: [{ key: 'k', count: 0 }] }, /malformed/],
  ])('fails to parse %j with a stable id', (data, pattern) => {
    expect(() => parseBaseline(data, 'b.json')).toThrow(pattern);
  });
});
