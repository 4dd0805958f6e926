import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { acknowledgeRisk } from '../../lib/adapters/acknowledge-risk';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { ApiGuardrailsChecks } from '../../lib/adapters/nag-pack';
import {
  DATA_CLASSIFICATIONS,
  GuardrailsConstructError,
  RestApiAuthorization,
  SecureRestApi,
} from '../../lib/constructs';
import type { JsonReport } from '../../lib/reporters/json';
import { run } from '../cli/helpers';
import { cleanup } from './fixtures';
import { MATRIX_BUILDERS, type MatrixBuilder } from './matrix-fixtures';
import { synthCell, type Cell } from './matrix-synth';
import { type CfnStage, MockIntegration } from 'aws-cdk-lib/aws-apigateway';

/**
 * "One acknowledgement, every adapter": over the construct matrix, and over apps that acknowledge in each
 * of the three ways (a construct's `relax`, `acknowledgeRisk`, CDK's `Validations.acknowledge`), the
 * plugin, the cdk-nag pack and `api-guardrails check cdk.out` report the same unacknowledged rule × resource
 * pairs, and the plugin and the CLI count the same acknowledged findings.
 */
afterAll(cleanup);

const TODAY = new Date('2026-11-25T12:00:00Z');

interface Verdicts {
  readonly plugin: string[];
  readonly pack: string[];
  readonly cli: string[];
  readonly acknowledged: { plugin: number; cli: number };
}

async function verdicts(cell: Cell): Promise<Verdicts> {
  const logicalIdOf = new Map<string, string>();
  for (const c of cell.app.node.findAll())
    if (CfnResource.isCfnResource(c)) logicalIdOf.set(c.node.path, Stack.of(c).resolve(c.logicalId) as string);
  const plugin = new ApiGuardrails({ summary: false }).validate(cell.context);
  const pack = new ApiGuardrailsChecks(cell.app).validateScope(cell.app);
  const cli = await run(['check', cell.outdir, '--format', 'json', '--fail-on', 'never'], { cwd: cell.outdir });
  const report = JSON.parse(cli.stdout) as JsonReport;
  const sorted = (pairs: Iterable<string>): string[] => [...new Set(pairs)].sort();
  return {
    plugin: sorted(
      plugin.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.resourceLogicalId}`)),
    ),
    pack: sorted(
      pack.violations.flatMap((v) =>
        v.violatingResources.map(
          (r) => `${v.ruleName.replace(/^ApiGuardrails-/, '')} ${logicalIdOf.get(r.constructPath ?? '')}`,
        ),
      ),
    ),
    cli: sorted(
      report.findings
        .filter((f) => f.status === 'fail' || f.status === 'unknown')
        .map((f) => `${f.ruleId} ${f.resource.logicalId}`),
    ),
    acknowledged: { plugin: Number(plugin.metadata?.acknowledged), cli: report.summary.acknowledged },
  };
}

function expectParity(v: Verdicts): void {
  expect(v.pack).toEqual(v.plugin);
  expect(v.cli).toEqual(v.plugin);
  expect(v.acknowledged.cli).toBe(v.acknowledged.plugin);
}

const cells = Object.keys(MATRIX_BUILDERS).flatMap((name) => DATA_CLASSIFICATIONS.map((tier) => [name, tier] as const));

test.each(cells)('%s in tier %s: the three adapters agree', async (name, tier) => {
  let cell: Cell;
  try {
    cell = synthCell(MATRIX_BUILDERS[name], tier);
  } catch (error) {
    // A cell that refuses at construction (defaults-matrix.test.ts says which and why) has nothing to compare.
    expect(error).toBeInstanceOf(GuardrailsConstructError);
    return;
  }
  expectParity(await verdicts(cell));
});

/**
 * A SecureRestApi without access logs (its `relax`), without tracing (escape hatch + `acknowledgeRisk`) and
 * without its WAF association (removed + CDK's `Validations.acknowledge`, in the cdk-nag id form). Access
 * logs cannot be acknowledged in the restricted tier: that finding must stay blocking in every adapter.
 */
const acknowledgedThreeWays: MatrixBuilder = (stack, tier) => {
  const api = new SecureRestApi(stack, 'Orders', {
    owner: 'team-orders',
    dataClassification: tier,
    authorization: RestApiAuthorization.iam(),
    relax: { accessLoggingOff: { reason: 'CloudFront logs every request' } },
  });
  api.root.addMethod('GET', new MockIntegration());
  (api.stage.node.defaultChild as CfnStage).tracingEnabled = false;
  acknowledgeRisk(
    api,
    { ruleId: 'tracing', reason: 'X-Ray not rolled out', ticket: 'SEC-7', expires: '2026-12-31' },
    TODAY,
  );
  api.node.tryRemoveChild('WebAclAssociation');
  Validations.of(api).acknowledge({
    id: 'ApiGuardrails-stage-waf',
    reason: 'Fronted by CloudFront with the org web ACL',
  });
};

test.each(['public', 'restricted'] as const)(
  'relax, acknowledgeRisk and Validations.acknowledge give the same verdicts in every adapter (tier %s)',
  async (tier) => {
    const v = await verdicts(synthCell(acknowledgedThreeWays, tier));
    expectParity(v);
    expect(v.plugin.filter((p) => /^(tracing|stage-waf) /.test(p))).toEqual([]);
    const accessLogs = v.plugin.filter((p) => p.startsWith('stage-access-logging '));
    expect(accessLogs).toHaveLength(tier === 'restricted' ? 1 : 0);
    expect(v.acknowledged.plugin).toBe(tier === 'restricted' ? 2 : 3);
  },
);
