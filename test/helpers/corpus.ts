import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared/corpus beside the repository (CI clones it there). */
export const CORPUS_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

/**
 * The message of a test that needs a folder of the shared corpus ('templates', 'sam') when it is absent,
 * or undefined when it is there. Such tests fail with it instead of skipping: a skipped agreement test
 * reads as a passing one.
 */
export function corpusMissing(folder = 'templates'): string | undefined {
  const dir = join(CORPUS_DIR, folder);
  if (existsSync(dir)) return undefined;
  return `E_CORPUS_MISSING: the shared corpus folder ${dir} is missing. Fix: check out the shared corpus beside the repository (../shared/corpus), as CI does`;
}

/** The path of a folder of the shared corpus; throws E_CORPUS_MISSING (so the test file fails) when it is absent. */
export function corpusFolder(folder: string): string {
  const missing = corpusMissing(folder);
  if (missing) throw new Error(missing);
  return join(CORPUS_DIR, folder);
}

/** `describe` for tests on the shared corpus; one failing test with a clear message when the folder is absent. */
export function describeWithCorpus(name: string, body: () => void, folder = 'templates'): void {
  const missing = corpusMissing(folder);
  describe(name, () => {
    if (missing) {
      it('fails: the shared corpus is missing', () => {
        throw new Error(missing);
      });
      return;
    }
    body();
  });
}
