import type { RenderOptions } from './common';
import { displayPath } from './common';
import type { ApiDetail } from './evidence-inventory';
import type { Report } from './report';

/** The columns of `--format csv`, in order. */
export const CSV_COLUMNS = [
  'api_id',
  'name',
  'kind',
  'owner',
  'classification',
  'tier',
  'endpoint_types',
  'stages',
  'authorization_types',
  'waf',
  'throttling',
  'access_logging',
  'execution_logging',
  'tls_policies',
  'third_party_hosts',
  'failing',
  'unknown',
  'acknowledged',
  'passing',
  'template',
  'logical_id_or_arn',
] as const;

/**
 * `--format csv`: the API inventory for spreadsheets, one row per API (RFC 4180: CRLF, quoted when
 * needed). Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading apostrophe, since names and tags come from templates anyone can write.
 */
export function renderCsv(report: Report, options: RenderOptions = {}): string {
  const details = new Map<string, ApiDetail>((report.apiDetails ?? []).map((d) => [d.id, d]));
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const api of report.inventory.perApi) {
    const d = details.get(api.id);
    const stages = d?.stages ?? [];
    const perStage = (pick: (s: (typeof stages)[number]) => string): string =>
      stages.map((s) => (stages.length > 1 ? `${s.name}: ${pick(s)}` : pick(s))).join('; ');
    rows.push([
      api.id,
      api.name,
      api.kind,
      api.owner ?? '',
      d?.classification ?? '',
      api.tier,
      (d?.endpointTypes ?? []).join('; '),
      stages.map((s) => s.name).join('; '),
      (d?.authorizationTypes ?? []).join('; '),
      perStage((s) => s.waf),
      perStage((s) => s.throttling),
      perStage((s) => s.accessLogging),
      perStage((s) => s.executionLogging),
      (d?.tlsPolicies ?? []).join('; '),
      (d?.thirdPartyHosts ?? []).join('; '),
      String(api.counts.fail),
      String(api.counts.unknown),
      String(api.counts.acknowledged),
      String(api.counts.pass),
      displayPath(api.source.templatePath, options.cwd) ?? '',
      api.source.logicalId ?? api.source.arn ?? '',
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One RFC 4180 field, neutralised against spreadsheet formula injection. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
