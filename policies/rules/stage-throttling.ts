import { ALL_API_KINDS, defineRule, type RuleContext } from '../../lib/engine/rule';
import type { MethodSettings, Stage } from '../../lib/model/types';
import { stageScopes } from '../../lib/model/stage-scopes';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Highest steady-state rate (requests per second) a stage default or a method/route override may allow. */
  readonly maxRateLimit: number;
  /** Highest burst a stage default or a method/route override may allow. */
  readonly maxBurstLimit: number;
  /** Lowest stage-wide rate: below it the stage rejects nearly all traffic (a mistake, not a control). Overrides may go lower to switch a method off. */
  readonly minRateLimit: number;
  /** Lowest stage-wide burst (see minRateLimit). */
  readonly minBurstLimit: number;
}

type Limit = 'rateLimit' | 'burstLimit';
const LABEL: Record<Limit, string> = { rateLimit: 'rate limit', burstLimit: 'burst limit' };
const MAX: Record<Limit, 'maxRateLimit' | 'maxBurstLimit'> = { rateLimit: 'maxRateLimit', burstLimit: 'maxBurstLimit' };
const MIN: Record<Limit, 'minRateLimit' | 'minBurstLimit'> = { rateLimit: 'minRateLimit', burstLimit: 'minBurstLimit' };

export default defineRule<'stage', Options>({
  id: 'stage-throttling',
  title: 'Stages set default throttling within the standard’s bounds',
  rationale:
    'Without stage throttling every API in the account and Region shares the account-level limit (10,000 rps by default), ' +
    'so one abused or runaway client can exhaust it for all of them and run up integration cost.',
  fix: {
    cdk:
      "Give the Secure* constructs `throttle: { rateLimit: 100, burstLimit: 200 }` within the standard's " +
      'bounds (the default, or none acknowledged with `relax.throttlingOff`); on plain APIs set ' +
      '`deployOptions: { throttlingRateLimit: 100, throttlingBurstLimit: 200 }` (REST) or the stage `throttle: ' +
      '{ rateLimit, burstLimit }` (HTTP/WebSocket).',
    cloudFormation:
      'MethodSettings [{ ResourcePath: "/*", HttpMethod: "*", ThrottlingRateLimit, ThrottlingBurstLimit }] ' +
      '(REST) or DefaultRouteSettings ThrottlingRateLimit/ThrottlingBurstLimit (v2).',
    sam:
      '`MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", ThrottlingRateLimit, ThrottlingBurstLimit ' +
      '}]` (AWS::Serverless::Api) or `DefaultRouteSettings` ThrottlingRateLimit/ThrottlingBurstLimit ' +
      '(AWS::Serverless::HttpApi).',
  },
  severity: 'error',
  owasp: ['API4:2023'],
  controls: { nist80053: ['SC-5'], pciDss4: [] },
  references: { cdkNag: 'Serverless-APIGWDefaultThrottling' },
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        maxRateLimit: { type: 'number', exclusiveMinimum: 0 },
        maxBurstLimit: { type: 'integer', minimum: 1 },
        minRateLimit: { type: 'number', minimum: 0 },
        minBurstLimit: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
    defaults: { maxRateLimit: 1000, maxBurstLimit: 2000, minRateLimit: 1, minBurstLimit: 1 },
  },
  check(stage, ctx) {
    const rest = ctx.api?.kind === 'rest';
    const [defaults, ...overrides] = stageScopes(stage);
    checkDefault(defaults.settings, locationOf(stage, rest, false), ctx);
    for (const { override, settings } of overrides)
      checkOverride(`${override.method} ${override.path}`.trim(), settings, locationOf(stage, rest, true), ctx);
  },
});

/** The stage default must set both limits, within the standard's bounds. */
function checkDefault(settings: MethodSettings, where: string, ctx: RuleContext<Options>): void {
  const { options } = ctx;
  for (const limit of ['rateLimit', 'burstLimit'] as const) {
    const value = settings.throttle[limit];
    if (value === undefined) {
      ctx.fail(
        `Stage sets no default throttling ${LABEL[limit]}: it falls back to the account-level limit shared by every API.`,
        { location: where },
      );
      continue;
    }
    if (isUnresolved(value)) {
      ctx.unknown(`Stage default throttling ${LABEL[limit]} is unresolved (${value.because}).`, { location: where });
      continue;
    }
    if (value < 0) {
      ctx.fail(`Stage default throttling ${LABEL[limit]} is ${value}, which disables the stage limit.`, {
        location: where,
      });
    } else if (value > options[MAX[limit]]) {
      ctx.fail(
        `Stage default throttling ${LABEL[limit]} is ${value}; the standard allows at most ${options[MAX[limit]]}.`,
        { location: where },
      );
    } else if (value < options[MIN[limit]]) {
      ctx.fail(
        `Stage default throttling ${LABEL[limit]} is ${value}; the standard requires at least ${options[MIN[limit]]}.`,
        { location: where },
      );
    }
  }
}

/** An override above the bound fails; an override that leaves a limit unset inherits the stage default. */
function checkOverride(label: string, settings: MethodSettings, where: string, ctx: RuleContext<Options>): void {
  for (const limit of ['rateLimit', 'burstLimit'] as const) {
    const value = settings.throttle[limit];
    if (value === undefined) continue;
    if (isUnresolved(value)) {
      ctx.unknown(`Throttling ${LABEL[limit]} of ${label} is unresolved (${value.because}).`, { location: where });
    } else if (value < 0) {
      ctx.fail(`${label} sets throttling ${LABEL[limit]} ${value}, which removes the limit for that method.`, {
        location: where,
      });
    } else if (value > ctx.options[MAX[limit]]) {
      ctx.fail(
        `${label} raises throttling ${LABEL[limit]} to ${value}; the standard allows at most ${ctx.options[MAX[limit]]}.`,
        { location: where },
      );
    }
  }
}

function locationOf(stage: Stage, rest: boolean, override: boolean): string {
  if (stage.declaredBy === 'deployment')
    return override ? 'Properties.StageDescription.MethodSettings' : 'Properties.StageDescription';
  if (rest) return 'Properties.MethodSettings';
  return override ? 'Properties.RouteSettings' : 'Properties.DefaultRouteSettings';
}
