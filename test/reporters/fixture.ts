import { evaluate } from '../../lib/engine/evaluate';
import type { Finding } from '../../lib/engine/finding';
import type { FailOn } from '../../lib/engine/finding';
import type { AnyRule } from '../../lib/engine/rule';
import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import { ResolvedStandard, type Standard } from '../../lib/standard';
import type { Api, Inventory, Stage } from '../../lib/model/types';
import { unresolved } from '../../lib/model/value';
import { buildReport, type Report } from '../../lib/reporters/report';
import executionLogging from '../../policies/rules/execution-logging';
import { emptyApiParts } from '../../lib/model/template/empty-api';

/** A value no reporter may ever print (stage variable). */
export const SEEDED_SECRET = 'sk_live_SEEDED_SECRET_4242';

export const TOOL = { name: 'api-guardrails', version: '9.9.9' };

export const STANDARD: Standard = {
  name: 'test-standard',
  version: '1.2.3',
  classification: { tagKey: 'data-classification', tiers: ['public', 'internal', 'confidential', 'restricted'] },
  ownerTagKey: 'owner',
  unknownAs: 'rule-severity',
  rules: { 'stage-description': { severity: 'warning' } },
  tiers: {},
};

/** A second, tiny rule so grouping by rule is exercised (warning severity, fails on stages without description). */
const stageDescription = defineRule({
  id: 'stage-description',
  title: 'Stages have a description',
  rationale: 'Descriptions tell operators what a stage is for.',
  fix: { cdk: 'Set `description` on the stage.', cloudFormation: 'Description.' },
  severity: 'info',
  owasp: ['API9:2023'],
  references: { securityHub: 'APIGateway.X' },
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  check(stage, ctx) {
    if (stage.description === undefined) ctx.fail('Stage has no description | with <html> & `code`.');
  },
});

export const RULES: readonly AnyRule[] = [executionLogging, stageDescription];

const FILE = 'cdk.out/Shop.template.json';

function stage(
  logicalId: string,
  name: string,
  loggingLevel: Stage['settings']['loggingLevel'],
  description?: string,
): Stage {
  return {
    source: {
      logicalId,
      resourceType: 'AWS::ApiGateway::Stage',
      templatePath: FILE,
      stackName: 'Shop',
      constructPath: `Shop/Orders/${logicalId}`,
    },
    name,
    description,
    settings: { loggingLevel, throttle: {} },
    overrides: [],
    variables: { apiKey: SEEDED_SECRET },
    tags: {},
    usagePlanIds: [],
    declaredBy: 'stage',
  };
}

function api(id: string, name: string, tags: Api['tags'], stages: Stage[]): Api {
  return {
    id,
    kind: 'rest',
    source: { logicalId: id, resourceType: 'AWS::ApiGateway::RestApi', templatePath: FILE, stackName: 'Shop' },
    external: false,
    name,
    endpointTypes: ['REGIONAL'],
    vpcEndpointIds: [],
    tags,
    disableExecuteApiEndpoint: false,
    ...emptyApiParts(),
    stages,
  };
}

/**
 * Orders (internal, owner team-orders): prod fails execution-logging, beta is unresolved (unknown),
 * dev passes. Billing (no tags → restricted): its stage fails and is acknowledged. Plus a SAM notice.
 */
export function fixtureInventory(): Inventory {
  return {
    apis: [
      api('OrdersApi', 'Orders', { 'data-classification': 'internal', owner: 'team-orders' }, [
        stage('ProdStage', 'prod', undefined),
        stage('BetaStage', 'beta', unresolved('parameter LogLevel has no default')),
        stage('DevStage', 'dev', 'ERROR', 'development'),
      ]),
      api('BillingApi', 'Billing', {}, [stage('BillingStage', 'live', 'OFF', 'billing')]),
    ],
    domains: [],
    webAcls: [],
    usagePlans: [],
    userPools: [],
    distributions: [],
    portals: [],
    notices: [
      {
        level: 'error',
        code: 'NOT_EVALUABLE_SAM',
        message: 'Template uses the SAM transform; evaluate the processed template.',
        source: { templatePath: 'sam/app.yaml' },
      },
    ],
    origins: [FILE, 'sam/app.yaml'],
  };
}

export function fixtureReport(failOn: FailOn = 'error'): Report {
  const standard = new ResolvedStandard(STANDARD, RULES);
  const evaluation = evaluate(fixtureInventory(), {
    standard,
    acknowledge: (f: Finding) =>
      f.ruleId === 'execution-logging' && f.resource.source.logicalId === 'BillingStage'
        ? {
            reason: 'Legacy | billing <stage> & retired soon',
            ticket: 'SEC-12',
            expires: '2027-01-31',
            approvedBy: 'ciso',
            via: 'baseline',
          }
        : undefined,
  });
  return buildReport({
    evaluation,
    standard,
    failOn,
    tool: TOOL,
    inputs: [{ path: FILE, stackName: 'Shop' }, { path: 'sam/app.yaml' }],
  });
}

/** The findings of `report` with prod's execution-logging failure baselined for `reason`, as a baseline file marks it. */
export function withProdBaselined(report: Report, reason: string): Finding[] {
  return report.findings.map((f) =>
    f.resource.source.logicalId === 'ProdStage' && f.ruleId === 'execution-logging'
      ? { ...f, status: 'baselined' as const, acknowledgement: { reason, via: 'baseline' as const } }
      : f,
  );
}
