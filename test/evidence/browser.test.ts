import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import type { Page } from 'playwright-core';
import { createReferenceApp } from '../../bin/reference-app';
import { runCheck } from '../../lib/cli/commands/check';
import { renderHtml } from '../../lib/reporters/html';
import { open } from './chromium';
import { largeReport, TODAY } from './evidence-fixtures';
/** Screenshots and the rendered pages are kept here (git-ignored) for a person to look at. */
const ARTIFACTS = resolve(__dirname, '../../test-artifacts');

/**
 * Poll from the test side until `check` holds (the page's CSP forbids the string evaluation that
 * waitForFunction needs, which is the point of the CSP).
 */
async function until(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Rows the filter left in one table (offscreen sections are not laid out, so not ':visible'). */
async function visibleRows(page: Page, section: string): Promise<number> {
  return page.locator(`#${section} tr[data-s]:not([hidden])`).count();
}

describe('html report in a real browser', () => {
  beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

  it('renders the reference app (CDK synth → cdk.out → check --format html) with no console error', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'api-guardrails-ref-'));
    const file = join(ARTIFACTS, 'evidence-reference-app.html');
    try {
      const app = new App({ outdir });
      createReferenceApp(app);
      app.synth();
      const stderr: string[] = [];
      const io = {
        cwd: outdir,
        env: {},
        isTTY: false,
        stdout: { write: () => true },
        stderr: { write: (s: string) => stderr.push(s) },
      };
      runCheck([outdir], { format: 'html', output: file, failOn: 'never' }, io);
      expect(stderr.join('')).toContain('html report written to');
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    const opened = await open(file);
    try {
      expect(opened.errors).toEqual([]);
      expect(opened.requests).toEqual([]);
      const page = opened.page;
      await expect(page.locator('#matrix table th[scope="col"]').count()).resolves.toBe(11);
      await expect(page.locator('#register h2').textContent()).resolves.toBe('Acknowledgement register');
      // The reference app accepts the HTTP API's missing WAF: the register shows it.
      await expect(page.locator('#register tbody tr').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('#inventory tbody tr').count()).resolves.toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: join(ARTIFACTS, 'evidence-reference-app.png'), fullPage: false });
    } finally {
      await opened.close();
    }
  });

  it('renders 400 APIs, and the owner, status and search filters narrow every table', async () => {
    const file = join(ARTIFACTS, 'evidence-400-apis.html');
    writeFileSync(file, renderHtml(largeReport(400), { now: TODAY }));
    const opened = await open(file);
    try {
      const page = opened.page;
      expect(opened.errors).toEqual([]);
      expect(opened.requests).toEqual([]);
      await expect(visibleRows(page, 'inventory')).resolves.toBe(440);
      await expect(visibleRows(page, 'register')).resolves.toBe(40);

      // team-3 owns Api3, Api13, … Api393: 40 REST APIs (HTTP APIs come with every tenth, owned by team-0).
      await page.selectOption('#f-owner', 'team-3');
      await expect(visibleRows(page, 'inventory')).resolves.toBe(40);
      const owners = await page
        .locator('#matrix tr[data-s]:not([hidden])')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-o')));
      expect(new Set(owners)).toEqual(new Set(['team-3']));

      await page.selectOption('#f-owner', '');
      await page.selectOption('#f-status', 'acknowledged');
      await expect(visibleRows(page, 'register')).resolves.toBe(40);
      // Every finding row is in the page; the filter applies to the closed lists too: stage-waf has 40 accepted of 400.
      await page.click('#rule-stage-waf summary');
      await expect(page.locator('#rule-stage-waf tbody tr').count()).resolves.toBe(400);
      await expect(page.locator('#rule-stage-waf tbody tr:not([hidden])').count()).resolves.toBe(40);
      await expect(page.locator('#rule-stage-waf tbody tr:not([hidden]) td.s-fail').count()).resolves.toBe(0);

      await page.click('#f-reset');
      await page.fill('#f-search', 'api399');
      // The search waits for typing to pause before it filters.
      await until(async () => (await visibleRows(page, 'inventory')) === 1);
      await expect(visibleRows(page, 'inventory')).resolves.toBe(1);
      await expect(page.locator('#f-count').textContent()).resolves.toMatch(/^Showing \d+ of \d+ rows$/);
      await page.click('#f-reset');
      await page.screenshot({ path: join(ARTIFACTS, 'evidence-400-apis.png'), fullPage: false });
    } finally {
      await opened.close();
    }
  });
  it('shows every finding of 400 APIs with JavaScript turned off (the script only filters)', async () => {
    const file = join(ARTIFACTS, 'evidence-400-apis-no-js.html');
    writeFileSync(file, renderHtml(largeReport(400), { now: TODAY }));
    const opened = await open(file, false);
    try {
      const page = opened.page;
      expect(opened.errors).toEqual([]);
      await page.click('#rule-stage-waf summary');
      const rows = page.locator('#rule-stage-waf tbody tr');
      await expect(rows.count()).resolves.toBe(400);
      await expect(rows.first().isVisible()).resolves.toBe(true);
      await expect(rows.first().locator('td').first().textContent()).resolves.toMatch(/^(fail|acknowledged)$/);
      // Without the script nothing filters: the count line stays empty rather than lying.
      await expect(page.locator('#f-count').textContent()).resolves.toBe('');
    } finally {
      await opened.close();
    }
  });
});
