import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrgGuardrailsError } from './guardrails-hook-errors';

/** The Lambda handlers this package ships, bundled by `npm run build` (bin/bundle-lambdas.ts). */
export type BundledHandler = 'guardrails-hook' | 'scheduled-audit';

/**
 * The directory holding a bundled handler's index.js: `dist/lambda/<name>` of the installed package, or of
 * this repository when running from source. @throws GuardrailsError E_LAMBDA_BUNDLE_MISSING
 */
export function bundleDir(name: BundledHandler, override?: string): string {
  const candidates = override
    ? [override]
    : [join(__dirname, '..', '..', 'lambda', name), join(__dirname, '..', '..', 'dist', 'lambda', name)];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.js')));
  if (!found) {
    throw new OrgGuardrailsError(
      'E_LAMBDA_BUNDLE_MISSING',
      `The bundled ${name} Lambda handler was not found.`,
      `no index.js in ${candidates.join(', ')}`,
      'Install a published version of cdk-api-guardrails, or run `npm run build` in its repository',
    );
  }
  return found;
}

/**
 * A fresh asset directory: the bundled handler plus one JSON configuration file written at synth (the
 * organisation's standard and settings). The asset hash follows the content, so a new standard deploys.
 */
export function assetWithConfig(name: BundledHandler, configFile: string, config: unknown, override?: string): string {
  const source = bundleDir(name, override);
  const dir = mkdtempSync(join(tmpdir(), `api-guardrails-${name}-`));
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(source, 'index.js'), join(dir, 'index.js'));
  writeFileSync(join(dir, configFile), JSON.stringify(config));
  return dir;
}
