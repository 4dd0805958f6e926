import { toJsonReport } from '../../lib/reporters/json';
import { fixtureReport } from './fixture';

/** A check a rule exempts on purpose (a CORS preflight, a WebSocket route other than $connect) is a pass with its reason. */
describe('JSON report: exempt checks', () => {
  const exempted = (): ReturnType<typeof fixtureReport> => {
    const report = fixtureReport();
    const findings = report.findings.map((f) =>
      f.status === 'pass' && f.resource.source.logicalId === 'DevStage' && f.ruleId === 'execution-logging'
        ? { ...f, exempt: 'CORS preflight' }
        : f,
    );
    return { ...report, findings };
  };

  it('lists an exempt check as a pass that carries the exempt reason', () => {
    const findings = toJsonReport(exempted()).findings.filter((f) => f.exempt !== undefined);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ status: 'pass', blocking: false, exempt: 'CORS preflight' });
  });

  it('fails to give a reason to a pass that was checked, not exempted', () => {
    const passes = toJsonReport(fixtureReport()).findings.filter((f) => f.status === 'pass');
    expect(passes.length).toBeGreaterThan(0);
    expect(passes.every((f) => f.exempt === undefined && !('exempt' in JSON.parse(JSON.stringify(f))))).toBe(true);
  });
});
