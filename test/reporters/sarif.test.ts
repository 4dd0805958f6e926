import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import type { Log } from 'sarif';
import { FINGERPRINT_KEY, renderSarif, toSarif } from '../../lib/reporters/sarif';
import { toolInfo } from '../../lib/reporters/tool';
import { fixtureReport, withProdBaselined } from './fixture';

/**
 * The SARIF 2.1.0 (rtm.5, final) JSON schema as shipped by Microsoft's sarif-js-sdk
 * (@microsoft/jest-sarif). It is written in draft-04; its only draft-04-specific keywords are the
 * root `$schema` and `id`, so we drop the first and rename the second to let ajv 8 compile it as draft-07.
 * One pattern (`language`) has a stray `]` that is only legal in non-unicode regular expressions, hence
 * `unicodeRegExp: false`. Formats (uri, date-time) are not checked.
 */
function sarifValidator(): ValidateFunction {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  return ajv.compile({ ...rest, $id: id as string });
}

describe('SARIF reporter', () => {
  const validate = sarifValidator();
  const log = JSON.parse(renderSarif(fixtureReport())) as Log;
  const run = log.runs[0];

  it('is valid against the SARIF 2.1.0 schema', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe('2.1.0');
  });

  it('fails schema validation when a result has no message (the validator is not vacuous)', () => {
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0].results[0].message;
    expect(validate(broken)).toBe(false);
  });

  it('describes every rule with descriptions, markdown help with the fix, and OWASP tags', () => {
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(['execution-logging', 'not-evaluable', 'stage-description']);
    const logging = rules[0];
    expect(logging.shortDescription?.text).toBe('REST and WebSocket stages write execution logs');
    expect(logging.fullDescription?.text).toMatch(/Execution logs record/);
    expect(logging.help?.markdown).toMatch(/\*\*How to fix:\*\* CDK: SecureRestApi and SecureWebSocketApi log/);
    expect(logging.properties?.tags).toEqual(expect.arrayContaining(['API8:2023', 'API9:2023']));
  });

  it('reports fail, unknown and acknowledged findings (not passes) with ruleIndex, level and locations', () => {
    const results = run.results ?? [];
    expect(results).toHaveLength(6);
    for (const r of results) expect(run.tool.driver.rules?.[r.ruleIndex as number].id).toBe(r.ruleId);
    const prod = results.find(
      (r) => r.ruleId === 'execution-logging' && r.locations?.[0].logicalLocations?.[0].name === 'ProdStage',
    );
    expect(prod?.level).toBe('error');
    expect(prod?.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('cdk.out/Shop.template.json');
    expect(prod?.locations?.[0].logicalLocations?.[0].fullyQualifiedName).toBe(
      'Shop/Orders/ProdStage.Properties.MethodSettings',
    );
    const warning = results.find((r) => r.ruleId === 'stage-description');
    expect(warning?.level).toBe('warning');
  });

  it('points each result at a line: the resource line its source carries, else line 1', () => {
    const report = fixtureReport();
    const findings = report.findings.map((f) =>
      f.resource.source.logicalId === 'ProdStage'
        ? { ...f, resource: { ...f.resource, source: { ...f.resource.source, line: 42 } } }
        : f,
    );
    const regions = (toSarif({ ...report, findings }).runs[0].results ?? []).map((r) => [
      r.locations?.[0].logicalLocations?.[0].name,
      r.locations?.[0].physicalLocation?.region?.startLine,
    ]);
    expect(regions).toContainEqual(['ProdStage', 42]);
    expect(regions).toContainEqual(['BetaStage', 1]);
  });

  it('reports an unknown that blocks as a failure, and one that does not block as a warning to review', () => {
    const beta = (l: Log) =>
      (l.runs[0].results ?? []).find(
        (r) => r.ruleId === 'execution-logging' && r.locations?.[0].logicalLocations?.[0].name === 'BetaStage',
      );
    expect([beta(log)?.kind, beta(log)?.level]).toEqual(['fail', 'error']);
    const never = toSarif(fixtureReport('never'));
    expect([beta(never)?.kind, beta(never)?.level]).toEqual(['review', 'warning']);
  });

  it('points a result at the CDK app line that made the construct, the template resource as a related location', () => {
    const report = fixtureReport();
    const code = { file: '/repo/lib/shop-stack.ts', line: 31, column: 7 };
    const findings = report.findings.map((f) =>
      f.resource.source.logicalId === 'ProdStage'
        ? { ...f, resource: { ...f.resource, source: { ...f.resource.source, line: 42, code } } }
        : f,
    );
    const results = toSarif({ ...report, findings }, { cwd: '/repo' }).runs[0].results ?? [];
    const prod = results.find((r) => r.locations?.[0].logicalLocations?.[0].name === 'ProdStage');
    expect(prod?.locations?.[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'lib/shop-stack.ts' },
      region: { startLine: 31, startColumn: 7 },
    });
    expect(prod?.relatedLocations?.[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'cdk.out/Shop.template.json' },
      region: { startLine: 42 },
    });
    const outside = toSarif({ ...report, findings }, { cwd: '/elsewhere' }).runs[0].results ?? [];
    expect(
      outside.find((r) => r.locations?.[0].logicalLocations?.[0].name === 'ProdStage')?.locations?.[0].physicalLocation
        ?.artifactLocation?.uri,
    ).toBe('file:///repo/lib/shop-stack.ts');
  });

  it('names rules in PascalCase (never the id) and links each to its docs page when the repository is known', () => {
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.name)).toEqual(['ExecutionLogging', 'NotEvaluable', 'StageDescription']);
    expect(rules.every((r) => r.name !== r.id && r.helpUri === undefined)).toBe(true);
    const tool = { ...fixtureReport().tool, repositoryUrl: 'https://github.com/acme/cdk-api-guardrails' };
    const linked = toSarif({ ...fixtureReport(), tool }).runs[0].tool.driver.rules ?? [];
    expect(linked[0].helpUri).toBe(
      'https://github.com/acme/cdk-api-guardrails/blob/v9.9.9/docs/rules/execution-logging.md',
    );
  });

  it("links the tool and every rule to the package's public repository (package.json homepage and repository)", () => {
    const driver = toSarif({ ...fixtureReport(), tool: toolInfo() }).runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://github.com/cdk-api-guardrails/cdk-api-guardrails#readme');
    expect(driver.rules?.[0].helpUri).toBe(
      `https://github.com/cdk-api-guardrails/cdk-api-guardrails/blob/v${toolInfo().version}/docs/rules/execution-logging.md`,
    );
  });

  it('turns baselined findings into accepted external suppressions that say so', () => {
    const report = fixtureReport();
    const findings = withProdBaselined(report, 'accepted at adoption');
    const results = toSarif({ ...report, findings }).runs[0].results ?? [];
    const prod = results.find((r) => r.properties?.status === 'baselined');
    expect(prod?.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'accepted at adoption', properties: { via: 'baseline' } },
    ]);
  });

  it('reports a check the rule exempts on purpose as a pass with the reason, suppressed so code scanning opens no alert', () => {
    const report = fixtureReport();
    const findings = report.findings.map((f) =>
      f.status === 'pass' && f.resource.source.logicalId === 'DevStage' && f.ruleId === 'execution-logging'
        ? { ...f, exempt: 'CORS preflight: browsers send it without credentials' }
        : f,
    );
    const results = toSarif({ ...report, findings }).runs[0].results ?? [];
    expect(results).toHaveLength(7);
    const exempt = results.filter((r) => r.kind === 'pass');
    expect(exempt).toEqual([
      expect.objectContaining({
        ruleId: 'execution-logging',
        level: 'none',
        message: {
          text: 'Exempt: CORS preflight: browsers send it without credentials (Orders (rest API) › stage dev)',
        },
        properties: expect.objectContaining({
          status: 'pass',
          exempt: 'CORS preflight: browsers send it without credentials',
        }),
        suppressions: [
          {
            kind: 'external',
            status: 'accepted',
            justification: 'exempt: CORS preflight: browsers send it without credentials',
          },
        ],
      }),
    ]);
    expect(validate(toSarif({ ...report, findings }))).toBe(true);
  });

  it('fails to list a pass that no rule exempted (passes are not alerts)', () => {
    const results = run.results ?? [];
    expect(results.some((r) => r.kind === 'pass' || r.properties?.status === 'pass')).toBe(false);
  });

  it('turns acknowledgements into suppressions with the justification', () => {
    const suppressed = (run.results ?? []).filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions?.[0]).toMatchObject({
      kind: 'external',
      status: 'accepted',
      justification: 'Legacy | billing <stage> & retired soon (ticket SEC-12, expires 2027-01-31, approved by ciso)',
    });
  });

  it('gives partial fingerprints that are stable across runs and unique within a run', () => {
    const prints = (l: Log): string[] =>
      (l.runs[0].results ?? []).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY] ?? '');
    const first = prints(toSarif(fixtureReport()));
    expect(first.every((p) => /^[0-9a-f]{32}:\d+$/.test(p))).toBe(true);
    expect(prints(toSarif(fixtureReport()))).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('keeps the fingerprints of earlier versions, so code scanning keeps each alert (and its dismissal) across upgrades', () => {
    // Recorded from 0.1.0 (Hash objects); any change to the key or the digest would show every alert as new.
    expect(
      (toSarif(fixtureReport()).runs[0].results ?? []).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]),
    ).toEqual([
      '4ac71717bca93561e667da30db039555:1',
      '9177d484d5c670b9b9d42a29f6356293:1',
      'e7ff81036511712c33442e5ba0ec6060:1',
      'a9702d60bdda853ce9219edc260fb26d:1',
      '315b744b7966081e839ceacfa728c252:1',
      'ed8b91e9bdd715232de707d588d5bc61:1',
    ]);
  });

  it('lists notices as tool execution notifications', () => {
    const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
    expect(notes).toEqual([expect.objectContaining({ descriptor: { id: 'NOT_EVALUABLE_SAM' }, level: 'error' })]);
  });
});
