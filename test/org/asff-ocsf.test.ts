import { evaluate } from '../../lib/engine/evaluate';
import { fromTemplate } from '../../lib/model/template';
import { toAsff, type AsffFinding } from '../../lib/reporters/asff';
import { buildReport, type Report } from '../../lib/reporters/report';
import { resolveStandard } from '../../lib/standard';
import { failingTemplate } from '../hook/requests';
import type { OcsfComplianceFinding } from '../../lib/reporters/ocsf';
import { ACCOUNT, REGION } from '../audit/fixtures';
import { auditCli, useFakeAws } from '../audit/helpers';
import { run, TempDir } from '../cli/helpers';

const standard = resolveStandard();

describe('audit --format asff / ocsf (against the loopback fake)', () => {
  const fakeAws = useFakeAws();
  const audit = (format: string, extra: string[] = []): ReturnType<typeof auditCli> =>
    auditCli(fakeAws().endpoint, ['--format', format, ...extra]);

  it('fails with one ASFF finding per failing or unknown (rule, resource), each with every field BatchImportFindings requires', async () => {
    const result = await audit('asff');
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout) as AsffFinding[];
    const active = findings.filter((f) => f.RecordState === 'ACTIVE');
    expect(active.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f).toMatchObject({
        SchemaVersion: '2018-10-08',
        ProductArn: `arn:aws:securityhub:${REGION}:${ACCOUNT}:product/${ACCOUNT}/default`,
        AwsAccountId: ACCOUNT,
      });
      expect(f.Id).toMatch(new RegExp(`^api-guardrails/${ACCOUNT}/${REGION}/[a-z0-9-]+/[0-9a-f]{32}$`));
      expect(f.GeneratorId).toMatch(/^api-guardrails\//);
      expect(f.Title.length).toBeLessThanOrEqual(256);
      expect(f.Description.length).toBeLessThanOrEqual(1024);
      expect(f.Resources.length).toBe(1);
      expect(Date.parse(f.CreatedAt)).not.toBeNaN();
      expect(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).toContain(f.Severity.Label);
    }
    expect(new Set(findings.map((f) => f.Id)).size).toBe(findings.length);
    // Open findings are ACTIVE, passing pairs are sent ARCHIVED so a fixed control is resolved.
    expect(findings.some((f) => f.RecordState === 'ARCHIVED' && f.Compliance.Status === 'PASSED')).toBe(true);
    expect(active.every((f) => f.Compliance.Status === 'FAILED' || f.Compliance.Status === 'WARNING')).toBe(true);
    const stage = findings.find((f) => f.Resources[0].Type === 'AwsApiGatewayStage');
    expect(stage?.Resources[0].Id).toMatch(/^arn:aws:apigateway:eu-west-1::\/restapis\/[^/]+\/stages\//);
  });

  it('gives the same ids on a second run (updates, not new findings)', async () => {
    const first = (JSON.parse((await audit('asff')).stdout) as AsffFinding[]).map((f) => f.Id).sort();
    const second = (JSON.parse((await audit('asff')).stdout) as AsffFinding[]).map((f) => f.Id).sort();
    expect(second).toEqual(first);
  });

  it('fails with OCSF compliance findings (class 2003) carrying the ASFF ids', async () => {
    const asff = JSON.parse((await audit('asff')).stdout) as AsffFinding[];
    const result = await audit('ocsf');
    expect(result.code).toBe(1);
    const events = JSON.parse(result.stdout) as OcsfComplianceFinding[];
    expect(events.length).toBe(asff.length);
    for (const e of events) {
      expect(e).toMatchObject({ class_uid: 2003, category_uid: 2, metadata: { version: '1.1.0' } });
      expect(e.type_uid).toBe(200300 + e.activity_id);
      expect(e.cloud.account.uid).toBe(ACCOUNT);
    }
    expect(events.map((e) => e.finding_info.uid).sort()).toEqual(asff.map((f) => f.Id).sort());
    const failing = events.find((e) => e.compliance.status === 'Fail');
    expect(failing).toMatchObject({ activity_id: 1, status: 'New', compliance: { status_id: 3 } });
    const passing = events.find((e) => e.compliance.status === 'Pass' && e.status === 'Resolved');
    expect(passing).toMatchObject({ activity_id: 3, severity_id: 1 });
  });

  it('fails with E_ACCOUNT_ID when --account-id is not 12 digits', async () => {
    const result = await audit('asff', ['--account-id', '12345']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('E_ACCOUNT_ID');
  });
});

it('fails when check is asked for ASFF: only audit offers it, templates have no account', async () => {
  const dir = new TempDir();
  try {
    const file = dir.write('t.json', { Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} } } });
    const result = await run(['check', file, '--format', 'asff'], { cwd: process.cwd() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"asff" is invalid|Allowed choices are text, json, sarif, junit, markdown/i);
  } finally {
    dir.cleanup();
  }
});

describe('toAsff without an audit', () => {
  const report = (): Report =>
    buildReport({ evaluation: evaluate(fromTemplate(failingTemplate()), { standard }), standard });

  it('fails with E_ASFF_ACCOUNT for a report with no audited account', () => {
    expect(() => toAsff(report())).toThrow(/E_ASFF_ACCOUNT.*received account none, region none/);
    expect(() => toAsff(report(), { accountId: '12', region: 'eu-west-1' })).toThrow(/E_ASFF_ACCOUNT/);
  });

  it('builds findings for a named account and region, with resources the template names', () => {
    const findings = toAsff(report(), { accountId: ACCOUNT, region: REGION });
    const method = findings.find((f) => f.GeneratorId === 'api-guardrails/rest-method-authorization');
    expect(method).toMatchObject({ RecordState: 'ACTIVE', Compliance: { Status: 'FAILED' } });
    expect(method?.Resources[0]).toMatchObject({ Type: 'Other', Partition: 'aws', Region: REGION });
  });
});
