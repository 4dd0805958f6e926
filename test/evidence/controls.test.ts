import { rulesJson } from '../../lib/cli/commands/rules';
import { frameworkCoverage, frameworkJson, frameworkText } from '../../lib/cli/framework-coverage';
import { toJsonReport } from '../../lib/reporters/json';
import { toSarif } from '../../lib/reporters/sarif';
import { compareControlIds } from '../../lib/reporters/evidence-matrix';
import { allRules } from '../../policies/rules';
import { smallReport } from './evidence-fixtures';

/** Security Hub's published "Related requirements" (NIST SP 800-53 r5) of the API Gateway controls. */
const SECURITY_HUB_NIST: Record<string, string[]> = {
  'APIGateway.1': ['AC-4(26)', 'AU-10', 'AU-12', 'AU-2', 'AU-3', 'AU-6(3)', 'AU-6(4)', 'CA-7', 'SC-7(9)', 'SI-7(8)'],
  'APIGateway.2': [
    'AC-17(2)',
    'AC-4',
    'IA-5(1)',
    'SC-12(3)',
    'SC-13',
    'SC-23',
    'SC-23(3)',
    'SC-7(4)',
    'SC-8',
    'SC-8(1)',
  ],
  'APIGateway.3': ['CA-7'],
  'APIGateway.4': ['AC-4(21)'],
  'APIGateway.5': ['CA-9(1)', 'CM-3(6)', 'SC-13', 'SC-28', 'SC-28(1)', 'SC-7(10)', 'SI-7(6)'],
  'APIGateway.8': ['AC-3', 'CM-2', 'CM-2(2)'],
  'APIGateway.9': ['AC-4(26)', 'AU-10', 'AU-12', 'AU-2', 'AU-3', 'AU-6(3)', 'AU-6(4)', 'CA-7', 'SC-7(9)', 'SI-7(8)'],
};

describe('control mappings in rule metadata', () => {
  it('gives every rule NIST SP 800-53 r5 controls, written as the catalogue writes them', () => {
    for (const rule of allRules) {
      expect({ rule: rule.id, has: (rule.controls?.nist80053.length ?? 0) > 0 }).toEqual({ rule: rule.id, has: true });
      for (const id of rule.controls?.nist80053 ?? []) expect(id).toMatch(/^[A-Z]{2}-\d+(\(\d+\))?$/);
      for (const id of rule.controls?.pciDss4 ?? []) expect(id).toMatch(/^\d{1,2}(\.\d+){1,3}$/);
    }
  });

  it("carries Security Hub's NIST ids for every rule that matches a Security Hub control", () => {
    for (const rule of allRules) {
      const control = rule.references.securityHub;
      const expected = control ? SECURITY_HUB_NIST[control] : undefined;
      if (expected)
        expect({ rule: rule.id, nist: rule.controls?.nist80053 }).toEqual({
          rule: rule.id,
          nist: expect.arrayContaining(expected),
        });
    }
    // APIGateway.9 is the one API Gateway control Security Hub maps to PCI DSS v4.0.1 (10.4.2).
    expect(allRules.find((r) => r.id === 'stage-access-logging')?.controls?.pciDss4).toContain('10.4.2');
  });

  it('appears in the JSON report, SARIF rule properties and `rules --format json`', () => {
    const report = smallReport();
    const json = toJsonReport(report).rules.find((r) => r.id === 'stage-waf');
    expect(json?.controls).toEqual({ nist80053: ['AC-4(21)', 'SC-7', 'SI-4'], pciDss4: ['6.4.2'] });
    const sarif = toSarif(report).runs[0].tool.driver.rules?.find((r) => r.id === 'stage-waf');
    expect(sarif?.properties?.controls).toEqual(json?.controls);
    const listed = JSON.parse(rulesJson(allRules)) as { id: string; controls?: unknown }[];
    expect(listed.find((r) => r.id === 'stage-waf')?.controls).toEqual(json?.controls);
  });
});

describe('rules --framework', () => {
  it('lists OWASP API 2023 coverage, saying which category no rule covers', () => {
    const rows = frameworkCoverage(allRules, 'owasp-api-2023');
    expect(rows.map((r) => r.control)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `API${n}:2023`));
    expect(rows[0].rules).toEqual([]);
    expect(rows[1].rules).toContain('rest-method-authorization');
    expect(frameworkText(allRules, 'owasp-api-2023')).toMatch(
      /API1:2023\s+Broken Object Level Authorization: not covered by any rule/,
    );
  });

  it('lists NIST and PCI DSS controls in catalogue order with the rules behind each', () => {
    const nist = frameworkCoverage(allRules, 'nist-800-53');
    expect(nist.find((r) => r.control === 'AC-4(21)')?.rules).toEqual(['http-api-waf', 'stage-waf']);
    const ids = nist.map((r) => r.control);
    expect([...ids].sort(compareControlIds)).toEqual(ids);
    const pci = JSON.parse(frameworkJson(allRules, 'pci-dss-4')) as {
      controls: { control: string; rules: string[] }[];
    };
    expect(pci.controls.find((c) => c.control === '10.4.2')?.rules).toEqual(['stage-access-logging']);
    expect(pci.controls[0].control).toBe('1.3.1');
  });

  it('orders control ids by their numbers, not as text', () => {
    expect(['AC-17(2)', 'AC-4(21)', 'AC-3', 'AC-4'].sort(compareControlIds)).toEqual([
      'AC-3',
      'AC-4',
      'AC-4(21)',
      'AC-17(2)',
    ]);
    expect(['10.2.1', '1.3.1', '2.2.4'].sort(compareControlIds)).toEqual(['1.3.1', '2.2.4', '10.2.1']);
  });
});
