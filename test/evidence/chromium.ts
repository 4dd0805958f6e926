/**
 * Open an HTML file in a fresh headless Chromium from the Debian packages, driven by playwright-core
 * (which downloads no browser of its own). Used by the browser test and by `npm run bench:html`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Chromium from the Debian packages (`apt-get install -y chromium`); .ci/run installs it. */
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Navigation start to the end of the load event, evaluated in the page (a string: the tests compile without DOM types). */
const LOAD_MS =
  '(() => { const n = performance.getEntriesByType("navigation")[0]; return n.loadEventEnd - n.startTime; })()';

export interface Opened {
  readonly page: Page;
  readonly errors: string[];
  /** URLs the page asked for other than its own file. */
  readonly requests: string[];
  /** Navigation start to the end of the load event, as the browser measured it (best of `loads` loads). */
  readonly renderMs: number;
  close(): Promise<void>;
}

/** Open an HTML file in a fresh headless Chromium (new empty profile). Throws, never skips, without Chromium. */
export async function open(file: string, javaScriptEnabled = true, loads = 1): Promise<Opened> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `E_CHROMIUM_MISSING: the browser test needs Chromium at ${CHROMIUM}, received no such file. ` +
        'Fix: `apt-get update && apt-get install -y chromium` (CI: .ci/run installs it before npm ci).',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'api-guardrails-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
    javaScriptEnabled,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const url = `file://${file}`;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  let renderMs = Infinity;
  for (let i = 0; i < loads; i++) {
    await (i === 0 ? page.goto(url, { waitUntil: 'load' }) : page.reload({ waitUntil: 'load' }));
    renderMs = Math.min(renderMs, Number(await page.evaluate(LOAD_MS)));
  }
  return {
    page,
    errors,
    requests,
    renderMs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
