import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { ApiGuardrailsChecks } from '../../lib/adapters/nag-pack';
import { DATA_CLASSIFICATIONS, GuardrailsConstructError } from '../../lib/constructs';
import { cleanup } from './fixtures';
import { MATRIX_BUILDERS } from './matrix-fixtures';
import { synthCell, type Cell } from './matrix-synth';

/**
 * "Defaults pass in every tier": every construct × every tier of the shipped standard, required props only.
 * A cell either synthesizes with no blocking finding under the plugin AND the cdk-nag pack, or refuses at
 * construction with a GuardrailsConstructError that names the prop to set. Never a failure at synth.
 */
afterAll(cleanup);

/**
 * Cells that must refuse at construction, and the prop the error has to name: what no default can supply.
 * An HTTP API cannot attach a web ACL where the tier requires WAF (internal and up), and a restricted custom
 * domain needs the organisation's mTLS truststore.
 */
const REFUSED: Record<string, RegExp> = {
  'SecureHttpApi internal': /relax: \{ noWaf/,
  'SecureHttpApi confidential': /relax: \{ noWaf/,
  'SecureHttpApi restricted': /relax: \{ noWaf/,
  'SecureApiDomain restricted': /mutualTls: \{ bucket, key/,
};

const cells = Object.keys(MATRIX_BUILDERS).flatMap((name) => DATA_CLASSIFICATIONS.map((tier) => [name, tier] as const));

describe.each(cells)('%s in tier %s, required props only', (name, tier) => {
  const refusal = REFUSED[`${name} ${tier}`];
  let cell: Cell | GuardrailsConstructError;
  beforeAll(() => {
    try {
      cell = synthCell(MATRIX_BUILDERS[name], tier);
    } catch (error) {
      if (!(error instanceof GuardrailsConstructError)) throw error;
      cell = error;
    }
  });

  if (refusal) {
    test(`refuses at construction, naming ${refusal.source}`, () => {
      expect(cell).toBeInstanceOf(GuardrailsConstructError);
      expect((cell as GuardrailsConstructError).fix).toMatch(refusal);
    });
    return;
  }

  test('the ApiGuardrails plugin reports no blocking finding', () => {
    expect(cell).not.toBeInstanceOf(GuardrailsConstructError);
    const report = new ApiGuardrails({ summary: false }).validate((cell as Cell).context);
    const blocking = report.violations
      .filter((v) => v.severity === 'error' || v.severity === 'fatal')
      .map((v) => `${v.ruleName}: ${v.description}`);
    expect(blocking).toEqual([]);
    expect(report.success).toBe(true);
  });

  test('the cdk-nag pack (ApiGuardrailsChecks) reports no error', () => {
    expect(cell).not.toBeInstanceOf(GuardrailsConstructError);
    const { app } = cell as Cell;
    const report = new ApiGuardrailsChecks(app).validateScope(app);
    const blocking = report.violations
      .filter((v) => v.severity === 'error' || v.severity === 'fatal')
      .map((v) => `${v.ruleName}: ${v.description}`);
    expect(blocking).toEqual([]);
  });
});
