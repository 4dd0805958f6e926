import type { AnyRule } from '../engine/rule';
import { compareControlIds, OWASP_API_2023 } from '../reporters/evidence-matrix';

export const FRAMEWORKS = ['nist-800-53', 'pci-dss-4', 'owasp-api-2023'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

const TITLES: Record<Framework, string> = {
  'nist-800-53': 'NIST SP 800-53 rev. 5',
  'pci-dss-4': 'PCI DSS v4.0',
  'owasp-api-2023': 'OWASP API Security Top 10 (2023)',
};

export interface CoverageRow {
  readonly control: string;
  /** The category's name (OWASP only). */
  readonly name?: string;
  /** Rules giving evidence for it; empty = not covered by any rule (listed for OWASP, whose ten are known). */
  readonly rules: string[];
}

/** Which rules give evidence for which control of a framework, in the framework's order. */
export function frameworkCoverage(rules: readonly AnyRule[], framework: Framework): CoverageRow[] {
  if (framework === 'owasp-api-2023') {
    return OWASP_API_2023.map((c) => ({
      control: c.id,
      name: c.name,
      rules: rules.filter((r) => (r.owasp as string[]).includes(c.id)).map((r) => r.id),
    }));
  }
  const key = framework === 'nist-800-53' ? 'nist80053' : 'pciDss4';
  const byControl = new Map<string, string[]>();
  for (const r of rules) {
    for (const id of r.controls?.[key] ?? []) byControl.set(id, [...(byControl.get(id) ?? []), r.id]);
  }
  return [...byControl]
    .sort(([a], [b]) => compareControlIds(a, b))
    .map(([control, ids]) => ({ control, rules: ids.sort() }));
}

export function frameworkText(rules: readonly AnyRule[], framework: Framework): string {
  const rows = frameworkCoverage(rules, framework);
  const width = Math.max(...rows.map((r) => r.control.length));
  const lines = [`${TITLES[framework]}: controls with evidence from the shipped rules`, ''];
  for (const row of rows) {
    const name = row.name ? `${row.name}: ` : '';
    lines.push(
      `${row.control.padEnd(width)}  ${name}${row.rules.length ? row.rules.join(', ') : 'not covered by any rule'}`,
    );
  }
  const covered = rows.filter((r) => r.rules.length > 0).length;
  lines.push('', `${covered} of ${rows.length} listed controls covered by ${rules.length} rules.`);
  return `${lines.join('\n')}\n`;
}

export function frameworkJson(rules: readonly AnyRule[], framework: Framework): string {
  return `${JSON.stringify({ framework, title: TITLES[framework], controls: frameworkCoverage(rules, framework) }, null, 2)}\n`;
}
