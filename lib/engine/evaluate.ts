import type { Api, Inventory } from '../model/types';
import { isUnresolved, type Value } from '../model/value';
import type { Acknowledgement, ExpiredAcknowledgement, Finding, FindingResource } from './finding';
import type { AnyRule, ReportOptions, RuleContext, Severity, SubjectKind, Subjects } from './rule';
import { sortFindings } from './sort-findings';
import type { EffectiveSetting, ResolvedStandard } from '../standard';

export interface EvaluateOptions {
  readonly standard: ResolvedStandard;
  /** Looks up an acknowledgement for a failing finding (CDK metadata, baseline, ...), or one that expired. */
  readonly acknowledge?: (finding: Finding) => Acknowledgement | ExpiredAcknowledgement | undefined;
  /**
   * Include `pass` findings in the result. Passes are always counted in `Evaluation.passes`; a caller that
   * only shows counts (text and SARIF reports, the synth summary) leaves them out and the engine then
   * never builds them (a third of the findings of a typical stack). @default true
   */
  readonly includePasses?: boolean;
}

/** Passing checks, counted whether or not they are listed as findings. */
export interface PassTally {
  readonly total: number;
  /** Per rule id. */
  readonly byRule: ReadonlyMap<string, number>;
  /** Per API id (checks of domains and usage plans belong to no API). */
  readonly byApi: ReadonlyMap<string, number>;
}

/** A PassTally being filled, one passing check at a time. */
class PassCounter implements PassTally {
  total = 0;
  readonly byRule = new Map<string, number>();
  readonly byApi = new Map<string, number>();

  add(ruleId: string, apiId: string | undefined): void {
    this.addToRule(ruleId, 1);
    if (apiId !== undefined) this.addToApi(apiId, 1);
  }

  /** `count` passes of one rule (the total counts them here). */
  addToRule(ruleId: string, count: number): void {
    if (count === 0) return;
    this.total += count;
    this.byRule.set(ruleId, (this.byRule.get(ruleId) ?? 0) + count);
  }

  /** `count` passes on one API's resources, already counted per rule. */
  addToApi(apiId: string, count: number): void {
    if (count > 0) this.byApi.set(apiId, (this.byApi.get(apiId) ?? 0) + count);
  }
}

/** The tally of the passes listed in `findings`, for an evaluation that carries none (built by other means). */
export function tallyPasses(findings: readonly Finding[]): PassTally {
  const counter = new PassCounter();
  for (const f of findings) if (f.status === 'pass') counter.add(f.ruleId, f.resource.apiId);
  return counter;
}

export interface Evaluation {
  /** Sorted by status, rule, resource, message. Read-only: reports trust the order. */
  readonly findings: readonly Finding[];
  readonly inventory: Inventory;
  /**
   * Every passing check, listed in `findings` or not. Set by `evaluate`; an evaluation built by other
   * means may leave it out, and its passes are then counted from `findings`.
   */
  readonly passes?: PassTally;
}

/** Thrown by `ctx.need` to turn an unresolved value into an `unknown` finding. */
class UnresolvedSignal {
  constructor(readonly message: string) {}
}

interface Scope {
  readonly tier: string;
  readonly api?: Api;
  readonly stage?: Subjects['stage'];
}

/**
 * Run every enabled rule once per subject, in one walk of the inventory. Deterministic: findings are
 * sorted by status, rule, resource and message.
 */
