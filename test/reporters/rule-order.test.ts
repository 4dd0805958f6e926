import type { Finding } from '../../lib/engine/finding';
import { groupByRule } from '../../lib/reporters/common';
import { buildReport } from '../../lib/reporters/report';
import { renderText } from '../../lib/reporters/text';
import { ResolvedStandard } from '../../lib/standard';
import { fixtureInventory, fixtureReport, RULES, STANDARD, TOOL } from './fixture';

/** The fixture's findings re-labelled: `a-warning` fails as a warning, `z-error` as an error. */
function report() {
  const base = fixtureReport('never');
  const template = base.findings.find((f) => f.status === 'fail') as Finding;
  const finding = (ruleId: string, severity: Finding['severity'], status: Finding['status'] = 'fail'): Finding => ({
    ...template,
    ruleId,
    title: ruleId,
    severity,
    status,
  });
  return buildReport({
    evaluation: {
      findings: [
        finding('a-warning', 'warning'),
        finding('b-info', 'info'),
        finding('m-unknown-error', 'error', 'unknown'),
        finding('z-error', 'error'),
      ],
      inventory: fixtureInventory(),
    },
    standard: new ResolvedStandard(STANDARD, RULES),
    failOn: 'error',
    tool: TOOL,
  });
}

describe('order of rules in reports', () => {
  it('puts failing errors before failing warnings and infos, whatever their ids, then the unknowns', () => {
    expect(groupByRule(report(), ['fail', 'unknown']).map((g) => g.rule.id)).toEqual([
      'z-error',
      'a-warning',
      'b-info',
      'm-unknown-error',
    ]);
  });

  it('shows the blocking rule first in the text report', () => {
    const text = renderText(report());
    expect(text.indexOf('z-error')).toBeGreaterThan(-1);
    expect(text.indexOf('z-error')).toBeLessThan(text.indexOf('a-warning'));
  });
});
