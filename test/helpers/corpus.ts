import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared/corpus beside the repository (CI clones it there). */
export const CORPUS_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

/**
 * The message of a test that needs the shared corpus when it is absent, or undefined when it is there.
 * Such tests fail with it instead of skipping: a missing corpus must not pass silently.
 */
export function corpusMissing(): string | undefined {
  if (existsSync(join(CORPUS_DIR, 'templates'))) return undefined;
  return `E_CORPUS_MISSING: the shared corpus is not at ${CORPUS_DIR}. Clone ../shared beside the repository (CI does).`;
}

/** `describe` for tests on the shared corpus; one failing test with a clear message when it is absent. */
export function describeWithCorpus(name: string, body: () => void): void {
  const missing = corpusMissing();
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
