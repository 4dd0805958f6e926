import * as fs from 'fs';
import * as path from 'path';

const PACKAGE_NAME = 'cdk-api-guardrails';
let cached: string | undefined;

/**
 * The toolkit's version from its package.json, found by walking up from this file (works from the
 * sources and from dist/). Read once per process.
 */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return (cached = pkg.version);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (cached = '0.0.0');
    dir = parent;
  }
}
