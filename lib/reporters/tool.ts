import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
}

const PACKAGE_NAME = 'cdk-api-guardrails';
let cached: ToolInfo | undefined;

/**
 * The tool's name and version, read from this package's package.json (found by walking up from this
 * file, so it works from the sources and from dist/). The CLI and every report print this name.
 */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string; homepage?: string };
      if (pkg.name === PACKAGE_NAME) {
        cached = { name: 'api-guardrails', version: pkg.version ?? '0.0.0', informationUri: pkg.homepage };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  cached = { name: 'api-guardrails', version: '0.0.0' };
  return cached;
}