export function evaluate(inventory: Inventory, options: EvaluateOptions): Evaluation & { readonly passes: PassTally } {
  const { standard } = options;
  const byKind = new Map<SubjectKind, AnyRule[]>();
  for (const rule of standard.rules) {
    const list = byKind.get(rule.appliesTo) ?? [];
    list.push(rule);
    byKind.set(rule.appliesTo, list);
  }
  // The enabled rules and their settings per (tier, subject kind), worked out once rather than per subject.
  const plans = new Map<string, Map<SubjectKind, Planned[]>>();
  const planFor = (tier: string, kind: SubjectKind): Planned[] => {
    let forTier = plans.get(tier);
    if (!forTier) plans.set(tier, (forTier = new Map()));
    let plan = forTier.get(kind);
    if (!plan) {
      plan = [];
      for (const rule of byKind.get(kind) ?? []) {
        const setting = standard.setting(rule.id, tier);
        if (setting?.enabled)
          plan.push({ rule, setting, unknownSeverity: unknownSeverityOf(setting, standard), passes: 0 });
      }
      forTier.set(kind, plan);
    }
    return plan;
  };
  const findings: Finding[] = [];
  const context = new RuleRun(inventory);
  const passes = new PassCounter();
  const listPasses = options.includePasses !== false;
  // Passes per API as a plain count while the API's subjects run (reset per API and added after it; the
  // domains' and usage plans' passes belong to no API and are never added); per rule on its Planned entries.
  let apiPasses = 0;
  const run = <K extends SubjectKind>(kind: K, subject: Subjects[K], resource: FindingResource, scope: Scope): void => {
    const plan = planFor(scope.tier, kind);
    for (let i = 0; i < plan.length; i++) {
      const planned = plan[i];
      if (runRule(planned, subject, resource, scope, context, options, findings)) continue;
      // The rule passed on this subject: counted always, listed when asked.
      planned.passes++;
      apiPasses++;
      if (listPasses) findings.push(context.make('pass', planned.rule.title));
    }
  };

  const tierByApi = new Map<string, string>();
  for (const api of inventory.apis) {
    const tier = standard.tierOf(api);
    tierByApi.set(api.id, tier);
    apiPasses = 0;
    const apiLabel = labelOfApi(api);
    run('api', api, { kind: 'api', label: apiLabel, source: api.source, apiId: api.id }, { tier, api });
    for (const stage of api.stages) {
      const label = `${apiLabel} › stage ${show(stage.name)}`;
      run('stage', stage, { kind: 'stage', label, source: stage.source, apiId: api.id }, { tier, api, stage });
    }
    for (const op of api.operations) {
      const label = `${apiLabel} › ${op.method ? `${op.method} ` : 'route '}${op.path}`;
      run('operation', op, { kind: 'operation', label, source: op.source, apiId: api.id }, { tier, api });
    }
    if (api.operationsUnresolved) {
      // The methods/routes could not be read (e.g. an OpenAPI body in S3): every operation rule is undecided.
      for (const rule of byKind.get('operation') ?? []) {
        unknownForAll(
          rule,
          api,
          `${apiLabel} › (operations not readable)`,
          tier,
          api.operationsUnresolved,
          standard,
          findings,
        );
      }
    }
    for (const authorizer of api.authorizers) {
      const label = `${apiLabel} › authorizer ${show(authorizer.name, authorizer.id)}`;
      run(
        'authorizer',
        authorizer,
        { kind: 'authorizer', label, source: authorizer.source, apiId: api.id },
        { tier, api },
      );
    }
    passes.addToApi(api.id, apiPasses);
  }
  const strictestOf = (apiIds: Value<string>[]): string => {
    let tier: string | undefined;
    for (const id of apiIds) {
      const t = isUnresolved(id) ? undefined : tierByApi.get(id);
      if (t) tier = tier ? standard.stricter(tier, t) : t;
    }
    return tier ?? standard.strictestTier;
  };
  for (const domain of inventory.domains) {
    const tier = strictestOf(domain.mappings.map((m) => m.apiId));
    run(
      'domain',
      domain,
      { kind: 'domain', label: `domain ${show(domain.name, domain.id)}`, source: domain.source },
      { tier },
    );
  }
  for (const plan of inventory.usagePlans) {
    const tier = strictestOf(plan.stages.map((s) => s.apiId));
    run('usagePlan', plan, { kind: 'usagePlan', label: `usage plan ${plan.id}`, source: plan.source }, { tier });
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
  for (const forTier of plans.values())
    for (const plan of forTier.values()) for (const planned of plan) passes.addToRule(planned.rule.id, planned.passes);
  return { findings: sortFindings(findings), inventory, passes };
}

/**
 * The context rules receive. One object serves every (rule, subject) pair of an evaluation, its fields
 * set before each check: a fresh context and closures per pair were most of `evaluate`'s allocations.
 */
class RuleRun implements RuleContext<unknown> {
  options: unknown;
  tier = '';
  api?: Api;
  stage?: Subjects['stage'];
  /** The findings of the current check; emptied once runRule has taken them (one array for the whole run). */
  readonly produced: Finding[] = [];
  skipped = false;
  private rule!: AnyRule;
  private resource!: FindingResource;
  private severity: Severity = 'error';
  private unknownSeverity: Severity = 'error';

  constructor(readonly inventory: Inventory) {}

  start(
    rule: AnyRule,
    setting: EffectiveSetting,
    resource: FindingResource,
    scope: Scope,
    unknownSeverity: Severity,
  ): void {
    this.rule = rule;
    this.resource = resource;
    this.options = setting.options;
    this.severity = setting.severity;
    this.unknownSeverity = unknownSeverity;
    this.tier = scope.tier;
    this.api = scope.api;
    this.stage = scope.stage;
    this.skipped = false;
  }

  make(status: 'fail' | 'unknown' | 'pass', message: string, opts?: ReportOptions): Finding {
    return {
      ruleId: this.rule.id,
      title: this.rule.title,
      status,
      severity: status === 'unknown' ? this.unknownSeverity : this.severity,
      message,
      fix: opts?.fix ?? this.rule.fix,
      resource: opts?.source ? { ...this.resource, source: opts.source } : this.resource,
      location: opts?.location,
      tier: this.tier,
    };
  }

  fail(message: string, opts?: ReportOptions): void {
    this.produced.push(this.make('fail', message, opts));
  }

  unknown(because: string, opts?: ReportOptions): void {
    this.produced.push(this.make('unknown', because, opts));
  }

  skip(): void {
    this.skipped = true;
  }

  need<T>(value: Value<T>, what: string): T {
    if (isUnresolved(value)) throw new UnresolvedSignal(`Cannot decide: ${what} is unresolved (${value.because}).`);
    return value;
  }
}

/** An enabled rule with its setting for one tier. */
interface Planned {
  readonly rule: AnyRule;
  readonly setting: EffectiveSetting;
  readonly unknownSeverity: Severity;
  /** Subjects this rule passed on in this tier, so far. */
  passes: number;
}

/** Run one rule on one subject; its findings go to `out`. False when it passed (no finding, not skipped). */
function runRule(
  planned: Planned,
  subject: Subjects[SubjectKind],
  resource: FindingResource,
  scope: Scope,
  run: RuleRun,
  options: EvaluateOptions,
  out: Finding[],
): boolean {
  const { rule, setting } = planned;
  run.start(rule, setting, resource, scope, planned.unknownSeverity);
  try {
    rule.check(subject, run);
  } catch (error) {
    if (error instanceof UnresolvedSignal) {
      run.produced.push(run.make('unknown', error.message));
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      run.produced.push({
        ...run.make('fail', `Rule ${rule.id} threw while evaluating this resource: ${detail}`),
        severity: 'error',
      });
    }
  }
  const produced = run.produced;
  if (produced.length === 0) return run.skipped;
  for (let i = 0; i < produced.length; i++)
    out.push(applyAcknowledgement(produced[i], setting.acknowledgeable, options));
  produced.length = 0;
  return true;
}

/** An undecidable finding counts at its rule's severity, or at most as a warning when the standard says so. */
function unknownSeverityOf(setting: EffectiveSetting, standard: ResolvedStandard): Severity {
  return standard.standard.unknownAs === 'warning' && setting.severity === 'error' ? 'warning' : setting.severity;
}

function unknownForAll(
  rule: AnyRule,
  api: Api,
  label: string,
  tier: string,
  because: string,
  standard: ResolvedStandard,
  out: Finding[],
): void {
  const setting = standard.setting(rule.id, tier);
  if (!setting?.enabled) return;
  out.push({
    ruleId: rule.id,
    title: rule.title,
    status: 'unknown',
    severity: unknownSeverityOf(setting, standard),
    message: `Cannot decide for any method or route of this API: its operations are unresolved (${because}).`,
    fix: rule.fix,
    resource: { kind: 'api', label, source: api.source, apiId: api.id },
    tier,
  });
}

function applyAcknowledgement(finding: Finding, acknowledgeable: boolean, options: EvaluateOptions): Finding {
  if (finding.status === 'pass' || !options.acknowledge) return finding;
  const ack = options.acknowledge(finding);
  if (!ack) return finding;
  if ('expired' in ack) {
    return {
      ...finding,
      message: `${finding.message} The acknowledgement (${ack.ticket ? `ticket ${ack.ticket}, ` : ''}"${ack.reason}") expired on ${ack.expires}.`,
    };
  }
  const refusal = options.standard.acknowledgementRefusal(ack);
  if (refusal)
    return {
      ...finding,
      message: `${finding.message} The acknowledgement (${ack.ticket ? `ticket ${ack.ticket}, ` : ''}"${ack.reason}") is refused: ${refusal}.`,
    };
  if (!acknowledgeable) {
    return {
      ...finding,
      message: `${finding.message} An acknowledgement was given ("${ack.reason}") but rule ${finding.ruleId} cannot be acknowledged in tier ${finding.tier}.`,
    };
  }
  return { ...finding, status: 'acknowledged', acknowledgement: ack };
}

export function labelOfApi(api: Api): string {
  return `${show(api.name, api.id)} (${api.kind} API)`;
}

function show(value: Value<string | undefined> | undefined, fallback = '?'): string {
  if (value === undefined) return fallback;
  if (isUnresolved(value)) return `<${fallback === '?' ? 'unresolved' : fallback}>`;
  return value;
}
