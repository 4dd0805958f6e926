import { existsSync } from 'node:fs';
import { corpusFolder } from './shared-corpus';

describe('the shared corpus location', () => {
  it('finds the templates folder beside the repository', () => {
    expect(existsSync(corpusFolder('templates'))).toBe(true);
  });

  it('fails with E_CORPUS_MISSING and the path when a folder is missing (tests that need it fail, never skip)', () => {
    expect(() => corpusFolder('no-such-folder')).toThrow(
      /^E_CORPUS_MISSING: the shared corpus folder .*no-such-folder is missing/,
    );
  });
});
