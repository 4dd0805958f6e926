import type { Finding } from '../engine/finding';
import { countFindings } from '../engine/finding';
import { countPhrase, groupByRule, oneLine, whereLabel } from './common';
import type { ApiDetail } from './evidence-inventory';
import { OWASP_API_2023, type MatrixStatus, type OwaspMatrix, type RegisterEntry } from './evidence-matrix';
import type { ApiSummary, Report, RuleInfo } from './report';

/** Escape text for HTML element content and double-quoted attributes. Every value from a template goes through it. */
export function h(text: string | number | undefined): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A fragment id from our own ids (rule ids); anything else becomes '-'. */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
}

/** What filter attributes a row carries: the API's tier and owner, and the statuses it shows. */
export function filterAttrs(tier: string, owner: string | undefined, statuses: readonly string[]): string {
  return ` data-t="${h(tier)}" data-o="${h(owner ?? '')}" data-s="${h(statuses.join(' '))}"`;
}

export function apiStatuses(api: ApiSummary): string[] {
  const c = api.counts;
  const out = [c.fail && 'fail', c.unknown && 'unknown', c.acknowledged && 'acknowledged'].filter(
    (s): s is string => typeof s === 'string',
  );
  return out.length || c.pass === 0 ? out : ['pass'];
}

const STATUS_TEXT: Record<MatrixStatus, string> = {
  fail: 'fail',
  unknown: 'unknown',
  acknowledged: 'acknowledged',
  baselined: 'baselined',
  pass: 'pass',
  'not-covered': 'not covered',
  'not-applicable': 'n/a',
};

function lines(items: readonly string[], empty = '—'): string {
  return items.length ? items.map(h).join('<br>') : empty;
}

/** The inventory table: one row per API with everything a compliance reader asks about it. */
export function inventorySection(report: Report, details: Map<string, ApiDetail>): string {
  const head = [
    'API',
    'Kind',
    'Owner',
    'Classification',
    'Tier',
    'Endpoint',
    'Stages',
    'Authorization',
    'WAF',
    'Throttling',
    'Logging (access; execution)',
    'TLS policy',
    'Third-party hosts',
    'Findings',
  ];
  const rows = report.inventory.perApi.map((api) => {
    const d = details.get(api.id);
    const stages = d?.stages ?? [];
    const perStage = (f: (s: (typeof stages)[number]) => string): string =>
      lines(stages.map((s) => (stages.length > 1 ? `${s.name}: ${f(s)}` : f(s))));
    return (
      `<tr${filterAttrs(api.tier, api.owner, apiStatuses(api))}>` +
      `<th scope="row">${h(api.name)}${api.external ? ' <span class="meta">(outside the source)</span>' : ''}</th>` +
      `<td>${h(api.kind)}</td><td>${api.owner ? h(api.owner) : '<strong>none</strong>'}</td>` +
      `<td>${h(d?.classification ?? '')}</td><td>${h(api.tier)}</td><td>${lines(d?.endpointTypes ?? [])}</td>` +
      `<td>${lines(
        stages.map((s) => s.name),
        'no stage',
      )}</td><td>${lines(d?.authorizationTypes ?? [], 'no operation')}</td>` +
      `<td>${perStage((s) => s.waf)}</td><td>${perStage((s) => s.throttling)}</td>` +
      `<td>${perStage((s) => `${s.accessLogging}; ${s.executionLogging}`)}</td>` +
      `<td>${lines(d?.tlsPolicies ?? [], 'no custom domain')}</td><td>${lines(d?.thirdPartyHosts ?? [], 'none')}</td>` +
      `<td>${h(countPhrase(api.counts) || 'no check applied')}</td></tr>`
    );
  });
  return (
    `<section id="inventory" aria-labelledby="inventory-h"><h2 id="inventory-h">Inventory</h2>` +
    `<p class="meta">Every API found, ${report.inventory.perApi.length} in all. "(unresolved)" marks a value the toolkit cannot know from the source.</p>` +
    `<div class="scroll"><table><thead><tr>${head.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></div></section>`
  );
}

