import type { Api, Inventory } from '../model/types';
import { isUnresolved, type Value } from '../model/value';
import type { Acknowledgement, ExpiredAcknowledgement, Finding, FindingResource } from './finding';
import type { Source } from '../model/source';
import { isSamSource, renderFix } from './fix';
import type { AnyRule, ReportOptions, RuleContext, Severity, SubjectKind, Subjects } from './rule';
import type { EffectiveSetting, ResolvedStandard } from '../standard';

/** Looks up an acknowledgement for a failing finding (CDK metadata, baseline, ...), or one that expired. */
export type Acknowledge = (finding: Finding) => Acknowledgement | ExpiredAcknowledgement | undefined;

/** Where a subject is evaluated: its tier and, for API resources, its API (and stage). */
export interface Scope {
  readonly tier: string;
  readonly api?: Api;
  readonly stage?: Subjects['stage'];
}

/** An enabled rule with its setting for one tier. */
export interface Planned {
  readonly rule: AnyRule;
  readonly setting: EffectiveSetting;
  readonly unknownSeverity: Severity;
  /** The rule's fix as findings carry it: for most sources, and for a SAM resource. */
  readonly fixText: { readonly plain: string; readonly sam: string };
}

/** A rule planned with its setting for one tier. */
export function plan(rule: AnyRule, setting: EffectiveSetting, standard: ResolvedStandard): Planned {
  const sam = { resourceType: 'AWS::Serverless::Api' };
  return {
    rule,
    setting,
    unknownSeverity: unknownSeverityOf(setting, standard),
    fixText: { plain: renderFix(rule.fix), sam: renderFix(rule.fix, sam) },
  };
}

/** The fix text of a planned rule for a finding on `source`. */
export function fixFor(planned: Planned, source: Source): string {
  return isSamSource(source) ? planned.fixText.sam : planned.fixText.plain;
}

/** Thrown by `ctx.need` to turn an unresolved value into an `unknown` finding. */
class UnresolvedSignal {
  constructor(readonly message: string) {}
}

/** What one check of one rule on one subject produced. */
export type CheckResult =
  | { readonly outcome: 'pass'; readonly exempt?: string }
  | { readonly outcome: 'skip' }
  | { readonly outcome: 'findings'; readonly findings: Finding[] };

/**
 * The context rules receive. One object serves every (rule, subject) pair of an evaluation, its fields set
 * by `start` before each check (a context per pair made most of an evaluation's allocations).
 */
export class RuleRun implements RuleContext<unknown> {
  options: unknown;
  tier = '';
  api?: Api;
  stage?: Subjects['stage'];
  produced: Finding[] = [];
  skipped = false;
  exemptReason?: string;
  private planned!: Planned;
  private resource!: FindingResource;

  constructor(readonly inventory: Inventory) {}

  start(planned: Planned, resource: FindingResource, scope: Scope): void {
    this.planned = planned;
    this.resource = resource;
    this.options = planned.setting.options;
    this.tier = scope.tier;
    this.api = scope.api;
    this.stage = scope.stage;
    this.produced = [];
    this.skipped = false;
    this.exemptReason = undefined;
  }

  make(status: 'fail' | 'unknown' | 'pass', message: string, opts?: ReportOptions): Finding {
    const { rule, setting } = this.planned;
    const source = opts?.source ?? this.resource.source;
    return {
      ruleId: rule.id,
      title: rule.title,
      status,
      severity: status === 'unknown' ? this.planned.unknownSeverity : setting.severity,
      message,
      fix: opts?.fix ?? fixFor(this.planned, source),
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

  exempt(reason: string): void {
    this.exemptReason = reason;
  }

  need<T>(value: Value<T>, what: string): T {
    if (isUnresolved(value)) throw new UnresolvedSignal(`Cannot decide: ${what} is unresolved (${value.because}).`);
    return value;
  }
}

/** Run one rule on one subject. A rule that throws becomes a failing finding: nothing passes silently. */
export function runCheck(
  planned: Planned,
  subject: Subjects[SubjectKind],
  resource: FindingResource,
  scope: Scope,
  run: RuleRun,
  options: { readonly acknowledge?: Acknowledge; readonly standard: ResolvedStandard; readonly today?: Date },
): CheckResult {
  run.start(planned, resource, scope);
  try {
    planned.rule.check(subject, run);
  } catch (error) {
    if (error instanceof UnresolvedSignal) {
      run.produced.push(run.make('unknown', error.message));
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      run.produced.push({
        ...run.make('fail', `Rule ${planned.rule.id} threw while evaluating this resource: ${detail}`),
        severity: 'error',
      });
    }
  }
  if (run.produced.length > 0) {
    const findings = run.produced.map((f) => applyAcknowledgement(f, planned.setting.acknowledgeable, options));
    return { outcome: 'findings', findings };
  }
  if (run.exemptReason !== undefined) return { outcome: 'pass', exempt: run.exemptReason };
  return run.skipped ? { outcome: 'skip' } : { outcome: 'pass' };
}

/** The pass finding of a check that passed (or exempted its subject). */
export function passFinding(planned: Planned, resource: FindingResource, tier: string, exempt?: string): Finding {
  const { rule, setting } = planned;
  return {
    ruleId: rule.id,
    title: rule.title,
    status: 'pass',
    severity: setting.severity,
    message: rule.title,
    fix: fixFor(planned, resource.source),
    resource,
    location: undefined,
    tier,
    ...(exempt !== undefined ? { exempt } : {}),
  };
}

/** An undecidable finding counts at its rule's severity, or at most as a warning when the standard says so. */
export function unknownSeverityOf(setting: EffectiveSetting, standard: ResolvedStandard): Severity {
  return standard.standard.unknownAs === 'warning' && setting.severity === 'error' ? 'warning' : setting.severity;
}

function applyAcknowledgement(
  finding: Finding,
  acknowledgeable: boolean,
  { acknowledge, standard, today }: { acknowledge?: Acknowledge; standard: ResolvedStandard; today?: Date },
): Finding {
  if (finding.status === 'pass' || !acknowledge) return finding;
  const ack = acknowledge(finding);
  if (!ack) return finding;
  if ('expired' in ack) {
    return {
      ...finding,
      message: `${finding.message} The acknowledgement (${ack.ticket ? `ticket ${ack.ticket}, ` : ''}"${ack.reason}") expired on ${ack.expires}.`,
    };
  }
  const refusal = standard.acknowledgementRefusal(ack, today);
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
