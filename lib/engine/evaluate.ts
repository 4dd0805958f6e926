import { portalApiIds, type ApiKind, type Inventory } from '../model/types';
import { isUnresolved, type Value } from '../model/value';
import { sortFindings, type Finding, type FindingResource } from './finding';
import { labelOfApi, show } from './labels';
import { PassCounter, type PassTally } from './pass-tally';
import type { AnyRule, SubjectKind, Subjects } from './rule';
import {
  fixFor,
  passFinding,
  plan as planRule,
  RuleRun,
  runCheck,
  type Acknowledge,
  type Planned,
  type Scope,
} from './rule-run';
import type { ResolvedStandard } from '../standard';

export { labelOfApi } from './labels';
export { tallyPasses, type PassTally } from './pass-tally';

/** What `evaluate` needs besides the inventory. */
export interface EvaluateOptions {
  readonly standard: ResolvedStandard;
  /** Looks up an acknowledgement for a failing finding (CDK metadata, baseline, ...), or one that expired. */
  readonly acknowledge?: Acknowledge;
  /** The day acknowledgement expiries are judged against (the standard's `maxDaysAhead` cap). @default the clock */
  readonly today?: Date;
}

/** The findings of one evaluation, with the inventory they are about. */
export interface Evaluation {
  /** Sorted by status, rule, resource, message. Read-only: reports trust the order. */
  readonly findings: readonly Finding[];
  readonly inventory: Inventory;
  /**
   * The passing checks by rule and API. Set by `evaluate`, which also lists every pass in `findings`; an
   * evaluation built by other means may leave it out, and its passes are then counted from `findings`.
   */
  readonly passes?: PassTally;
}

/** An error in a rule's own definition, found before any rule runs. */
export class RuleDefinitionError extends Error {
  readonly code = 'E_RULE_APPLIES_TO';
  constructor(
    readonly ruleId: string,
    readonly received: unknown,
  ) {
    super(
      `E_RULE_APPLIES_TO: rule ${ruleId} has appliesTo ${JSON.stringify(received)}. ` +
        "Give the subject and the API kinds, e.g. appliesTo: { subject: 'stage', apiKinds: ['rest'] } (ALL_API_KINDS for every kind).",
    );
  }
}

/**
 * Run every enabled rule once per subject it applies to, in one walk of the inventory. Deterministic:
 * findings are sorted by status, rule, resource and message.
 */
