import { record, type Json } from './common';
import type { Generated } from './domains';

/** Auth.UsagePlan of a REST API (PER_API, or SHARED across the template's APIs; NONE makes nothing). */
export class UsagePlans {
  private readonly shared: Json[] = [];
  private sharedSettings: Json = {};

  add(apiId: string, stageId: string, raw: unknown, attributes: Json, out: Generated): void {
    const plan = record(raw);
    const stage = { ApiId: { Ref: apiId }, Stage: { Ref: stageId } };
    if (plan.CreateUsagePlan === 'SHARED') {
      this.shared.push(stage);
      this.sharedSettings = { ...this.sharedSettings, ...settings(plan) };
      return;
    }
    if (plan.CreateUsagePlan !== 'PER_API') return;
    out[`${apiId}UsagePlan`] = {
      Type: 'AWS::ApiGateway::UsagePlan',
      ...attributes,
      Properties: { ApiStages: [stage], ...settings(plan) },
    };
  }

  /** The one ServerlessUsagePlan all SHARED APIs join. */
  finish(out: Generated): void {
    if (this.shared.length === 0) return;
    out.ServerlessUsagePlan = {
      Type: 'AWS::ApiGateway::UsagePlan',
      Properties: { ApiStages: this.shared, ...this.sharedSettings },
    };
  }
}

function settings(plan: Json): Json {
  const out: Json = {};
  for (const key of ['Quota', 'Throttle', 'Description', 'UsagePlanName', 'Tags'])
    if (plan[key] !== undefined) out[key] = plan[key];
  return out;
}
