import type { Api, Stage, UsagePlan } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import type { BuildContext } from './context';
import { asArray, asRecord } from './convert';

function throttleFrom(ctx: BuildContext, raw: unknown): UsagePlan['throttle'] {
  if (raw === undefined) return undefined;
  if (isUnresolved(raw)) return { rateLimit: raw, burstLimit: raw };
  const props = asRecord(raw);
  return { rateLimit: ctx.v.num(props.RateLimit, 'RateLimit'), burstLimit: ctx.v.num(props.BurstLimit, 'BurstLimit') };
}

/**
 * The API a plan entry names. A reference resolves to the API in the template; a literal id (an API
 * deployed elsewhere) matches the external API that stages of the same template with that literal RestApiId
 * stand for.
 */
function planApi(ctx: BuildContext, apiId: unknown, prefix: string): Api | undefined {
  const key = ctx.tokens.resourceKey(apiId);
  if (key !== undefined) return ctx.apis.get(key);
  if (typeof apiId !== 'string' || apiId === '' || ctx.tokens.hasTokens(apiId)) return undefined;
  const external = ctx.apis.get(`${prefix}external:${apiId}`);
  return external?.kind === 'rest' ? external : undefined;
}

/** AWS::ApiGateway::UsagePlan → UsagePlan, and Stage.usagePlanIds for the stages it covers. */
export function mapUsagePlans(ctx: BuildContext): void {
  for (const resource of ctx.ofType('AWS::ApiGateway::UsagePlan')) {
    const props = ctx.props(resource);
    const id = ctx.label(resource.key);
    const stages: UsagePlan['stages'] = [];
    const rawStages = props.ApiStages;
    if (isUnresolved(rawStages)) stages.push({ apiId: rawStages, stage: rawStages });
    for (const entry of asArray(rawStages)) {
      const item = asRecord(entry);
      const api = planApi(ctx, item.ApiId, resource.scope.prefix);
      const stageKey = ctx.tokens.refKey(item.Stage);
      let stage: Stage | undefined = stageKey !== undefined ? ctx.stages.get(stageKey) : undefined;
      const stageName: Value<string> = stage
        ? stage.name
        : (ctx.v.str(item.Stage, 'Stage') ?? unresolved('Stage is not set'));
      if (!stage && api && typeof stageName === 'string')
        stage = api.stages.find((candidate) => candidate.name === stageName);
      if (stage && !stage.usagePlanIds.includes(id)) stage.usagePlanIds.push(id);
      stages.push({
        apiId: api ? api.id : unresolved(`API ${ctx.v.describe(item.ApiId)} is not in the template`),
        stage: stageName,
      });
    }
    const quota = props.Quota;
    const plan: UsagePlan = {
      id,
      source: ctx.source(resource),
      throttle: throttleFrom(ctx, props.Throttle),
      ...(quota !== undefined
        ? {
            quota: isUnresolved(quota)
              ? { limit: quota, period: quota }
              : {
                  limit: ctx.v.num(asRecord(quota).Limit, 'Quota.Limit'),
                  period: ctx.v.str(asRecord(quota).Period, 'Quota.Period'),
                },
          }
        : {}),
      stages,
    };
    ctx.usagePlans.push(plan);
  }
}
