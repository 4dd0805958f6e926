import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';

interface Options {
  /**
   * Words that mark a stage as non-production. A stage name is split into words (at `-`, `_`, `.`, digits and
   * lower-to-upper case changes) and matches when one word equals an entry, ignoring case.
   */
  readonly nonProductionNames: string[];
  /** The tier may host non-production stages (public and internal in the shipped standard). @default false */
  readonly allowNonProduction: boolean;
}

/**
 * Common names of development and test environments. 'stage' is left out on purpose: AWS SAM creates a stage
 * named `Stage` next to `Prod` for every implicit API, and flagging it would fail every SAM template.
 */
const DEFAULT_NAMES = [
  'dev',
  'develop',
  'development',
  'test',
  'testing',
  'qa',
  'uat',
  'sit',
  'alpha',
  'beta',
  'staging',
  'sandbox',
  'preview',
  'demo',
  'experimental',
  'scratch',
];

/** 'feature-Dev2_eu.test' → ['feature', 'dev', 'eu', 'test']. */
function stageWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

export default defineRule<'stage', Options>({
  id: 'non-production-stage',
  title: 'Confidential and restricted APIs have no non-production stages',
  rationale:
    'A dev, test or beta stage of an API that handles confidential data runs beside production with the same backend ' +
    'and data, usually with weaker settings and less attention; forgotten test stages are the improper inventory ' +
    'management OWASP API9 describes. Non-production belongs in another API (or account) with its own tier.',
  fix: {
    cdk:
      'Deploy non-production environments as separate stacks (their own `RestApi`/`HttpApi`, tagged with a lower ' +
      'tier) instead of extra `Stage` constructs; keep `deployOptions.stageName` a production name.',
    cloudFormation:
      'Remove the AWS::ApiGateway::Stage / AWS::ApiGatewayV2::Stage (or the Deployment `StageName`) with a ' +
      'non-production name from the confidential or restricted API; deploy that environment as its own stack.',
    sam: 'Set `StageName` of AWS::Serverless::Api / HttpApi to a production name and deploy test environments as separate stacks.',
  },
  severity: 'warning',
  owasp: ['API9:2023'],
  controls: { nist80053: ['CM-8', 'SA-3', 'CM-4(1)'], pciDss4: ['6.5.3', '6.5.4'] },
  // No peer scanner checks stage names.
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        nonProductionNames: {
          type: 'array',
          items: { type: 'string', pattern: '^[A-Za-z]+$' },
          uniqueItems: true,
        },
        allowNonProduction: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { nonProductionNames: DEFAULT_NAMES, allowNonProduction: false },
  },
  check(stage, ctx) {
    if (ctx.options.allowNonProduction) return ctx.skip();
    const location = 'Properties.StageName';
    const name = ctx.need(stage.name, 'the stage name');
    const listed = new Set(ctx.options.nonProductionNames.map((word) => word.toLowerCase()));
    const hit = stageWords(name).find((word) => listed.has(word));
    if (hit === undefined) return;
    ctx.fail(
      `Stage ${name} is named like a non-production environment ("${hit}") in an API of tier ${ctx.tier}, which ` +
        'does not allow non-production stages.',
      { location },
    );
  },
});
