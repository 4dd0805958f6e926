import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import type { Finding } from '../../lib/engine/finding';
import type { Report } from '../../lib/reporters/report';
import { renderSarif } from '../../lib/reporters/sarif';
import { toolInfo } from '../../lib/reporters/tool';
import { evaluate } from '../../lib/engine/evaluate';
import { buildReport } from '../../lib/reporters/report';
import { resolveStandard } from '../../lib/standard';
import { fixtureInventory, fixtureReport } from './fixture';

/** The SARIF Multitool's binary (npm @microsoft/sarif-multitool ships one per platform). */
function multitool(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const binary = require('@microsoft/sarif-multitool') as string;
  if (!existsSync(binary)) throw new Error(`the SARIF Multitool binary is missing at ${binary}: run npm ci`);
  return binary;
}

/** `sarif-multitool validate`: the errors and warnings it reports for a log (its notes are left out). */
function validate(log: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'apig-sarif-'));
  try {
    const input = join(dir, 'report.sarif');
    const output = join(dir, 'validation.sarif');
    writeFileSync(input, log);
    const run = spawnSync(multitool(), ['validate', input, '--output', output], { encoding: 'utf8' });
    if (!existsSync(output)) throw new Error(`the Multitool wrote no result: ${run.stdout}${run.stderr}`);
    const run0 = (JSON.parse(readFileSync(output, 'utf8')) as Log).runs[0];
    // A result without a level has its rule's default level, and SARIF's default is warning.
    const level = (r: NonNullable<typeof run0.results>[number]): string =>
      r.level ?? run0.tool.driver.rules?.[r.ruleIndex ?? -1]?.defaultConfiguration?.level ?? 'warning';
    return (run0.results ?? [])
      .filter((r) => level(r) === 'error' || level(r) === 'warning')
      .map((r) => `${r.ruleId}: ${r.message.text ?? JSON.stringify(r.message.arguments)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fixture as the CLI reports it (the real tool information), with a traced source line, a baselined finding and an exempt pass. */
function realisticReport(failOn: Report['failOn']): Report {
  const report = fixtureReport(failOn);
  const findings = report.findings.map((f): Finding => {
    if (f.resource.source.logicalId === 'ProdStage')
      return {
        ...f,
        resource: {
          ...f.resource,
          source: {
            ...f.resource.source,
            line: 12,
            code: { file: join(process.cwd(), 'lib/shop.ts'), line: 7, column: 5 },
          },
        },
      };
    if (f.resource.source.logicalId === 'DevStage' && f.status !== 'pass')
      return { ...f, status: 'baselined', acknowledgement: { reason: 'accepted at adoption', via: 'baseline' } };
    if (f.resource.source.logicalId === 'DevStage') return { ...f, exempt: 'CORS preflight' };
    return f;
  });
  return { ...report, tool: toolInfo(), findings };
}

describe('SARIF against the SARIF Multitool', () => {
  it.each(['error', 'never'] as const)('has 0 errors and 0 warnings at fail-on %s', (failOn) => {
    expect(validate(renderSarif(realisticReport(failOn)))).toEqual([]);
  });

  it('has 0 errors and 0 warnings with every shipped rule described (one-word ids such as tracing included)', () => {
    const standard = resolveStandard();
    const report = buildReport({ evaluation: evaluate(fixtureInventory(), { standard }), standard, failOn: 'error' });
    expect(report.rules.map((r) => r.id)).toContain('tracing');
    expect(validate(renderSarif({ ...report, tool: toolInfo() }))).toEqual([]);
  });

  it('fails validation of a log whose tool has no informationUri and whose rule names equal their ids (the check is not vacuous)', () => {
    const log = JSON.parse(renderSarif(fixtureReport())) as Log;
    const driver = log.runs[0].tool.driver;
    delete driver.informationUri;
    for (const rule of driver.rules ?? []) rule.name = rule.id;
    const problems = validate(JSON.stringify(log));
    expect(problems.some((p) => p.startsWith('SARIF2005'))).toBe(true);
    expect(problems.some((p) => p.startsWith('SARIF1001'))).toBe(true);
  });
});
