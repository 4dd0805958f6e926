import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OSCAL_VERSION, renderOscal, toOscal } from '../../lib/reporters/oscal';
import { oscalControlId, uuidFor } from '../../lib/reporters/oscal-ids';
import { largeReport, smallReport, TODAY } from './evidence-fixtures';

/** NIST's published OSCAL 1.0.6 assessment-results schema (draft-07), vendored with its licence. */
const schema = JSON.parse(
  readFileSync(join(__dirname, '../vendor/oscal/oscal_assessment-results_schema.json'), 'utf8'),
) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface Doc {
  'assessment-results': {
    metadata: { 'oscal-version': string };
    results: {
      observations: {
        uuid: string;
        props: { name: string; value: string }[];
        subjects?: { 'subject-uuid': string }[];
      }[];
      findings: {
        target: { 'target-id': string; status: { state: string; reason: string } };
        'related-observations': { 'observation-uuid': string }[];
      }[];
      'local-definitions': { 'inventory-items': { uuid: string; props: { name: string; value: string }[] }[] };
      'reviewed-controls': { 'control-selections': { 'include-controls': { 'control-id': string }[] }[] };
    }[];
  };
}

function errorsOf(doc: unknown): string {
  return validate(doc) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

describe('oscal assessment results', () => {
  const doc = JSON.parse(renderOscal(smallReport(), { now: TODAY })) as Doc;
  const result = doc['assessment-results'].results[0];

  it("validates against NIST's OSCAL assessment-results JSON schema", () => {
    expect(errorsOf(doc)).toBe('');
    expect(doc['assessment-results'].metadata['oscal-version']).toBe(OSCAL_VERSION);
  });

  it('validates for a large app too (400 APIs)', () => {
    expect(errorsOf(toOscal(largeReport(400), { now: TODAY }))).toBe('');
  });

  it('fails schema validation when a required part is missing (the validator is really checking)', () => {
    const broken = JSON.parse(JSON.stringify(doc)) as { 'assessment-results': Record<string, unknown> };
    delete broken['assessment-results'].metadata;
    expect(errorsOf(broken)).toMatch(/metadata/);
  });

  it('makes each API an inventory item that observations point at', () => {
    const items = result['local-definitions']['inventory-items'];
    const orders = items.find((i) => i.props.some((p) => p.name === 'asset-id' && p.value === 'Orders'));
    expect(orders?.props).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'owner', value: 'team-orders' })]),
    );
    const onOrders = result.observations.filter((o) => o.subjects?.[0]['subject-uuid'] === orders?.uuid);
    expect(onOrders.length).toBeGreaterThan(5);
  });

  it('fails (not-satisfied) a NIST control whose rule fails, and satisfies one whose rules all pass', () => {
    const byTarget = new Map(result.findings.map((f) => [f.target['target-id'], f.target.status]));
    // v2-route-authorization fails on the HTTP API: AC-3 is not satisfied.
    expect(byTarget.get('ac-3_smt')).toEqual({ state: 'not-satisfied', reason: 'fail' });
    // tracing (CA-7 among others) passes on the REST stages, but CA-7 also holds execution logging, which fails.
    expect(byTarget.get('ca-7_smt')?.state).toBe('not-satisfied');
    // Only cache-encryption maps to CA-9(1), and no stage caches: satisfied.
    expect(byTarget.get('ca-9.1_smt')).toEqual({ state: 'satisfied', reason: 'pass' });
    const reviewed = result['reviewed-controls']['control-selections'][0]['include-controls'].map(
      (c) => c['control-id'],
    );
    expect(reviewed).toEqual(expect.arrayContaining(['ac-3', 'ac-4.21', 'au-2', 'sc-8']));
  });

  it('links every finding only to observations that exist', () => {
    const ids = new Set(result.observations.map((o) => o.uuid));
    for (const f of result.findings)
      for (const r of f['related-observations']) expect(ids.has(r['observation-uuid'])).toBe(true);
  });

  it('converts NIST ids to OSCAL catalog ids and makes stable version-5-shaped UUIDs', () => {
    expect(oscalControlId('AC-4(21)')).toBe('ac-4.21');
    expect(oscalControlId('SC-7')).toBe('sc-7');
    expect(uuidFor('x')).toBe(uuidFor('x'));
    expect(uuidFor('x')).not.toBe(uuidFor('y'));
    expect(uuidFor('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
