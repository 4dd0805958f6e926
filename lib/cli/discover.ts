import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError } from './errors';

/** Extensions read as templates (a `.template` file is JSON or YAML). */
export const TEMPLATE_EXTENSIONS = ['.json', '.yaml', '.yml', '.template'] as const;

/** Folders never searched inside a directory of templates. */
const SKIPPED_DIRS = new Set(['node_modules']);

/** One template to read. */
export interface TemplateCandidate {
  /** Absolute path. */
  readonly file: string;
  /** Path as reports show it: relative to cwd, with '/'. */
  readonly display: string;
  readonly stackName?: string;
  /**
   * True when the user named the file, or a cloud assembly lists it: it must be a template. False for
   * files found by searching a directory: those that are not CloudFormation are skipped.
   */
  readonly required: boolean;
  /** The path argument it came from (for "no templates in X" errors). */
  readonly from: string;
}

/**
 * Expand the `check` path arguments into template files: a template file, a directory of templates
 * (searched recursively, skipping node_modules and dot-folders), or a CDK cloud assembly (cdk.out:
 * a directory with manifest.json; stacks from artifacts of type aws:cloudformation:stack, nested
 * assemblies such as CDK Stages followed). Each file appears once even when reached twice.
 * @throws CliError E_PATH_NOT_FOUND, E_UNSUPPORTED_FILE, E_NO_TEMPLATES, E_CLOUD_ASSEMBLY
 */
export function discoverTemplates(paths: readonly string[], cwd: string): TemplateCandidate[] {
  const seen = new Set<string>();
  const out: TemplateCandidate[] = [];
  const add = (candidate: TemplateCandidate): void => {
    const key = realpathSync(candidate.file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(candidate);
  };
  for (const arg of paths) {
    const abs = resolve(cwd, arg);
    if (!existsSync(abs)) {
      throw new CliError(
        'E_PATH_NOT_FOUND',
        `path "${arg}" does not exist (resolved to ${abs})`,
        'Pass a template file, a directory of templates or a cdk.out directory',
      );
    }
    if (statSync(abs).isDirectory()) {
      const visited = isCloudAssembly(abs)
        ? readAssembly(abs, cwd, arg, add, new Set())
        : searchDirectory(abs, cwd, arg, add);
      if (visited === 0) {
        throw new CliError(
          'E_NO_TEMPLATES',
          `directory "${arg}" contains no template files (looked for ${TEMPLATE_EXTENSIONS.join(', ')}, or a cdk.out manifest.json)`,
          'Point at a template file, a directory that holds templates, or the cdk.out of `cdk synth`',
        );
      }
    } else {
      const ext = extname(abs).toLowerCase();
      if (!(TEMPLATE_EXTENSIONS as readonly string[]).includes(ext)) {
        throw new CliError(
          'E_UNSUPPORTED_FILE',
          `"${arg}" has extension "${ext || '(none)'}", not a template extension`,
          `Pass a ${TEMPLATE_EXTENSIONS.join(', ')} file, a directory or a cdk.out`,
        );
      }
      add({ file: abs, display: displayOf(abs, cwd), required: true, from: arg });
    }
  }
  return out;
}

/** A directory is a cloud assembly when it holds a manifest.json with an `artifacts` map or a `version`. */
export function isCloudAssembly(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  try {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (typeof parsed.artifacts === 'object' || typeof parsed.version === 'string')
    );
  } catch {
    // A broken manifest next to *.template.json files is still a broken cdk.out: say so.
    return readdirSync(dir).some((f) => f.endsWith('.template.json'));
  }
}

interface ManifestArtifact {
  readonly type?: string;
  readonly displayName?: string;
  readonly properties?: {
    readonly templateFile?: string;
    readonly stackName?: string;
    readonly directoryName?: string;
  };
}

