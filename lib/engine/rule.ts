import type { Api, Authorizer, Domain, Inventory, Operation, Stage, UsagePlan } from '../model/types';
import type { Source } from '../model/source';
import type { Value } from '../model/value';

export type Severity = 'error' | 'warning' | 'info';

/** OWASP API Security Top 10, 2023 edition. */
export type OwaspId = `API${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}:2023`;

/** Peer scanners' ids for the same control (for references and agreement tests). */
export interface RuleReferences {
  readonly securityHub?: string;
  readonly controlTower?: string;
  readonly cdkNag?: string;
  readonly checkov?: string;
  readonly cfnNag?: string;
  readonly kics?: string;
  readonly prowler?: string;
}

/**
 * Compliance controls a rule gives evidence for: NIST SP 800-53 rev. 5 control ids ('AC-3', 'AU-6(3)') and
 * PCI DSS v4.0 requirement ids ('10.2.1'). Taken from AWS Security Hub's published mapping of the matching
 * control where there is one, otherwise from the standards' text. Empty = no control of that framework.
 */
export interface RuleControls {
  readonly nist80053: readonly string[];
  readonly pciDss4: readonly string[];
}

/** The model element a rule is evaluated on, once each. */
export interface Subjects {
  api: Api;
  stage: Stage;
  operation: Operation;
  authorizer: Authorizer;
  domain: Domain;
  usagePlan: UsagePlan;
}
export type SubjectKind = keyof Subjects;

export interface ReportOptions {
  /** Property path relative to the resource, e.g. 'Properties.MethodSettings'. */
  readonly location?: string;
  /** A fix specific to this finding (else the rule's fix is used). */
  readonly fix?: string;
  /** Report on another source than the subject's (e.g. the log group behind an access log). */
  readonly source?: Source;
}

export interface RuleContext<O> {
  /** The rule's options for this subject's tier (rule defaults ← standard ← tier). */
  readonly options: O;
  /** The data-classification tier the subject is evaluated under. */
  readonly tier: string;
  readonly inventory: Inventory;
  /** The API the subject belongs to (undefined for domains and usage plans). */
  readonly api?: Api;
  /** The stage, for subjects evaluated per stage. */
  readonly stage?: Stage;
  /** Record a failure. May be called several times for one subject. */
  fail(message: string, options?: ReportOptions): void;
  /** Record that the rule cannot decide, with the reason. */
  unknown(because: string, options?: ReportOptions): void;
  /** The subject is out of scope for this rule: no finding at all. */
  skip(): void;
  /**
   * The value, or stop the check with an `unknown` finding that says what was unresolved and why.
   * Use it for every `Value<T>` a verdict depends on.
   */
  need<T>(value: Value<T>, what: string): T;
}

export interface RuleOptionsSpec<O> {
  /** JSON Schema of the options object (validated when a standard is loaded). */
  readonly schema: Record<string, unknown>;
  /** Defaults; a standard overrides them per rule and per tier. */
  readonly defaults: O;
}

export interface RuleDefinition<K extends SubjectKind = SubjectKind, O = Record<string, never>> {
  /** Stable id, equal to the rule's file name. */
  readonly id: string;
  readonly title: string;
  /** Why the control matters (one or two sentences). */
  readonly rationale: string;
  /** How to fix a failure, in CDK and CloudFormation terms. */
  readonly fix: string;
  readonly severity: Severity;
  readonly owasp: OwaspId[];
  readonly controls?: RuleControls;
  readonly references: RuleReferences;
  readonly appliesTo: K;
  readonly options?: RuleOptionsSpec<O>;
  check(subject: Subjects[K], ctx: RuleContext<O>): void;
}

export type AnyRule = RuleDefinition<SubjectKind, unknown>;

/** Declare a rule. Keeps the metadata with the check (ESLint style) and types the subject. */
export function defineRule<K extends SubjectKind, O = Record<string, never>>(
  rule: RuleDefinition<K, O>,
): RuleDefinition<K, O> {
  return rule;
}
