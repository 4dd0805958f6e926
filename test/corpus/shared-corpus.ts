import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpus of real templates, beside the repository (../shared/corpus). */
export const SHARED_CORPUS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

/**
 * A folder of the shared corpus (e.g. 'templates'). Tests that need it fail when it is missing, with this
 * message, rather than skip: a skipped agreement test reads as a passing one.
 */
export function corpusFolder(folder: string): string {
  const dir = join(SHARED_CORPUS, folder);
  if (!existsSync(dir)) {
    throw new Error(
      `E_CORPUS_MISSING: the shared corpus folder ${dir} is missing. Fix: check out the shared corpus beside the repository (../shared/corpus), as CI does`,
    );
  }
  return dir;
}
