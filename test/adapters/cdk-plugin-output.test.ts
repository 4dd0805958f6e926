import { closingLine } from '../../lib/adapters/cdk-summary';

describe('the line that closes synth output', () => {
  it('fails the synth with the blocking count when findings block', () => {
    expect(closingLine(400, 2400, 'error')).toBe(
      'ApiGuardrails: 400 API(s), 2400 blocking finding(s) at failOn error: synth fails (per-API summary above the violations).\n',
    );
  });

  it('says there is nothing blocking, or that the run only reports', () => {
    expect(closingLine(3, 0, 'warning')).toContain('no blocking findings at failOn warning');
    expect(closingLine(3, 0, 'never')).toContain('report only (failOn: never)');
  });

  it('fails to point at violations when CDK is given none to print', () => {
    expect(closingLine(3, 0, 'error', 0)).toBe(
      'ApiGuardrails: 3 API(s), no blocking findings at failOn error (per-API summary above).\n',
    );
    expect(closingLine(3, 0, 'error', 2)).toContain('(per-API summary above the violations)');
  });
});
