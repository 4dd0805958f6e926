import { createHash } from 'node:crypto';
import type { RenderOptions } from './common';
import { apisPhrase, displayPath, oneLine } from './common';
import type { ApiDetail } from './evidence-inventory';
import { acknowledgementRegister, owaspMatrix, type RegisterEntry } from './evidence-matrix';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets';
import { controlsSection, findingsSection, h, inventorySection, matrixSection, registerSection } from './html-sections';
import type { Report } from './report';
import { ruleDocsUrl } from './tool';

/** Options of the evidence formats (html, oscal) on top of every renderer's. */
export interface EvidenceRenderOptions extends RenderOptions {
  /** The report's date: "days left" of acknowledgements count from it. @default new Date() */
  readonly now?: Date;
  /**
   * Where rule documentation pages live; `<id>.md` is appended.
   * @default - the pages in the package's repository (absolute: the report may be opened from anywhere)
   */
  readonly docsBase?: string;
}

/** Acknowledgements expiring within this many days are called out in the summary. */
export const EXPIRING_SOON_DAYS = 30;

const SCRIPT_HASH = createHash('sha256').update(HTML_SCRIPT).digest('base64');
/** Nothing may be fetched: no network, no external asset, even if a value slipped through escaping. */
const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; form-action 'none'; base-uri 'none'`;

/**
 * `--format html`: one self-contained evidence page for risk and compliance readers: summary, inventory,
 * OWASP API Top 10 2023 matrix, findings by rule, acknowledgement register, control mappings; filter and
 * search inline; prints cleanly. Every value that came from a template or an account is escaped.
 */
export function renderHtml(report: Report, options: EvidenceRenderOptions = {}): string {
  const now = options.now ?? new Date();
  const details = new Map<string, ApiDetail>((report.apiDetails ?? []).map((d) => [d.id, d]));
  const register = acknowledgementRegister(report, now);
  const passesListed = report.summary.counts.pass === 0 || report.findings.some((f) => f.status === 'pass');
  const title = `API Guardrails evidence report: ${report.standard.name}`;
  const body = [
    header(report, now, options),
    nav(),
    '<main>',
    summarySection(report, register),
    filters(report),
    inventorySection(report, details),
    matrixSection(report, owaspMatrix(report), passesListed),
    findingsSection(report, details, (id) => docsLink(report, id, options.docsBase), options.cwd),
    registerSection(register, details),
    controlsSection(report),
    noticesSection(report, options),
    '</main>',
  ];
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${h(title)}</title>\n` +
    `<style>${HTML_STYLE}</style>\n</head>\n<body>\n${body.join('\n')}\n<script>${HTML_SCRIPT}</script>\n</body>\n</html>\n`
  );
}

function docsLink(report: Report, ruleId: string, docsBase: string | undefined): string | undefined {
  return docsBase === undefined ? ruleDocsUrl(report.tool, ruleId) : `${docsBase}${ruleId}.md`;
}

function header(report: Report, now: Date, options: RenderOptions): string {
  const inputs = report.inputs.map((i) => displayPath(i.path, options.cwd) ?? i.path);
  const shown = inputs.slice(0, 5).join(', ') + (inputs.length > 5 ? ` and ${inputs.length - 5} more` : '');
  const verdict =
    report.summary.result === 'failed'
      ? `<strong class="verdict-failed">Failed: ${report.summary.blocking} blocking finding(s)</strong>`
      : `<strong class="verdict-passed">Passed</strong>`;
  return (
    `<header><h1>API security evidence</h1>` +
    `<p>${verdict} at fail-on <code>${h(report.failOn)}</code> · standard <strong>${h(report.standard.name)}</strong>` +
    `${report.standard.version ? ` ${h(report.standard.version)}` : ''} · ${h(apisPhrase(report))}</p>` +
    `<p class="meta">Generated ${h(now.toISOString())} by ${h(report.tool.name)} ${h(report.tool.version)} from ${h(shown || 'no input')}</p></header>`
  );
}

function nav(): string {
  const links = [
    ['summary', 'Summary'],
    ['inventory', 'Inventory'],
    ['matrix', 'OWASP matrix'],
    ['findings', 'Findings'],
    ['register', 'Acknowledgements'],
    ['controls', 'Control mappings'],
    ['notices', 'Notices'],
  ];
  return `<nav aria-label="Sections"><ul>${links.map(([id, text]) => `<li><a href="#${id}">${text}</a></li>`).join('')}</ul></nav>`;
}

