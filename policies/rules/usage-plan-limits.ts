import { defineRule, type RuleContext } from '../../lib/engine/rule';
import { itemsWithIds } from '../../lib/model/lookup';
import type { UsagePlan } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Usage plans must set a per-key throttle (rate and burst). */
  readonly requireThrottle: boolean;
  /** Usage plans must set a quota (limit and period). */
  readonly requireQuota: boolean;
}

export default defineRule<'stage', Options>({
  id: 'usage-plan-limits',
  title: 'API keys are metered: usage plans throttle and cap them, and keyed stages are in a plan',
  rationale:
    'An API key is an identifier, not a credential; its value is in metering. A usage plan without throttle and quota lets ' +
    'any key holder flood the API, and methods that require a key on a stage in no usage plan reject every key.',
  fix: {
    cdk:
      '`api.addUsagePlan("Plan", { throttle: { rateLimit, burstLimit }, quota: { limit, period: Period.DAY ' +
      '} }).addApiStage({ stage })`.',
    cloudFormation:
      'AWS::ApiGateway::UsagePlan with Throttle { RateLimit, BurstLimit }, Quota { Limit, Period } and ' +
      'ApiStages listing the stage.',
    sam:
      '`Auth.UsagePlan: { CreateUsagePlan: PER_API, Throttle: { RateLimit, BurstLimit }, Quota: { Limit, ' +
      'Period } }` on AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API4:2023', 'API6:2023'],
  controls: { nist80053: ['SC-5'], pciDss4: [] },
  references: { cfnNag: 'W64', kics: 'API Gateway Stage Without API Gateway UsagePlan Associated' },
  appliesTo: { subject: 'stage', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: { requireThrottle: { type: 'boolean' }, requireQuota: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { requireThrottle: true, requireQuota: true },
  },
  check(stage, ctx) {
    const api = ctx.api;
    if (!api) return ctx.skip();
    const plans = itemsWithIds(ctx.inventory.usagePlans, stage.usagePlanIds);
    for (const plan of plans) checkPlan(plan, ctx);

    if (stage.usagePlanIds.length > 0) return;

    // The stage is in no usage plan: that matters only when its methods require API keys.
    const keyed = api.operations.filter((op) => op.auth.apiKeyRequired === true).map((op) => `${op.method} ${op.path}`);
    const keyUnknown = api.operations
      .filter((op) => isUnresolved(op.auth.apiKeyRequired))
      .map((op) => `${op.method} ${op.path}`);
    if (keyed.length === 0 && keyUnknown.length === 0 && !api.operationsUnresolved) return ctx.skip();
    // A plan whose stage reference cannot be resolved might cover this stage.
    const doubtful = plansWithUnresolvedStages(ctx.inventory.usagePlans);
    // A stage whose name is unresolved may be the stage a plan of this API names.
    const byName = isUnresolved(stage.name)
      ? ctx.inventory.usagePlans.filter((p) => p.stages.some((s) => s.apiId === api.id))
      : [];
    if (keyed.length > 0 && isUnresolved(stage.name) && byName.length > 0) {
      return ctx.unknown(
        `Methods ${list(keyed)} require an API key; usage plan(s) ${byName.map((p) => p.id).join(', ')} cover a stage of this API, and this stage's name is unresolved (${stage.name.because}).`,
      );
    }
    if (keyed.length > 0 && doubtful.length === 0) {
      return ctx.fail(
        `Methods ${list(keyed)} require an API key, but the stage is in no usage plan: every key is rejected and no key is throttled.`,
      );
    }
    if (keyed.length > 0) {
      return ctx.unknown(
        `Methods ${list(keyed)} require an API key; usage plan(s) ${doubtful.map((p) => p.id).join(', ')} may cover this stage but their stage references are unresolved.`,
      );
    }
    if (keyUnknown.length)
      return ctx.unknown(
        `Whether ${list(keyUnknown)} require an API key is unresolved, and the stage is in no usage plan.`,
      );
    ctx.unknown(`The API's methods are not known (${api.operationsUnresolved}), and the stage is in no usage plan.`);
  },
});

/** Plans whose stage references are unresolved: the same for every stage, so found once per inventory. */
const doubtfulPlans = new WeakMap<readonly UsagePlan[], UsagePlan[]>();

function plansWithUnresolvedStages(plans: readonly UsagePlan[]): UsagePlan[] {
  let doubtful = doubtfulPlans.get(plans);
  if (!doubtful) {
    doubtful = plans.filter((p) => p.stages.some((s) => isUnresolved(s.apiId) || isUnresolved(s.stage)));
    doubtfulPlans.set(plans, doubtful);
  }
  return doubtful;
}

function checkPlan(plan: UsagePlan, ctx: RuleContext<Options>): void {
  const opts = { source: plan.source };
  if (ctx.options.requireThrottle) {
    const missing = (['rateLimit', 'burstLimit'] as const).filter((k) => plan.throttle?.[k] === undefined);
    if (missing.length)
      ctx.fail(
        `Usage plan ${plan.id} sets no ${missing.map(label).join(' or ')}: each key may call as fast as the stage allows.`,
        { ...opts, location: 'Properties.Throttle' },
      );
    for (const k of ['rateLimit', 'burstLimit'] as const) {
      const value = plan.throttle?.[k];
      if (isUnresolved(value))
        ctx.unknown(`Usage plan ${plan.id} ${label(k)} is unresolved (${value.because}).`, {
          ...opts,
          location: 'Properties.Throttle',
        });
    }
  }
  if (ctx.options.requireQuota) {
    const limit = plan.quota?.limit;
    const period = plan.quota?.period;
    if (limit === undefined || period === undefined) {
      ctx.fail(`Usage plan ${plan.id} sets no quota (limit and period): a key's total calls are unbounded.`, {
        ...opts,
        location: 'Properties.Quota',
      });
    } else if (isUnresolved(limit)) {
      ctx.unknown(`Usage plan ${plan.id} quota limit is unresolved (${limit.because}).`, {
        ...opts,
        location: 'Properties.Quota',
      });
    } else if (isUnresolved(period)) {
      ctx.unknown(`Usage plan ${plan.id} quota period is unresolved (${period.because}).`, {
        ...opts,
        location: 'Properties.Quota',
      });
    }
  }
}

function label(k: 'rateLimit' | 'burstLimit'): string {
  return k === 'rateLimit' ? 'throttle rate limit' : 'throttle burst limit';
}

function list(items: string[]): string {
  return items.length > 5 ? `${items.slice(0, 5).join(', ')} (+${items.length - 5} more)` : items.join(', ');
}