/** APIs × OWASP API Top 10 2023, each cell linking to the findings behind it. */
export function matrixSection(report: Report, matrix: OwaspMatrix, passesListed: boolean): string {
  const byId = new Map(report.inventory.perApi.map((a) => [a.id, a]));
  const head = OWASP_API_2023.map((c) => `<th scope="col" title="${h(c.name)}">${h(c.id.replace(':2023', ''))}</th>`);
  const coverage = matrix.coverage.map((c) =>
    c.ruleIds.length
      ? `<td title="${h(c.ruleIds.join(', '))}">${c.ruleIds.length} rule${c.ruleIds.length === 1 ? '' : 's'}</td>`
      : `<td class="s-not-covered">not covered by any rule</td>`,
  );
  const rows = matrix.rows.map((row) => {
    const api = byId.get(row.apiId) as ApiSummary;
    const cells = row.cells.map((cell) => {
      const label = STATUS_TEXT[cell.status];
      // Passing rules have no findings section to link to.
      const linked = cell.ruleIds.length > 0 && cell.status !== 'pass';
      const body = linked ? `<a href="#${anchor('rule', cell.ruleIds[0])}">${label}</a>` : label;
      return `<td class="s-${cell.status}">${body}</td>`;
    });
    return `<tr${filterAttrs(api.tier, api.owner, apiStatuses(api))}><th scope="row">${h(api.name)}</th>${cells.join('')}</tr>`;
  });
  return (
    `<section id="matrix" aria-labelledby="matrix-h"><h2 id="matrix-h">OWASP API Security Top 10 (2023)</h2>` +
    `<p class="meta">Per API and category: <span class="s-fail">fail</span>, <span class="s-unknown">unknown</span> (could not be decided), ` +
    `<span class="s-acknowledged">acknowledged</span> (accepted risk), <span class="s-pass">pass</span>, n/a (no rule of the category applied to this API), ` +
    `<span class="s-not-covered">not covered</span> (no rule of the standard checks the category: other evidence is needed).</p>` +
    (passesListed
      ? ''
      : `<p><strong>Passing checks were not listed in this run: cells without findings show n/a.</strong></p>`) +
    `<table><thead><tr><th scope="col">API</th>${head.join('')}</tr></thead><tbody>` +
    `<tr><th scope="row">Rules of the standard</th>${coverage.join('')}</tr>\n${rows.join('\n')}</tbody></table></section>`
  );
}

/**
 * Failing, unknown and acknowledged findings grouped by rule, with the fix and a link to the rule's
 * documentation (none when `docsLink` knows no address). Every row is in the page, readable without
 * JavaScript: each rule's list is a closed `<details>` a reader opens, so thousands of rows are parsed
 * but not laid out on load; the page's script only filters them.
 */
export function findingsSection(
  report: Report,
  details: Map<string, ApiDetail>,
  docsLink: (ruleId: string) => string | undefined,
  cwd: string | undefined,
): string {
  const groups = groupByRule(report, ['fail', 'unknown', 'acknowledged']);
  const parts = groups.map(({ rule, findings }) => {
    const key = anchor('rule', rule.id);
    const fixes = [...new Set(findings.filter((f) => f.status !== 'acknowledged').map((f) => oneLine(f.fix)))];
    const docs = docsLink(rule.id);
    return (
      `<section class="rule" id="${key}" aria-labelledby="${anchor('rule-h', rule.id)}">` +
      `<h3 id="${anchor('rule-h', rule.id)}"><code>${h(rule.id)}</code> ${h(rule.title)}</h3>` +
      `<p class="meta">${ruleMeta(rule)}</p>` +
      fixes.map((fix) => `<p><strong>Fix:</strong> ${h(fix)}</p>`).join('') +
      (docs ? `<p><a href="${h(docs)}">Rule documentation: ${h(rule.id)}</a></p>` : '') +
      `<details data-rule="${key}"><summary>${h(countPhrase(countFindings(findings)))}: show the findings</summary>` +
      `<table><thead><tr><th scope="col">Status</th><th scope="col">Resource</th><th scope="col">Where</th><th scope="col">Finding</th></tr></thead>` +
      `<tbody>${findings.map((f) => findingRow(f, details, cwd)).join('\n')}</tbody></table></details></section>`
    );
  });
  return (
    `<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings by rule</h2>` +
    (parts.length ? parts.join('\n') : '<p>No failing, unknown or acknowledged finding.</p>') +
    `</section>`
  );
}

