import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleLambdas } from '../../bin/bundle-lambdas';

let built: Promise<{ dir: string; sizes: Record<string, number> }> | undefined;

/** Bundle both handlers once per test file into a temp directory (as `npm run build` does into dist/lambda). */
export function bundled(): Promise<{ dir: string; sizes: Record<string, number> }> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-guardrails-lambda-'));
    const sizes = await bundleLambdas(resolve(__dirname, '..', '..'), dir);
    return { dir, sizes };
  })();
  return built;
}
