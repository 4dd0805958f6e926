/**
 * `npm run bench:html`: the HTML evidence report of 400 APIs (issue 18: under 5 MB, renders in under 2 s)
 * opened five times, each in a fresh headless Chromium (test/evidence/chromium.ts), with JavaScript on
 * and off. Prints the file's size and the browser's own navigation-start-to-load-end time per load.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtml } from '../lib/reporters/html';
import { open } from '../test/evidence/chromium';
import { largeReport, TODAY } from '../test/evidence/evidence-fixtures';
import { median } from './check-result';

const APIS = 400;
const LOADS = 5;

async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guardrails-html-'));
  try {
    const file = join(dir, 'evidence.html');
    const html = renderHtml(largeReport(APIS), { now: TODAY });
    writeFileSync(file, html);
    const rows: string[] = [];
    for (const javaScript of [true, false]) {
      const ms: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        process.stderr.write(`\rbench:html: JavaScript ${javaScript ? 'on' : 'off'}, load ${i + 1}/${LOADS}   `);
        const opened = await open(file, javaScript);
        ms.push(opened.renderMs);
        await opened.close();
      }
      rows.push(
        `| ${APIS} | ${(Buffer.byteLength(html) / 2 ** 20).toFixed(2)} | ${javaScript ? 'on' : 'off'} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} |`,
      );
    }
    process.stderr.write('\n');
    console.log('| APIs | HTML MiB | JavaScript | render ms, median | best | worst |\n|---|---|---|---|---|---|');
    console.log(rows.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
