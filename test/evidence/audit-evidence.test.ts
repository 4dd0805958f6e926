import { SEEDED_STAGE_SECRET, SEEDED_V2_SECRET } from '../audit/fixtures';
import { auditCli, useFakeAws } from '../audit/helpers';

describe('audit evidence formats (against the loopback fake AWS)', () => {
  const fakeAws = useFakeAws();

  it.each(['html', 'csv', 'oscal'])(
    'writes the %s evidence of what is deployed, with no stage variable value',
    async (format) => {
      const result = await auditCli(fakeAws().endpoint, ['--format', format, '--fail-on', 'never']);
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
