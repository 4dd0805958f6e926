import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every .ts file under test/, relative to the repository root. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The 1-based numbers of the lines of `text` that assert only existence. */
function weakAssertionLines(text: string): number[] {
  const weak = /\.(toBeDefined|toBeTruthy)\(\)/;
  return text.split('\n').flatMap((line, i) => (weak.test(line) ? [i + 1] : []));
}

const root = join(__dirname, '..');
const files = testFiles(__dirname).filter((file) => file !== __filename);

describe('test conventions', () => {
  it('reads the test tree', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('fails a line that only asserts existence, and passes assertions on values', () => {
    const text = ['expect(api).toBeDefined();', 'expect(api.id).toBe("a");', 'expect(ok).toBeTruthy();'].join('\n');
    expect(weakAssertionLines(text)).toEqual([1, 3]);
  });

  it('asserts values, never only that something exists (no toBeDefined() or toBeTruthy())', () => {
    const offenders = files.flatMap((file) =>
      weakAssertionLines(readFileSync(file, 'utf8')).map((line) => `${relative(root, file)}:${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
