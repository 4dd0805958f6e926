/**
 * Bundle the Lambda handlers the organisation-wide constructs deploy (GuardrailsHook, ScheduledAudit) into
 * one minified file each, dist/lambda/<name>/index.js, shipped inside the package. Run by `npm run build`;
 * esbuild, no Docker. Prints each bundle's size.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const LAMBDA_ENTRIES: Readonly<Record<string, string>> = {
  'guardrails-hook': 'lib/hook/lambda.ts',
  'scheduled-audit': 'lib/constructs/scheduled-audit-handler.ts',
};

/** Bundle every handler under `outDir` (default dist/lambda); returns the size of each index.js in bytes. */
export async function bundleLambdas(
  root = resolve(__dirname, '..'),
  outDir = join(root, 'dist', 'lambda'),
): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const [name, entry] of Object.entries(LAMBDA_ENTRIES)) {
    const outfile = join(outDir, name, 'index.js');
    await build({
      entryPoints: [join(root, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      minify: true,
      legalComments: 'eof',
      // Loaded lazily by code the handlers never reach (CDK construct walks, the JUnit reporter).
      external: ['aws-cdk-lib', 'constructs', 'junit-report-builder'],
      logLevel: 'warning',
    });
    sizes[name] = statSync(outfile).size;
  }
  return sizes;
}

if (require.main === module) {
  bundleLambdas()
    .then((sizes) => {
      for (const [name, bytes] of Object.entries(sizes))
        process.stdout.write(`dist/lambda/${name}/index.js: ${(bytes / 1024).toFixed(0)} KiB\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`bundle-lambdas: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
