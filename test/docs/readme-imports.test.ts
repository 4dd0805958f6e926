import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as root from '../../lib/index';

const repo = join(__dirname, '..', '..');
const docs = ['README.md', ...readdirSync(join(repo, 'docs', 'guide')).map((f) => join('docs', 'guide', f))];

/** Every `import { A, type B } from 'cdk-api-guardrails'` in the docs' code blocks: file → value names. */
function documentedImports(): [string, string][] {
  const pairs: [string, string][] = [];
  for (const file of docs) {
    const text = readFileSync(join(repo, file), 'utf8');
    for (const [, names] of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'cdk-api-guardrails'/g)) {
      for (const name of names.split(',').map((n) => n.trim())) {
        if (name && !name.startsWith('type ')) pairs.push([file, name]);
      }
    }
  }
  return pairs;
}

describe('the docs import only what the package root exports', () => {
  const pairs = documentedImports();

  it('finds the quick start imports (a parser that finds nothing would pass anything)', () => {
    expect(pairs).toEqual(expect.arrayContaining([['README.md', 'SecureRestApi']]));
    expect(pairs).toEqual(expect.arrayContaining([['README.md', 'RestApiAuthorization']]));
  });

  it.each(pairs)('%s imports %s, which the package root exports', (_file, name) => {
    expect(Object.keys(root)).toContain(name);
  });
});
