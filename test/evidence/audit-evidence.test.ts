import { main } from '../../lib/cli/main';
import type { CliIo } from '../../lib/cli/io';
import { startFakeAws, type FakeAws } from '../audit/fake-aws/server';
import { accountFixture, REGION, SEEDED_STAGE_SECRET, SEEDED_V2_SECRET } from '../audit/fixtures';

async function audit(format: string, endpoint: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (c: string) => (stdout += c) },
    stderr: { write: (c: string) => (stderr += c) },
    cwd: process.cwd(),
    env: {},
    isTTY: false,
  };
  const args = ['audit', '--region', REGION, '--endpoint', endpoint, '--format', format, '--fail-on', 'never'];
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('audit evidence formats (against the loopback fake AWS)', () => {
  let fake: FakeAws;
  const saved = { ...process.env };
  beforeAll(async () => {
    fake = await startFakeAws(accountFixture());
    process.env.AWS_ACCESS_KEY_ID = 'AKIDLOOPBACKTEST';
    process.env.AWS_SECRET_ACCESS_KEY = 'loopback-secret';
    delete process.env.AWS_PROFILE;
  });
  afterAll(async () => {
    process.env = saved;
    await fake.close();
  });

  it.each(['html', 'csv', 'oscal'])(
    'writes the %s evidence of what is deployed, with no stage variable value',
    async (format) => {
      const result = await audit(format, fake.endpoint);
      expect(result.stderr).not.toContain('E_');
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain(SEEDED_STAGE_SECRET);
      expect(result.stdout).not.toContain(SEEDED_V2_SECRET);
      if (format === 'html') expect(result.stdout).toContain('<section id="matrix"');
      if (format === 'csv') expect(result.stdout.split('\r\n')[0]).toMatch(/^api_id,name,kind,owner,/);
      if (format === 'oscal') expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(['assessment-results']);
    },
  );
});
