/**
 * Transpile the sources the benchmark children need to plain JavaScript once per bench run, so every
 * measured child starts from JS instead of paying ts-node's per-process transpile of ~120 files
 * (~3.5 s of CPU each, most of a child's wall time in `--quick`).
 *
 * Per file, types are not checked (as with ts-node --transpile-only; `npm run typecheck` checks them).
 * The output lives in the repository's git-ignored `.bench-out/js`, so `require('aws-cdk-lib')` and
 * package.json lookups walk up to this repository as they do from the sources.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** Folders (relative to the repository root) whose .ts and .json files the children load. */
const SOURCE_DIRS = ['lib', 'policies', 'bench', 'test/audit/fake-aws'];

export interface CompileResult {
  readonly outDir: string;
  readonly files: number;
  readonly ms: number;
}

/** Transpile into `outDir` (emptied first); it must lie inside the repository so packages resolve. */
export function compileForBench(root: string, outDir: string = path.join(root, '.bench-out', 'js')): CompileResult {
  const started = process.hrtime.bigint();
  if (path.relative(root, outDir).startsWith('..')) {
    throw new Error(
      `bench: error E_BENCH_OUTDIR: received ${outDir}, outside ${root}. Fix: pass a folder inside the repository (node_modules must resolve from it).`,
    );
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  const compilerOptions = compilerOptionsOf(root);
  let files = 0;
  for (const dir of SOURCE_DIRS) {
    for (const file of walk(path.join(root, dir))) {
      const target = path.join(outDir, path.relative(root, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (file.endsWith('.json')) {
        fs.copyFileSync(file, target);
      } else {
        const { outputText, diagnostics } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
          compilerOptions,
          fileName: file,
          reportDiagnostics: true,
        });
        if (diagnostics?.length) {
          const text = ts.formatDiagnostics(diagnostics, {
            getCanonicalFileName: (f) => f,
            getCurrentDirectory: () => root,
            getNewLine: () => '\n',
          });
          throw new Error(
            `bench: error E_BENCH_COMPILE: cannot transpile ${file}:\n${text}Fix the syntax error, or run the child with ts-node to see it in context.`,
          );
        }
        fs.writeFileSync(target.replace(/\.ts$/, '.js'), outputText);
      }
      files++;
    }
  }
  return { outDir, files, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** tsconfig.json's options, emitting CommonJS without maps or declarations. */
function compilerOptionsOf(root: string): ts.CompilerOptions {
  const configFile = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  if (read.error)
    throw new Error(
      `bench: error E_BENCH_TSCONFIG: cannot read ${configFile}: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}. Fix: restore tsconfig.json.`,
    );
  const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  return {
    ...options,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
    declarationMap: false,
    noEmit: false,
  };
}

/** Source files under `dir`: .ts (not tests or declarations) and .json; dot-folders are skipped. */
function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (
      entry.name.endsWith('.json') ||
      (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
    )
      yield full;
  }
}
