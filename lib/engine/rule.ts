import type {
  Api,
  ApiKind,
  Authorizer,
  Domain,
  Inventory,
  Operation,
  Portal,
  Stage,
  UsagePlan,
  UserPool,
} from '../model/types';
import type { Source } from '../model/source';
import type { Value } from '../model/value';

/** How much a failure matters; a standard may change it per rule and tier. */
export type Severity = 'error' | 'warning' | 'info';

/** OWASP API Security Top 10, 2023 edition. */
export type OwaspId = `API${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}:2023`;

/**
 * Peer scanners' ids for the same control (for references and agreement tests): one id per field, only ids
 * that exist and check what the rule checks; a field is left out when no peer of that kind does.
 */
export interface RuleReferences {
  readonly securityHub?: string;
  /** AWS Config managed rule identifier, e.g. 'api-gw-execution-logging-enabled'. */
  readonly awsConfig?: string;
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
  userPool: UserPool;
  portal: Portal;
}
/** The kind of model element a rule is evaluated on. */
export type SubjectKind = keyof Subjects;

/** Every API kind, for rules that apply to all of them. */
export const ALL_API_KINDS: readonly ApiKind[] = ['rest', 'http', 'websocket'];

/**
 * What a rule is evaluated on: one subject kind, on the APIs of the kinds listed. The engine runs the rule
 * only there, so a rule never reports on a kind it does not apply to. Domains and usage plans belong to no
 * single API: their rules list the kinds they serve (for the rule table) and run on every domain or plan.
 */
export interface AppliesTo<K extends SubjectKind = SubjectKind> {
  readonly subject: K;
  readonly apiKinds: readonly ApiKind[];
}

/**
 * How to fix a failure, per way of writing the API. `sam` is given where AWS SAM has its own property for
 * it (`AWS::Serverless::Api` / `HttpApi`); findings on a SAM resource show it instead of the CDK text.
 */
export interface RuleFix {
  readonly cdk: string;
  readonly cloudFormation: string;
  readonly sam?: string;
}

/** Options of one `fail` or `unknown` report. */
export interface ReportOptions {
  /** Property path relative to the resource, e.g. 'Properties.MethodSettings'. */
  readonly location?: string;
  /** A fix specific to this finding (else the rule's fix is used). */
  readonly fix?: string;
  /** Report on another source than the subject's (e.g. the log group behind an access log). */
  readonly source?: Source;
}

/** What a rule's check receives next to its subject. */
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
  /** The subject is out of scope for this rule (e.g. an option turns the check off): no finding at all. */
  skip(): void;
  /**
   * The rule exempts this subject on purpose (e.g. a CORS preflight OPTIONS method): recorded as a pass with
   * the reason, so "exempt" and "not checked" differ in reports.
   */
  exempt(reason: string): void;
  /**
   * The value, or stop the check with an `unknown` finding that says what was unresolved and why.
   * Use it for every `Value<T>` a verdict depends on.
   */
  need<T>(value: Value<T>, what: string): T;
}

/** A rule's options: their schema and defaults. */
export interface RuleOptionsSpec<O> {
  /** JSON Schema of the options object (validated when a standard is loaded). */
  readonly schema: Record<string, unknown>;
  /** Defaults; a standard overrides them per rule and per tier. */
  readonly defaults: O;
}

/** A rule: its metadata and its check, in one object. */
export interface RuleDefinition<K extends SubjectKind = SubjectKind, O = Record<string, never>> {
  /** Stable id, equal to the rule's file name. */
  readonly id: string;
  readonly title: string;
  /** Why the control matters (one or two sentences). */
  readonly rationale: string;
  /** How to fix a failure, in CDK, CloudFormation and (where it has a way) SAM terms. */
  readonly fix: RuleFix;
  readonly severity: Severity;
  readonly owasp: OwaspId[];
  readonly controls?: RuleControls;
  readonly references: RuleReferences;
  readonly appliesTo: AppliesTo<K>;
  readonly options?: RuleOptionsSpec<O>;
  check(subject: Subjects[K], ctx: RuleContext<O>): void;
}

/** A rule of any subject and options, as registries and standards hold them. */
export type AnyRule = RuleDefinition<SubjectKind, unknown>;

/** Declare a rule. Keeps the metadata with the check (ESLint style) and types the subject. */
export function defineRule<K extends SubjectKind, O = Record<string, never>>(
  rule: RuleDefinition<K, O>,
): RuleDefinition<K, O> {
  return rule;
}