export function evaluate(inventory: Inventory, options: EvaluateOptions): Evaluation & { readonly passes: PassTally } {
  const { standard } = options;
  const plans = new RulePlans(standard);
  const findings: Finding[] = [];
  const passes = new PassCounter();
  const context = new RuleRun(inventory);
  const run = <K extends SubjectKind>(
    plan: readonly Planned[],
    subject: Subjects[K],
    resource: FindingResource,
    scope: Scope,
  ): void => {
    for (const planned of plan) {
      const result = runCheck(planned, subject, resource, scope, context, options);
      if (result.outcome === 'findings') for (const f of result.findings) findings.push(f);
      if (result.outcome !== 'pass') continue;
      passes.add(planned.rule.id, resource.apiId);
      findings.push(passFinding(planned, resource, scope.tier, result.exempt));
    }
  };

  const tierByApi = new Map<string, string>();
  for (const api of inventory.apis) {
    const tier = standard.tierOf(api);
    tierByApi.set(api.id, tier);
    const apiLabel = labelOfApi(api);
    const at = (kind: SubjectKind, label: string, source: FindingResource['source']): FindingResource => ({
      kind,
      label,
      source,
      apiId: api.id,
    });
    const planFor = (subject: SubjectKind): readonly Planned[] => plans.for(tier, subject, api.kind);
    run(planFor('api'), api, at('api', apiLabel, api.source), { tier, api });
    const stagePlan = planFor('stage');
    for (const stage of api.stages) {
      if (stage.unreadable) {
        // The stages could not be read: every stage rule is undecided, never passed, failed or left out.
        const resource = at('stage', `${apiLabel} › (stages not readable)`, stage.source);
        const message = `Cannot decide for any stage of this API: its stages could not be read (${stage.unreadable}).`;
        for (const planned of stagePlan) findings.push(undecided(planned, message, resource, tier, api.source));
        continue;
      }
      const label = `${apiLabel} › stage ${show(stage.name)}`;
      run(stagePlan, stage, at('stage', label, stage.source), { tier, api, stage });
    }
    const operationPlan = planFor('operation');
    for (const op of api.operations) {
      const label = `${apiLabel} › ${op.method ? `${op.method} ` : 'route '}${op.path}`;
      run(operationPlan, op, at('operation', label, op.source), { tier, api });
    }
    if (api.operationsUnresolved) {
      // The methods/routes could not be read (e.g. an OpenAPI body in S3): every operation rule is undecided.
      const resource = at('api', `${apiLabel} › (operations not readable)`, api.source);
      const message = `Cannot decide for any method or route of this API: its operations are unresolved (${api.operationsUnresolved}).`;
      for (const planned of operationPlan) findings.push(undecided(planned, message, resource, tier, api.source));
    }
    const authorizerPlan = planFor('authorizer');
    for (const authorizer of api.authorizers) {
      const label = `${apiLabel} › authorizer ${show(authorizer.name, authorizer.id)}`;
      run(authorizerPlan, authorizer, at('authorizer', label, authorizer.source), { tier, api });
    }
  }
  // Domains, usage plans, user pools and portals serve several APIs: they are evaluated under the strictest tier among them.
  const strictestOf = (apiIds: Value<string>[]): string => {
    let tier: string | undefined;
    for (const id of apiIds) {
      const t = isUnresolved(id) ? undefined : tierByApi.get(id);
      if (t) tier = tier ? standard.stricter(tier, t) : t;
    }
    return tier ?? standard.strictestTier;
  };
  for (const domain of inventory.domains) {
    const tier = strictestOf([...domain.mappings.map((m) => m.apiId), ...domain.routingRules.map((r) => r.apiId)]);
    const label = `domain ${show(domain.name, domain.id)}`;
    run(plans.for(tier, 'domain', undefined), domain, { kind: 'domain', label, source: domain.source }, { tier });
  }
  for (const plan of inventory.usagePlans) {
    const tier = strictestOf(plan.stages.map((s) => s.apiId));
    const label = `usage plan ${plan.id}`;
    run(plans.for(tier, 'usagePlan', undefined), plan, { kind: 'usagePlan', label, source: plan.source }, { tier });
  }
  for (const pool of inventory.userPools) {
    const tier = strictestOf(pool.usedBy.map((use) => use.apiId));
    const label = `user pool ${show(pool.name, pool.id)}`;
    run(plans.for(tier, 'userPool', undefined), pool, { kind: 'userPool', label, source: pool.source }, { tier });
  }
  for (const portal of inventory.portals) {
    const tier = strictestOf(portalApiIds(portal));
    const label = `portal ${show(portal.name, portal.id)}`;
    run(plans.for(tier, 'portal', undefined), portal, { kind: 'portal', label, source: portal.source }, { tier });
  }
  for (const notice of inventory.notices) {
    if (notice.level !== 'error') continue;
    findings.push({
      ruleId: 'not-evaluable',
      title: 'Template can be evaluated',
      status: 'unknown',
      severity: 'error',
      message: notice.message,
      fix: 'Evaluate the processed template (e.g. `sam build` / `cdk synth` output) instead.',
      resource: {
        kind: 'template',
        label: notice.source.templatePath ?? notice.source.logicalId ?? 'template',
        source: notice.source,
      },
      tier: standard.strictestTier,
    });
  }
  return { findings: sortFindings(findings), inventory, passes };
}

/** The unknown finding of a planned rule on subjects that could not be read (no check runs). */
function undecided(
  planned: Planned,
  message: string,
  resource: FindingResource,
  tier: string,
  fixSource: FindingResource['source'],
): Finding {
  return {
    ruleId: planned.rule.id,
    title: planned.rule.title,
    status: 'unknown',
    severity: planned.unknownSeverity,
    message,
    fix: fixFor(planned, fixSource),
    resource,
    tier,
  };
}

/**
 * The enabled rules with their settings for a (tier, subject kind, API kind), worked out once per
 * evaluation. A rule is planned only for the API kinds its `appliesTo` names; domains and usage plans
 * (no API kind) get every rule of their subject kind.
 */
class RulePlans {
  private readonly bySubject = new Map<SubjectKind, AnyRule[]>();
  private readonly plans = new Map<string, Planned[]>();

  constructor(private readonly standard: ResolvedStandard) {
    for (const rule of standard.rules) {
      const appliesTo: unknown = rule.appliesTo;
      if (typeof appliesTo !== 'object' || appliesTo === null || !Array.isArray(rule.appliesTo.apiKinds))
        throw new RuleDefinitionError(rule.id, appliesTo);
      const list = this.bySubject.get(rule.appliesTo.subject) ?? [];
      list.push(rule);
      this.bySubject.set(rule.appliesTo.subject, list);
    }
  }

  for(tier: string, subject: SubjectKind, apiKind: ApiKind | undefined): readonly Planned[] {
    const key = `${tier}\u0000${subject}\u0000${apiKind ?? ''}`;
    let plan = this.plans.get(key);
    if (!plan) {
      plan = [];
      for (const rule of this.bySubject.get(subject) ?? []) {
        if (apiKind !== undefined && !rule.appliesTo.apiKinds.includes(apiKind)) continue;
        const setting = this.standard.setting(rule.id, tier);
        if (setting?.enabled) plan.push(planRule(rule, setting, this.standard));
      }
      this.plans.set(key, plan);
    }
    return plan;
  }
}