function readAssembly(
  dir: string,
  cwd: string,
  arg: string,
  add: (c: TemplateCandidate) => void,
  visiting: Set<string>,
): number {
  const manifestPath = join(dir, 'manifest.json');
  const shown = displayOf(manifestPath, cwd);
  const real = realpathSync(dir);
  if (visiting.has(real)) return 0;
  visiting.add(real);
  let manifest: { artifacts?: Record<string, ManifestArtifact> };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof manifest;
  } catch (error) {
    throw new CliError(
      'E_CLOUD_ASSEMBLY',
      `cannot read the cloud assembly manifest ${shown}: ${(error as Error).message}`,
      'Run `cdk synth` again to regenerate cdk.out',
    );
  }
  let count = 0;
  const artifacts: unknown = manifest.artifacts ?? {};
  if (typeof artifacts !== 'object' || artifacts === null || Array.isArray(artifacts)) {
    throw new CliError(
      'E_CLOUD_ASSEMBLY',
      `the cloud assembly manifest ${shown} has an "artifacts" that is not a map (got ${describeJson(artifacts)})`,
      'Run `cdk synth` again to regenerate cdk.out',
    );
  }
  for (const [id, artifact] of Object.entries(artifacts as Record<string, ManifestArtifact | null>)) {
    if (typeof artifact !== 'object' || artifact === null || Array.isArray(artifact)) {
      throw new CliError(
        'E_CLOUD_ASSEMBLY',
        `artifact "${id}" in the cloud assembly manifest ${shown} is not an object (got ${describeJson(artifact)}) at artifacts.${id}`,
        'Run `cdk synth` again to regenerate cdk.out',
      );
    }
    if (artifact.type === 'aws:cloudformation:stack') {
      const templateFile = artifact.properties?.templateFile;
      if (typeof templateFile !== 'string') {
        throw new CliError(
          'E_CLOUD_ASSEMBLY',
          `stack artifact "${id}" in ${shown} has no properties.templateFile`,
          'Run `cdk synth` again to regenerate cdk.out',
        );
      }
      const file = join(dir, templateFile);
      if (!existsSync(file)) {
        throw new CliError(
          'E_CLOUD_ASSEMBLY',
          `stack artifact "${id}" in ${shown} names ${templateFile}, which does not exist`,
          'Run `cdk synth` again to regenerate cdk.out',
        );
      }
      requireInside(real, file, `stack artifact "${id}" in ${shown} names templateFile ${templateFile}`);
      add({
        file,
        display: displayOf(file, cwd),
        stackName: artifact.properties?.stackName ?? artifact.displayName ?? id,
        required: true,
        from: arg,
      });
      count++;
    } else if (artifact.type === 'cdk:cloud-assembly') {
      const nested = artifact.properties?.directoryName;
      if (typeof nested !== 'string' || !existsSync(join(dir, nested))) {
        throw new CliError(
          'E_CLOUD_ASSEMBLY',
          `nested assembly "${id}" in ${shown} points at a missing directory (${String(nested)})`,
          'Run `cdk synth` again to regenerate cdk.out',
        );
      }
      requireInside(real, join(dir, nested), `nested assembly "${id}" in ${shown} names directoryName ${nested}`);
      count += readAssembly(join(dir, nested), cwd, arg, add, visiting);
    }
  }
  return count;
}

/** A manifest names only files inside its assembly (links resolved): anything else is never read. */
function requireInside(assemblyDir: string, target: string, what: string): void {
  const rel = relative(assemblyDir, realpathSync(target));
  if (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return;
  throw new CliError(
    'E_CLOUD_ASSEMBLY',
    `${what}, which is outside the cloud assembly ${assemblyDir}; it was not read`,
    'Run `cdk synth` again to regenerate cdk.out (CDK writes every template inside it)',
  );
}

/** What a directory entry is, following a symbolic link to its target (a broken link is neither). */
function entryKind(full: string, entry: Dirent): 'dir' | 'file' | undefined {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (!entry.isSymbolicLink()) return undefined;
  try {
    const target = statSync(full);
    return target.isDirectory() ? 'dir' : target.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

function searchDirectory(
  dir: string,
  cwd: string,
  arg: string,
  add: (c: TemplateCandidate) => void,
  visited = new Set<string>(),
): number {
  // A symbolic link back up the tree would make the search endless: each real directory is searched once.
  const real = realpathSync(dir);
  if (visited.has(real)) return 0;
  visited.add(real);
  let count = 0;
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const kind = entryKind(full, entry);
    if (kind === 'dir') {
      if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
      count += isCloudAssembly(full)
        ? readAssembly(full, cwd, arg, add, new Set())
        : searchDirectory(full, cwd, arg, add, visited);
    } else if (
      kind === 'file' &&
      (TEMPLATE_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())
    ) {
      add({ file: full, display: displayOf(full, cwd), required: false, from: arg });
      count++;
    }
  }
  return count;
}

/** Relative to cwd (also above it: "../x"), with '/', as every report shows template paths. */
export function displayOf(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' ? '.' : rel.split(sep).join('/');
}

function describeJson(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}
