import { evaluate } from '../../lib/engine/evaluate';
import type { Inventory, Notice } from '../../lib/model/types';
import { renderMarkdown } from '../../lib/reporters/markdown';
import { buildReport } from '../../lib/reporters/report';
import { toSarif } from '../../lib/reporters/sarif';
import { renderText } from '../../lib/reporters/text';
import { resolveStandard } from '../../lib/standard';
import { plainApp } from '../model/remediation-app';

const standard = resolveStandard();
const report = (inventory: Inventory) =>
  buildReport({
    evaluation: evaluate(inventory, { standard }),
    standard,
    tool: { name: 'api-guardrails', version: '9.9.9' },
  });

/** The same inventory with `count` extra REMEDIATED notices (a large app whose every stage was fixed). */
function withRemediations(inventory: Inventory, count: number): Inventory {
  const extra: Notice[] = Array.from({ length: count }, (_, i) => ({
    level: 'info',
    code: 'REMEDIATED',
    message: `Stage${i}: X-Ray tracing turned on`,
    source: { logicalId: `Stage${i}` },
  }));
  return { ...inventory, notices: [...inventory.notices, ...extra] };
}

describe('reporters show what the aspects remediated', () => {
  const inventory = plainApp(true);
  const remediated = inventory.notices.filter((n) => n.code === 'REMEDIATED');

  it('has several REMEDIATED notices to show', () => {
    expect(remediated.length).toBeGreaterThan(4);
  });

  it('text: a count plus the first three changes, not one line per change', () => {
    const text = renderText(report(inventory));
    expect(text).toContain(`ℹ REMEDIATED: ${remediated.length} notices, the first 3:`);
    for (const n of remediated.slice(0, 3)) expect(text).toContain(n.message);
    expect(text).not.toContain(remediated[3].message);
    expect(text).toContain(`… and ${remediated.length - 3} more`);
  });

  it('text: a few info notices are listed one per line', () => {
    const few = { ...inventory, notices: remediated.slice(0, 2) };
    const text = renderText(report(few), { width: 200 });
    expect(text).toContain(`ℹ REMEDIATED cdk.out/Shop.template.json: ${remediated[0].message}`);
    expect(text).toContain(remediated[1].message);
    expect(text).not.toContain('notices, the first');
  });

  it('fails to let info notices hide errors and warnings: those are listed one by one, first', () => {
    const errors: Notice[] = [
      { level: 'error', code: 'NOT_EVALUABLE_SAM', message: 'SAM transform', source: { templatePath: 'sam.yaml' } },
    ];
    const big = withRemediations(inventory, 10);
    const text = renderText(report({ ...big, notices: [...big.notices, ...errors] }));
    const notices = text.slice(text.indexOf('Notices'));
    expect(notices.indexOf('NOT_EVALUABLE_SAM')).toBeLessThan(notices.indexOf('REMEDIATED'));
  });

  it('markdown: folds many info notices into a collapsed, capped list', () => {
    const md = renderMarkdown(report(withRemediations(inventory, 80)));
    const total = remediated.length + 80;
    expect(md).toContain(`<summary>ℹ️ REMEDIATED: ${total} notices</summary>`);
    expect(md).toContain(`… and ${total - 50} more`);
  });

  it('sarif and json keep every notice', () => {
    const sarif = toSarif(report(inventory));
    const notes = sarif.runs[0].invocations?.[0].toolExecutionNotifications ?? [];
    expect(notes.filter((n) => n.descriptor?.id === 'REMEDIATED')).toHaveLength(remediated.length);
    expect(notes.every((n) => n.descriptor?.id !== 'REMEDIATED' || n.level === 'note')).toBe(true);
  });
});
