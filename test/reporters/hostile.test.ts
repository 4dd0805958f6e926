import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { formatSummary } from '../../lib/adapters/cdk-summary';
import { errorLine } from '../../lib/cli/errors';
import { evaluate } from '../../lib/engine/evaluate';
import { fromTemplates } from '../../lib/model/template';
import type { JsonReport } from '../../lib/reporters/json';
import { safeText } from '../../lib/reporters/safe-text';
import { resolveStandard } from '../../lib/standard';
import { run, TempDir } from '../cli/helpers';

const ESC = '\u001b';
const BEL = '\u0007';
/** Clear the screen, retitle the terminal, and a CR that rewrites the line to fake a pass. */
const LOGICAL_ID = `Api${ESC}[2J${ESC}]0;pwned${BEL}\r✔ PASSED\n## Forged heading`;
const STAGE = `prod${ESC}[31m\u009b2K\nForged line`;
const OWNER = `team${BEL}\u202eevil`;

function hostileTemplate(): object {
  return {
    Resources: {
      [LOGICAL_ID]: {
        Type: 'AWS::ApiGateway::RestApi',
        Properties: { Name: `shop${ESC}[0m`, Tags: [{ Key: 'owner', Value: OWNER }] },
      },
      Stage: {
        Type: 'AWS::ApiGateway::Stage',
        Properties: { RestApiId: { Ref: LOGICAL_ID }, StageName: STAGE },
      },
    },
  };
}

/** What must never reach a terminal or a Markdown comment raw. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('a hostile template in every format', () => {
  const dir = new TempDir();
  afterAll(() => dir.cleanup());
  beforeAll(() => dir.write('hostile.json', hostileTemplate()));

  it('neutralises control characters and line breaks in text: no ESC, BEL, CR, C1 or forged line', async () => {
    const { stdout, code } = await run(['check', 'hostile.json'], { cwd: dir.path });
    expect(code).toBe(1);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).not.toMatch(/^(Forged line|## Forged heading|✔ PASSED)/m);
    expect(stdout).toContain('\\u001b[2J');
  });

  it('neutralises them in Markdown: no raw control character, no forged heading or table row', async () => {
    const { stdout } = await run(['check', 'hostile.json', '--format', 'markdown'], { cwd: dir.path });
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).not.toMatch(/^## Forged heading/m);
    expect(stdout).not.toMatch(/^Forged line/m);
  });

  it('neutralises them in the notices and the one-line summary written to stderr', async () => {
    const { stderr } = await run(['check', 'hostile.json', '--format', 'json', '-o', 'r.json'], { cwd: dir.path });
    expect(stderr).not.toMatch(RAW_CONTROL);
  });

  it('neutralises them in the synth summary', () => {
    const inventory = fromTemplates([{ template: hostileTemplate(), templatePath: 'cdk.out/S.template.json' }]);
    const standard = resolveStandard();
    const { findings, passes } = evaluate(inventory, { standard });
    const summary = formatSummary(inventory, findings, standard, 'error', 1, passes);
    expect(summary).not.toMatch(RAW_CONTROL);
    expect(summary).not.toMatch(/^Forged/m);
  });

  it('neutralises them in error lines', () => {
    const line = errorLine(new Error(`bad rule id "x${ESC}[2J\ny"`));
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line.split('\n')).toHaveLength(1);
  });

  it('keeps the exact strings in JSON, SARIF and JUnit, which escape them', async () => {
    const json = JSON.parse(
      (await run(['check', 'hostile.json', '-f', 'json'], { cwd: dir.path })).stdout,
    ) as JsonReport;
    expect(json.findings.some((f) => f.resource.logicalId === LOGICAL_ID)).toBe(true);
    const sarifText = (await run(['check', 'hostile.json', '-f', 'sarif'], { cwd: dir.path })).stdout;
    // JSON escapes every C0 control character (and a consumer, not a terminal, reads the file).
    // eslint-disable-next-line no-control-regex
    expect(sarifText).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const sarif = JSON.parse(sarifText) as Log;
    const names = (sarif.runs[0].results ?? []).map((r) => r.locations?.[0].logicalLocations?.[0].name);
    expect(names).toContain(LOGICAL_ID);
    const xml = (await run(['check', 'hostile.json', '-f', 'junit'], { cwd: dir.path })).stdout;
    expect(xml).not.toContain(ESC);
    expect(xml).not.toContain(BEL);
    expect(() => new XMLParser().parse(xml) as unknown).not.toThrow();
  });

  it('fails to alter text without control characters (safe text is the same string)', () => {
    const plain = 'Orders (rest API) › stage prod — ✔ ünïcode';
    expect(safeText(plain)).toBe(plain);
    expect(safeText(`a${ESC}b\r\nc`)).toBe('a\\u001bb  c');
  });
});
