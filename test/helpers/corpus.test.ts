import { existsSync } from 'node:fs';
import { corpusFolder, corpusMissing } from './corpus';

describe('the shared corpus location', () => {
  it('finds the templates and SAM folders beside the repository', () => {
    expect(existsSync(corpusFolder('templates'))).toBe(true);
    expect(corpusMissing('sam')).toBeUndefined();
  });

  it('fails with E_CORPUS_MISSING, the path and the fix when a folder is missing (tests that need it fail, never skip)', () => {
    expect(() => corpusFolder('no-such-folder')).toThrow(
      /^E_CORPUS_MISSING: the shared corpus folder .*no-such-folder is missing\. Fix: check out the shared corpus/,
    );
    expect(corpusMissing('no-such-folder')).toMatch(/^E_CORPUS_MISSING: .*no-such-folder/);
  });
});
