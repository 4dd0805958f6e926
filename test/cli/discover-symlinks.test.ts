import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { discoverTemplates } from '../../lib/cli/discover';
import { restTemplate, TempDir } from './helpers';

describe('discoverTemplates: symbolic links in a directory of templates', () => {
  const dir = new TempDir('apig-symlinks-');
  afterAll(() => dir.cleanup());

  beforeAll(() => {
    dir.write('outside/shared.json', restTemplate('ERROR'));
    dir.write('outside/more/other.yaml', 'Resources: {}\n');
    dir.write('templates/own.json', restTemplate('ERROR'));
    symlinkSync(join(dir.path, 'outside/shared.json'), join(dir.path, 'templates/linked.json'));
    symlinkSync(join(dir.path, 'outside/more'), join(dir.path, 'templates/linked-dir'));
    // A link to an ancestor: followed once, never in a loop.
    symlinkSync(join(dir.path, 'templates'), join(dir.path, 'templates/loop'));
    symlinkSync(join(dir.path, 'outside/missing.json'), join(dir.path, 'templates/broken.json'));
  });

  it('reads symlinked templates and symlinked folders, each real file once, and ends on a link loop', () => {
    const found = discoverTemplates(['templates'], dir.path).map((c) => c.display);
    expect(found).toEqual(['templates/linked-dir/other.yaml', 'templates/linked.json', 'templates/own.json']);
  });

  it('fails nothing on a broken link: it is not a template and is passed over', () => {
    const found = discoverTemplates(['templates'], dir.path).map((c) => c.display);
    expect(found).not.toContain('templates/broken.json');
  });
});
