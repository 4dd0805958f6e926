import type { PassTally } from '../engine/evaluate';
import type { FailOn, Finding, FindingCounts } from '../engine/finding';
import type { ResolvedStandard } from '../standard';
import type { Api, Inventory } from '../model/types';
import { isUnresolved } from '../model/value';
import { safeText } from '../reporters/safe-text';

interface Row {
  readonly api: string;
  readonly kind: string;
  readonly tier: string;
  readonly owner: string;
  readonly counts: FindingCounts;
}

/**
 * The short compliance summary `cdk synth` prints: one line per API (name, kind, tier, owner tag and
 * fail/unknown/acknowledged/pass counts), a line for findings outside any API, the model's warnings
 * (what could not be evaluated) and the totals.
 * Built from the findings in one pass; passes come from `passes` when given (then pass findings, if any,
 * are not counted again), else from the findings.
 */
export function formatSummary(
  inventory: Inventory,
  findings: readonly Finding[],
  standard: ResolvedStandard,
  failOn: FailOn,
  blocking: number,
  passes?: PassTally,
): string {
  const byApi = new Map<string, Record<Finding['status'], number>>();
  const other = zeroCounts();
  const total = zeroCounts();
  for (const api of inventory.apis) byApi.set(api.id, zeroCounts());
  for (const finding of findings) {
    if (passes && finding.status === 'pass') continue;
    const counts = (finding.resource.apiId !== undefined && byApi.get(finding.resource.apiId)) || other;
    counts[finding.status]++;
    total[finding.status]++;
  }
  if (passes) {
    let onApis = 0;
    for (const [apiId, count] of passes.byApi) {
      const counts = byApi.get(apiId);
      if (!counts) continue;
      counts.pass += count;
      onApis += count;
    }
    other.pass += passes.total - onApis;
    total.pass += passes.total;
  }
  const { ownerTagKey } = standard.standard;
  const rows: Row[] = inventory.apis.map((api) => ({
    api: safeText(isUnresolved(api.name) || api.name === undefined ? where(api) : `${api.name} (${where(api)})`),
    kind: api.kind,
    tier: safeText(standard.tierOf(api)),
    owner: tagText(api.tags[ownerTagKey]),
    counts: byApi.get(api.id) ?? zeroCounts(),
  }));
  if (other.fail + other.unknown + other.pass + other.acknowledged + other.baselined > 0) {
    rows.push({ api: '(domains, usage plans, templates)', kind: '-', tier: '-', owner: '-', counts: other });
  }
  const std = standard.standard;
  const lines = [
    `ApiGuardrails: standard "${safeText(std.name)}"${std.version ? ` ${safeText(std.version)}` : ''}, fail on ${failOn}`,
  ];
  if (rows.length === 0) {
    lines.push('  No API Gateway APIs found in the synthesized templates.');
  } else {
    const header = ['API', 'kind', 'tier', ownerTagKey, 'fail', 'unknown', 'ack', 'pass'];
    const cells = rows.map((r) => [r.api, r.kind, r.tier, r.owner, ...countCells(r.counts)]);
    const widths = header.map((h, i) => cells.reduce((width, c) => Math.max(width, c[i].length), h.length));
    const render = (c: string[]): string =>
      '  ' +
      c
        .map((v, i) => (i >= 4 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    lines.push(render(header), ...cells.map(render));
  }
  // Warnings name what was not evaluated (a nested stack without its template, a transform): never silent.
  const warnings = inventory.notices.filter((n) => n.level === 'warning');
  for (const notice of warnings.slice(0, WARNINGS_SHOWN))
    lines.push(`  warning ${notice.code}: ${safeText(notice.message)}`);
  if (warnings.length > WARNINGS_SHOWN)
    lines.push(
      `  … and ${warnings.length - WARNINGS_SHOWN} more warnings (api-guardrails check cdk.out --format json lists them all)`,
    );
  const verdict =
    failOn === 'never'
      ? 'report only (failOn: never)'
      : blocking > 0
        ? `${blocking} blocking finding(s): synth fails`
        : 'no blocking findings';
  lines.push(
    `  Total: ${inventory.apis.length} API(s), ${total.fail} fail, ${total.unknown} unknown, ${total.acknowledged} acknowledged, ${total.baselined ? `${total.baselined} baselined, ` : ''}${total.pass} pass; ${verdict}.`,
  );
  return lines.join('\n') + '\n';
}

/** Warning notices printed before the rest are only counted. */
const WARNINGS_SHOWN = 5;

function zeroCounts(): Record<Finding['status'], number> {
  return { fail: 0, unknown: 0, pass: 0, acknowledged: 0, baselined: 0 };
}

function countCells(c: FindingCounts): string[] {
  return [String(c.fail), String(c.unknown), String(c.acknowledged), String(c.pass)];
}

function tagText(value: unknown): string {
  if (value === undefined) return '(none)';
  if (isUnresolved(value)) return '<unresolved>';
  return safeText(String(value));
}

/**
 * The verdict line after the summary: how many findings block, and where the summary is. `violations` is
 * how many violations CDK is given to print (none: the line does not point at any).
 */
export function closingLine(apis: number, blocking: number, failOn: FailOn, violations = blocking): string {
  const verdict =
    failOn === 'never'
      ? 'report only (failOn: never)'
      : blocking > 0
        ? `${blocking} blocking finding(s) at failOn ${failOn}: synth fails`
        : `no blocking findings at failOn ${failOn}`;
  return `ApiGuardrails: ${apis} API(s), ${verdict} (per-API summary above${violations > 0 ? ' the violations' : ''}).\n`;
}

let pendingClosingLine: string | undefined;
let exitHooked = false;

/**
 * Write `line` to stderr when the process exits (the latest synth's line wins when one process
 * synthesizes several times). aws-cdk-lib offers no hook after it prints its validation report, which it
 * does when the app runs without the CDK CLI; process exit is the only later point. Under the CDK CLI the
 * report is printed by the CLI after the app has exited, so the summary above it is what a plugin can give.
 */
export function closeOutputWith(line: string): void {
  pendingClosingLine = line;
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    if (pendingClosingLine !== undefined) process.stderr.write(pendingClosingLine);
  });
}

/** Stack and logical id, whether the app has one stack or several (inventory ids are stack-qualified only then). */
function where(api: Api): string {
  const { stackName, logicalId } = api.source;
  return stackName !== undefined && logicalId !== undefined && !api.external ? `${stackName}/${logicalId}` : api.id;
}