function summarySection(report: Report, register: readonly RegisterEntry[]): string {
  const c = report.summary.counts;
  const soon = register.filter((e) => !e.expired && e.daysLeft !== undefined && e.daysLeft <= EXPIRING_SOON_DAYS);
  const expired = register.filter((e) => e.expired);
  const noOwner = report.inventory.perApi.filter((a) => !a.owner).length;
  const card = (value: number, label: string): string => `<div class="card"><strong>${value}</strong>${label}</div>`;
  const tally = (key: (a: Report['inventory']['perApi'][number]) => string): [string, number, number][] => {
    const counts = new Map<string, [number, number]>();
    for (const api of report.inventory.perApi) {
      const k = key(api);
      const entry = counts.get(k) ?? [0, 0];
      entry[0]++;
      if (api.counts.fail + api.counts.unknown > 0) entry[1]++;
      counts.set(k, entry);
    }
    return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, [n, f]]) => [k, n, f]);
  };
  const table = (caption: string, rows: [string, number, number][]): string =>
    `<table class="narrow"><caption class="sr-only">${caption}</caption><thead><tr><th scope="col">${caption}</th>` +
    `<th scope="col" class="num">APIs</th><th scope="col" class="num">with failing or unknown findings</th></tr></thead><tbody>` +
    rows
      .map(([k, n, f]) => `<tr><th scope="row">${h(k)}</th><td class="num">${n}</td><td class="num">${f}</td></tr>`)
      .join('') +
    `</tbody></table>`;
  const soonList = [...expired, ...soon]
    .map(
      (e) =>
        `<li>${e.expired ? '<strong>expired</strong>' : `${e.daysLeft} days left`}: <code>${h(e.ruleId)}</code> on ${h(e.resource)} (${h(e.expires ?? '')}${e.ticket ? `, ${h(e.ticket)}` : ''})</li>`,
    )
    .slice(0, 20);
  return (
    `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><div class="cards">` +
    card(report.inventory.apis.total, 'APIs') +
    card(report.summary.blocking, 'blocking findings') +
    card(c.fail, 'failing') +
    card(c.unknown, 'unknown (could not be decided)') +
    card(c.acknowledged, 'acknowledged') +
    card(c.pass, 'passing checks') +
    card(soon.length, `acknowledgements expiring within ${EXPIRING_SOON_DAYS} days`) +
    card(expired.length, 'expired acknowledgements') +
    card(noOwner, 'APIs without an owner') +
    `</div>` +
    (soonList.length ? `<h3>Acknowledgements to renew</h3><ul>${soonList.join('')}</ul>` : '') +
    `<h3>APIs by tier</h3>${table(
      'Tier',
      tally((a) => a.tier),
    )}` +
    `<h3>APIs by owner</h3>${table(
      'Owner',
      tally((a) => a.owner ?? '(no owner)'),
    )}</section>`
  );
}

function filters(report: Report): string {
  const values = (pick: (a: Report['inventory']['perApi'][number]) => string | undefined): string[] =>
    [...new Set(report.inventory.perApi.map(pick).filter((v): v is string => v !== undefined))].sort();
  const options = (items: string[]): string => items.map((v) => `<option value="${h(v)}">${h(v)}</option>`).join('');
  return (
    `<section class="filters" aria-label="Filter the tables below">` +
    `<label for="f-search">Search<input id="f-search" type="search" placeholder="API, rule, resource, reason…"></label>` +
    `<label for="f-tier">Tier<select id="f-tier"><option value="">all tiers</option>${options(values((a) => a.tier))}</select></label>` +
    `<label for="f-owner">Owner<select id="f-owner"><option value="">all owners</option>${options(values((a) => a.owner))}</select></label>` +
    `<label for="f-status">Status<select id="f-status"><option value="">any status</option>` +
    `<option value="fail">fail</option><option value="unknown">unknown</option><option value="acknowledged">acknowledged</option>` +
    `<option value="pass">pass</option></select></label>` +
    `<button id="f-reset" type="button">Reset</button><p id="f-count" role="status" aria-live="polite"></p></section>`
  );
}

function noticesSection(report: Report, options: RenderOptions): string {
  const items = report.notices.map((n) => {
    const file = displayPath(n.source.templatePath, options.cwd);
    return `<li><strong>${h(n.level)}</strong> <code>${h(n.code)}</code>${file ? ` <code>${h(file)}</code>` : ''}: ${h(oneLine(n.message))}</li>`;
  });
  return (
    `<section id="notices" aria-labelledby="notices-h"><h2 id="notices-h">Notices</h2>` +
    (items.length ? `<ul>${items.join('\n')}</ul>` : '<p>None.</p>') +
    `</section>`
  );
}