export function ruleMeta(rule: RuleInfo): string {
  const parts = [`severity ${h(rule.severity)}`];
  if (rule.owasp.length) parts.push(`OWASP ${h(rule.owasp.join(', '))}`);
  if (rule.controls?.nist80053.length) parts.push(`NIST 800-53 r5 ${h(rule.controls.nist80053.join(', '))}`);
  if (rule.controls?.pciDss4.length) parts.push(`PCI DSS 4.0 ${h(rule.controls.pciDss4.join(', '))}`);
  return parts.join(' · ');
}

/** One finding's row: status, resource, where, message and the accepted reason; filterable by tier, owner and status. */
function findingRow(f: Finding, details: Map<string, ApiDetail>, cwd: string | undefined): string {
  const api = f.resource.apiId === undefined ? undefined : details.get(f.resource.apiId);
  const message = `${oneLine(f.message)}${f.location ? ` (${f.location})` : ''}`;
  const accepted = f.acknowledgement ? ` (accepted: ${oneLine(f.acknowledgement.reason)})` : '';
  return (
    `<tr${filterAttrs(api?.tier ?? f.tier, api?.owner, [f.status])}>` +
    `<td class="s-${h(f.status)}">${h(f.status)}</td><td>${h(f.resource.label)}</td>` +
    `<td>${h(whereLabel(f.resource.source, cwd))}</td><td>${h(message + accepted)}</td></tr>`
  );
}

/** The acknowledgement register: every accepted risk, expired ones first. */
export function registerSection(entries: readonly RegisterEntry[], details: Map<string, ApiDetail>): string {
  const head = ['Rule', 'Resource', 'Reason', 'Ticket', 'Approved by', 'Expires', 'Days left', 'Via'];
  const rows = entries.map((e) => {
    const api = e.apiId === undefined ? undefined : details.get(e.apiId);
    const days =
      e.daysLeft === undefined ? 'no expiry' : e.expired ? `expired ${-e.daysLeft} days ago` : String(e.daysLeft);
    return (
      `<tr${e.expired ? ' class="expired"' : ''}${filterAttrs(api?.tier ?? '', api?.owner, e.expired ? ['acknowledged', 'fail'] : ['acknowledged'])}>` +
      `<td><a href="#${anchor('rule', e.ruleId)}"><code>${h(e.ruleId)}</code></a></td><td>${h(e.resource)}</td>` +
      `<td>${h(oneLine(e.reason))}</td><td>${h(e.ticket ?? '—')}</td><td>${h(e.approvedBy ?? '—')}</td>` +
      `<td>${h(e.expires ?? 'never')}</td><td class="num">${h(days)}</td><td>${h(e.via ?? '—')}</td></tr>`
    );
  });
  return (
    `<section id="register" aria-labelledby="register-h"><h2 id="register-h">Acknowledgement register</h2>` +
    `<p class="meta">Risks accepted in the CDK app, a baseline or the standard. Lapsed acknowledgements are listed first: their findings fail again.</p>` +
    (rows.length
      ? `<table><thead><tr>${head.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`
      : '<p>No acknowledged finding.</p>') +
    `</section>`
  );
}

/** Every rule the standard ran, with the frameworks it gives evidence for. */
export function controlsSection(report: Report): string {
  const rows = report.rules.map(
    (r) =>
      `<tr><th scope="row"><code>${h(r.id)}</code></th><td>${h(r.title)}</td><td>${h(r.owasp.join(', ') || '—')}</td>` +
      `<td>${h(r.controls?.nist80053.join(', ') || '—')}</td><td>${h(r.controls?.pciDss4.join(', ') || '—')}</td></tr>`,
  );
  return (
    `<section id="controls" aria-labelledby="controls-h"><h2 id="controls-h">Rules and control mappings</h2>` +
    `<p class="meta">NIST SP 800-53 rev. 5 and PCI DSS v4.0 ids from AWS Security Hub's mapping of the matching control where one exists, otherwise from the standards' text.</p>` +
    `<table><thead><tr><th scope="col">Rule</th><th scope="col">Title</th><th scope="col">OWASP API 2023</th>` +
    `<th scope="col">NIST 800-53 r5</th><th scope="col">PCI DSS 4.0</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`
  );
}
