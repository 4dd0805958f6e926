import { renderHtml } from '../../lib/reporters/html';
import { acknowledgementRegister, daysBetween, owaspMatrix } from '../../lib/reporters/evidence-matrix';
import { HOSTILE, largeReport, smallReport, TODAY } from './evidence-fixtures';

describe('html report', () => {
  const report = smallReport();
  const html = renderHtml(report, { now: TODAY, cwd: process.cwd() });

  it('is one self-contained page: no script, style, image or font is fetched from anywhere', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<(script|img|link|iframe)[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('has the sections a compliance reader needs, each under a heading', () => {
    for (const id of ['summary', 'inventory', 'matrix', 'findings', 'register', 'controls', 'notices']) {
      expect(html).toContain(`<section id="${id}"`);
    }
    expect(html).toMatch(/<h1>API security evidence<\/h1>/);
    expect(html).toContain('<th scope="col">Owner</th>');
    expect(html).toContain('@media print');
  });

  it('fails to let template text break out: names, tags and logical ids are escaped', () => {
    expect(html).not.toContain(HOSTILE.name);
    expect(html).not.toContain(HOSTILE.owner);
    expect(html).not.toContain('<b>Api');
    expect(html).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    // Only the report's own script element exists.
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('lists each API in the inventory with owner, classification, tier, stages, WAF and third-party hosts', () => {
    const row = html.split('\n').find((l) => l.includes('<th scope="row">Orders</th><td>rest</td>')) ?? '';
    expect(row).toContain('team-orders');
    expect(row).toContain('<td>internal</td><td>internal</td>');
    expect(row).toContain('prod');
    expect(row).toContain('AWS_IAM');
    expect(row).toContain('rate 100/s, burst 50');
    expect(row).toContain('api.supplier.example');
    expect(row).toContain('none'); // no web ACL
  });

  it('says honestly which OWASP categories no rule covers', () => {
    const matrix = owaspMatrix(report);
    expect(matrix.coverage[0]).toMatchObject({ id: 'API1:2023', ruleIds: [] });
    expect(matrix.rows.every((r) => r.cells[0].status === 'not-covered')).toBe(true);
    expect(html).toContain('not covered by any rule');
  });

  it('fails a matrix cell when a rule of the category fails, and links it to the rule', () => {
    const matrix = owaspMatrix(report);
    const catalog = matrix.rows.find((r) => r.apiId === 'Catalog');
    // API2 (authentication): the HTTP route has no authorization.
    expect(catalog?.cells[1]).toEqual({ status: 'fail', ruleIds: ['v2-route-authorization'] });
    expect(html).toContain('<a href="#rule-v2-route-authorization">fail</a>');
    expect(html).toContain('id="rule-v2-route-authorization"');
  });

  it('marks a cell pass when every covering check passed, and acknowledged when the only failure is accepted', () => {
    const orders = owaspMatrix(report).rows.find((r) => r.apiId === 'Orders');
    // API2 on Orders: IAM on the method passes rest-method-authorization.
    expect(orders?.cells[1].status).toBe('pass');
    // API4 on Orders: stage-waf fails but is acknowledged; another API4 rule may fail: never better than the truth.
    expect(['acknowledged', 'fail']).toContain(orders?.cells[3].status);
  });

  it('shows n/a (not pass) for cells without findings when passes were not listed, and says why', () => {
    const counted = smallReport({ includePasses: false });
    const out = renderHtml(counted, { now: TODAY });
    expect(out).toContain('Passing checks were not listed in this run');
    expect(owaspMatrix(counted).rows.find((r) => r.apiId === 'Orders')?.cells[1].status).toBe('not-applicable');
  });

  it('lists the acknowledgement register with the expired one first and days left for the others', () => {
    const register = acknowledgementRegister(report, TODAY);
    // The hostile API's required-tags findings (one per missing or invalid tag) carry the lapsed acknowledgement.
    expect(new Set(register.map((e) => JSON.stringify([e.ruleId, e.expired, e.daysLeft])))).toEqual(
      new Set([JSON.stringify(['required-tags', true, -31]), JSON.stringify(['stage-waf', false, 10])]),
    );
    expect(register[0].expired).toBe(true);
    expect(register[register.length - 1]).toMatchObject({
      ticket: 'SEC-42',
      approvedBy: 'ciso@example.com',
      via: 'cdk',
    });
    expect(html).toContain('expired 31 days ago');
    expect(html).toContain('WAF rollout &lt;Q3&gt;');
    expect(html).toMatch(/1<\/strong>acknowledgements expiring within 30 days/);
  });

  it('fails to let finding text break out of its row: every finding is a server-rendered, escaped row', () => {
    const findings = html.slice(html.indexOf('<section id="findings"'), html.indexOf('<section id="register"'));
    expect(findings).not.toContain('<noscript>');
    expect(findings).not.toContain(HOSTILE.name);
    const rows = findings.match(/<tr data-t="[^"]*" data-o="[^"]*" data-s="(fail|unknown|acknowledged)">/g) ?? [];
    const listed = report.findings.filter((f) => ['fail', 'unknown', 'acknowledged'].includes(f.status));
    expect(rows).toHaveLength(listed.length);
    expect(findings).toContain(`<td class="s-fail">fail</td>`);
  });

  it("gives each failing rule its fix, its frameworks and an absolute link to its page in the package's repository", () => {
    expect(html).toContain(
      `<a href="https://github.com/cdk-api-guardrails/cdk-api-guardrails/blob/v${report.tool.version}/docs/rules/v2-route-authorization.md">`,
    );
    expect(html).not.toMatch(/href="docs\//);
    expect(html).toMatch(/NIST 800-53 r5 AC-3, CM-2, CM-2\(2\), IA-2/);
    expect(html).toContain('PCI DSS 4.0 7.2.1, 8.3.1');
    expect(html).toContain('<strong>Fix:</strong>');
  });

  it('fails to invent a documentation link when the repository is unknown, and honours an explicit docsBase', () => {
    const { repositoryUrl: _repo, ...tool } = report.tool;
    const unlinked = renderHtml({ ...report, tool }, { now: TODAY });
    expect(unlinked).not.toContain('Rule documentation:');
    const based = renderHtml(report, { now: TODAY, docsBase: 'https://docs.example/rules/' });
    expect(based).toContain('<a href="https://docs.example/rules/v2-route-authorization.md">');
  });

  it('counts days left from the UTC day, negative once expired', () => {
    expect(daysBetween(TODAY, '2026-06-01')).toBe(0);
    expect(daysBetween(TODAY, '2026-06-02')).toBe(1);
    expect(daysBetween(TODAY, '2026-05-31')).toBe(-1);
  });

  it('stays under 5 MB for 400 APIs', () => {
    const big = renderHtml(largeReport(400), { now: TODAY });
    expect(big).toContain('Api399');
    expect(Buffer.byteLength(big)).toBeLessThan(5 * 1024 * 1024);
  });
});
