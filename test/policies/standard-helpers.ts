import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { StandardError } from '../../lib/standard';

/**
 * In a test file: a temporary folder for standard files, made before its tests and removed after them.
 * Returns `write(name, text)`, which writes a file there and returns its path.
 */
export function standardFiles(prefix: string): (name: string, text: string) => string {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name, text) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
}

/** The StandardError `fn` throws; fails the test when it throws nothing or another error. */
export function errorOf(fn: () => unknown): StandardError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StandardError) return error;
    throw error;
  }
  throw new Error('expected a StandardError, none was thrown');
}
