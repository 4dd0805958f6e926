import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  /** The tool's home page: package.json's homepage, else its repository, else its npm page. */
  readonly informationUri?: string;
  /** The repository's web address (from package.json `repository`), where the rule pages live. */
  readonly repositoryUrl?: string;
}

const NPM_PAGE = 'https://www.npmjs.com/package/cdk-api-guardrails';

/**
 * The web address of a rule's generated docs page (docs/rules/<id>.md at this version's tag in the
 * package's repository), or undefined when the repository is not known. Reports written anywhere (a
 * SARIF upload, an HTML page in cdk.out) link here: a relative path would resolve against the report.
 */
export function ruleDocsUrl(tool: ToolInfo, ruleId: string): string | undefined {
  if (!tool.repositoryUrl) return undefined;
  return `${tool.repositoryUrl}/blob/v${encodeURIComponent(tool.version)}/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

/** `git+https://github.com/o/r.git`, `github:o/r` or `{ url }` as `https://github.com/o/r`. */
function repositoryUrl(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof raw !== 'string' || raw === '') return undefined;
  const short = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (short) return `https://github.com/${short[1]}`;
  const url = raw
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/\.git$/, '');
  return /^https?:\/\//.test(url) ? url : undefined;
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
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as {
        name?: string;
        version?: string;
        homepage?: string;
        repository?: unknown;
      };
      if (pkg.name === PACKAGE_NAME) {
        const repository = repositoryUrl(pkg.repository);
        cached = {
          name: 'api-guardrails',
          version: pkg.version ?? '0.0.0',
          informationUri: pkg.homepage ?? repository ?? NPM_PAGE,
          ...(repository ? { repositoryUrl: repository } : {}),
        };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  cached = { name: 'api-guardrails', version: '0.0.0', informationUri: NPM_PAGE };
  return cached;
}
