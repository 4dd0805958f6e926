import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseLargeArgs } from '../../bench/large-report';
import { writeLargeTemplate } from '../../bench/large-template';
import { fromTemplates } from '../../lib/model/template';

describe('large-report workload (bench/large-template.ts)', () => {
  it('writes valid JSON that models as N REST APIs with seven methods and one stage each', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'large-template-'));
    try {
      const file = path.join(dir, 'Large.template.json');
      const bytes = writeLargeTemplate(file, 3);
      const text = fs.readFileSync(file, 'utf8');
      expect(bytes).toBe(Buffer.byteLength(text));
      const template = JSON.parse(text) as { Resources: Record<string, unknown> };
      expect(Object.keys(template.Resources)).toHaveLength(3 * 11);
      const inventory = fromTemplates([{ template, templatePath: file }]);
      expect(inventory.apis.map((a) => [a.id, a.kind, a.operations.length, a.stages.map((s) => s.name)])).toEqual([
        ['Api0', 'rest', 7, ['prod']],
        ['Api1', 'rest', 7, ['prod']],
        ['Api2', 'rest', 7, ['prod']],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bench:large arguments', () => {
  it('defaults to 30,000 APIs in JSON and SARIF', () => {
    expect(parseLargeArgs([])).toEqual({ apis: 30000, formats: ['json', 'sarif'] });
    expect(parseLargeArgs(['--apis', '10', '--formats', 'text'])).toEqual({ apis: 10, formats: ['text'] });
  });

  it.each([[['--apis', '0']], [['--apis', 'x']], [['--formats', 'pdf']], [['--quick']]])(
    'refuses %j with E_BENCH_ARGS and what was received',
    (args) => {
      expect(() => parseLargeArgs(args)).toThrow(new RegExp(`E_BENCH_ARGS: received ${args.join(' ')}`));
    },
  );
});
