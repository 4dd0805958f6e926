import type { JsonReport } from '../../../lib/reporters/json';
import { allRules } from '../../../policies/rules';
import { run, TempDir } from '../../cli/helpers';
import { SAM_PROJECT } from './sam-project';

describe('api-guardrails check on a SAM project', () => {
  const dir = new TempDir('apig-sam-');
  beforeAll(() => dir.write('template.yaml', SAM_PROJECT));
  afterAll(() => dir.cleanup());

  it('reports every rule on the APIs the SAM transform would create, with SAM logical ids', async () => {
    const result = await run(['check', 'template.yaml', '--format', 'json'], { cwd: dir.path });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.filter((f) => f.ruleId === 'not-evaluable')).toEqual([]);
    expect(report.notices).toEqual([]);
    const apis = new Set(report.findings.map((f) => f.resource.apiId).filter((id) => id !== undefined));
    expect([...apis].sort()).toEqual(['ChatHttpApi', 'OrdersApi', 'ServerlessRestApi', 'Socket']);
    const ruled = new Set(report.findings.map((f) => f.ruleId));
    // Rules that only speak when what they check exists (API keys, HTTP or private integrations, CORS, WAF,
    // stage variables, request bodies, Lambda authorizers, dual-stack endpoints, streaming integrations, retired
    // stages, custom domains, portals (audit only)): this project has none of it, so they give no finding here.
    const silent = [
      'api-key-not-sole-auth',
      'authorizer-quality',
      'backend-certificate',
      'cors-origins',
      'domain-routing-rules',
      'dualstack-source-ip',
      'dualstack-waf-ip-sets',
      'integration-https',
      'lambda-authorizer-identity-source',
      'mtls-ownership-verification',
      'mtls-truststore-consistency',
      'mtls-truststore-version',
      'portal-access-control',
      'portal-published-apis',
      'private-domain-access',
      'private-domain-policy',
      'private-integration-tls',
      'request-validation',
      'retired-stage-mapping',
      'stage-variable-secrets',
      'streaming-protection',
      'streaming-timeout',
      'third-party-integrations',
      'waf-logging',
      'waf-rules',
    ];
    expect(allRules.map((r) => r.id).filter((id) => !ruled.has(id))).toEqual(silent);
    expect(report.rules.map((r) => r.id)).toEqual(expect.arrayContaining(allRules.map((r) => r.id)));
    const stages = new Set(report.findings.filter((f) => f.resource.kind === 'stage').map((f) => f.resource.logicalId));
    for (const id of [
      'OrdersApiprodStage',
      'ServerlessRestApiProdStage',
      'ChatHttpApiApiGatewayDefaultStage',
      'SocketDefaultStage',
    ])
      expect(stages).toContain(id);
    // Without OpenApiVersion SAM's Deployment also creates the stage "Stage" (it is deployed, so it is checked).
    expect([...stages].filter((id) => id?.startsWith('ServerlessRestApiDeployment'))).toHaveLength(1);
    expect([...stages].filter((id) => id?.startsWith('OrdersApiDeployment'))).toHaveLength(0);
  });

  it('passes what the SAM properties secure and fails what they leave open', async () => {
    const result = await run(['check', 'template.yaml', '--format', 'json'], { cwd: dir.path });
    const report = JSON.parse(result.stdout) as JsonReport;
    const status = (ruleId: string, label: RegExp): string[] =>
      report.findings.filter((f) => f.ruleId === ruleId && label.test(f.resource.label)).map((f) => f.status);
    // Auth.DefaultAuthorizer Cognito covers the explicit API's method; the implicit API has no Auth.
    expect(status('rest-method-authorization', /GET \/orders$/)).toEqual(['pass']);
    expect(status('rest-method-authorization', /GET \/health$/)).toEqual(['fail']);
    // Globals.Api TracingEnabled reaches both REST APIs' stages.
    expect(status('tracing', /stage prod$/)).toEqual(['pass']);
    // The HTTP API's JWT default authorizer covers its route; the WebSocket $connect route has no auth.
    expect(status('v2-route-authorization', /POST \/messages$/)).toEqual(['pass']);
    expect(status('v2-route-authorization', /route \$connect$/)).toEqual(['fail']);
    expect(result.code).toBe(1);
  });

  it('fails a SAM template without the Transform line with a notice, never "0 APIs" and a pass', async () => {
    dir.write('no-transform.yaml', SAM_PROJECT.replace('Transform: AWS::Serverless-2016-10-31\n', ''));
    const result = await run(['check', 'no-transform.yaml'], { cwd: dir.path });
    expect(result.stdout).toMatch(/SAM_TRANSFORM_MISSING/);
    expect(result.stdout).not.toMatch(/0 APIs/);
    expect(result.code).toBe(1);
  });
});
