/**
 * cdk-api-guardrails: secure-by-default Amazon API Gateway for the AWS CDK, with one rule set for the
 * secure constructs, the CDK validation plugin, the cdk-nag pack, `api-guardrails check` and `audit`.
 * The CLI and the reporters are behind their own entry points (`cdk-api-guardrails/cli`, `/reporters`).
 */

// Secure constructs
/** Secure-by-default REST API (WAF, authorization, throttling, access logs, tracing). */
export { SecureRestApi } from './constructs';
/** Props and options of SecureRestApi. */
export type { SecureRestApiOptions, SecureRestApiProps } from './constructs';
/** Secure-by-default HTTP API. */
export { SecureHttpApi } from './constructs';
/** Props and options of SecureHttpApi. */
export type { SecureHttpApiOptions, SecureHttpApiProps } from './constructs';
/** Secure-by-default WebSocket API. */
export { SecureWebSocketApi } from './constructs';
/** Props and options of SecureWebSocketApi. */
export type { SecureWebSocketApiOptions, SecureWebSocketApiProps } from './constructs';
/** A custom domain with TLS 1.2+ (and mutual TLS where asked). */
export { SecureApiDomain } from './constructs';
/** Props of SecureApiDomain. */
export type { SecureApiDomainProps } from './constructs';
/** The organisation's regional WAFv2 web ACL. */
export { OrgWebAcl } from './constructs';
/** Props of OrgWebAcl. */
export type { OrgWebAclProps } from './constructs';
/** A Cognito user pool for API clients. */
export { ApiUserPool } from './constructs';
/** Props of ApiUserPool. */
export type { ApiUserPoolProps } from './constructs';
/** The account's API Gateway CloudWatch role. */
export { ApiGatewayAccountLogging } from './constructs';
/** Thrown by the constructs for a prop that breaks the standard: stable code, value received and fix. */
export { GuardrailsConstructError } from './constructs';
/** How a secure API authorizes its methods or routes: typed factories (Cognito, IAM, Lambda, JWT, public). */
export { HttpApiAuthorization, RestApiAuthorization, WebSocketApiAuthorization } from './constructs';
/** Plain aws-cdk-lib props with no security meaning that the secure constructs pass through (`apiProps`). */
export type { HttpApiPassThroughProps, RestApiPassThroughProps, WebSocketApiPassThroughProps } from './constructs';
/** The data-classification tiers, and the defaults the constructs apply. */
export { CLASSIFICATION_TAG_KEY, DATA_CLASSIFICATIONS, GUARDRAIL_DEFAULTS, OWNER_TAG_KEY } from './constructs';
/** The option types the constructs' props are made of. */
export type {
  AccessLogOptions,
  CognitoAuthorizationOptions,
  CorsAllowlist,
  HttpApiRelaxations,
  IWebAclRef,
  LambdaAuthorizationOptions,
  ManagedRuleGroup,
  MutualTlsOptions,
  RestApiRelaxations,
  ThrottleOptions,
  WebSocketApiRelaxations,
} from './constructs';
/** A data-classification tier, ownership tags, and the acknowledgement of a weakened default. */
export type { Acknowledge, DataClassification, OwnershipProps } from './constructs';
/** Structured JSON access-log formats with the fields the standard requires. */
export { accessLogFields, extendedAccessLogFormat } from './defaults/access-log-format';
/** The API kinds an access-log format exists for. */
export type { AccessLogApiKind } from './defaults/access-log-format';

// Aspects and property injectors
/** Brings APIs made outside the secure constructs up to the standard. */
export { ApplyApiStandard } from '../aspects';
/** Props of ApplyApiStandard. */
export type { ApplyApiStandardProps } from '../aspects';
/** Tags every API with owner and data classification. */
export { TagApis } from '../aspects';
/** Props of TagApis. */
export type { TagApisProps } from '../aspects';
/** Property injectors with the standard's defaults for RestApi and Stage. */
export { RestApiDefaults, StageDefaults } from '../aspects';
/** Stage settings the aspects and injectors apply. */
export type { StageStandardProps } from '../aspects';
/** Thrown by the aspects for a setting they cannot apply. */
export { GuardrailsAspectError } from '../aspects';

// Where the engine runs: the CDK validation plugin and the cdk-nag pack
/** Thrown by the plugin for an option value it does not know (with the nearest valid one). */
export { PluginOptionError } from './adapters/plugin-options';
/** The CDK policy validation plugin (`Validations.of(app).addPlugins(new ApiGuardrails())`). */
export { ApiGuardrails } from './adapters/cdk-plugin';
/** Props of ApiGuardrails. */
export type { ApiGuardrailsProps } from './adapters/cdk-plugin';
/** Every rule as a cdk-nag v3 NagPack. */
export { ApiGuardrailsChecks } from './adapters/nag-pack';
/** Props of ApiGuardrailsChecks. */
export type { ApiGuardrailsChecksProps } from './adapters/nag-pack';
/** Record an accepted risk on a construct, with reason, ticket and expiry. */
export { acknowledgeRisk, RiskAcceptanceError } from './adapters/acknowledge-risk';
/** An accepted risk, as given and as recorded. */
export type { RiskAcceptance, RiskAcceptanceRecord } from './adapters/acknowledge-risk';

// The provider-neutral model and its builders
/** The model: Inventory, Api, Stage, Operation, ... (types only). */
export type * from './model/types';
/** Where a model element came from. */
export type { Source } from './model/source';
/** A short label for a source. */
export { sourceLabel } from './model/source';
/** A value the toolkit may not know, and how to tell. */
export type { Unresolved, Value } from './model/value';
/** Helpers for `Value<T>`. */
export { isKnown, isUnresolved, unresolved } from './model/value';
/** The stage default and each override, with the settings in effect there. */
export { stageScopes } from './model/stage-scopes';
/** A stage's settings scope. */
export type { OverrideScope, StageScope } from './model/stage-scopes';
/** Build the model from CloudFormation templates (JSON or YAML). */
export { fromTemplate, fromTemplates, readTemplateFile, TemplateError } from './model/template';
/** One template to read. */
export type { TemplateInput } from './model/template';
/** Options of fromAws. */
export type { FromAwsOptions } from './audit/from-aws';
import type { FromAwsOptions } from './audit/from-aws';
import type { Inventory } from './model/types';

/**
 * The deployed API Gateway configuration of one region as an Inventory (read-only AWS SDK v3 calls). The
 * SDK is loaded on first use, so importing this package for synth-time checks does not pay for it.
 */
export async function fromAws(options: FromAwsOptions = {}): Promise<Inventory> {
  const audit = await import('./audit/from-aws');
  return audit.fromAws(options);
}

// Rules and the engine
/** Declare a rule, its metadata next to its check. */
export { ALL_API_KINDS, defineRule } from './engine/rule';
/** The types a rule is written with. */
export type {
  AnyRule,
  AppliesTo,
  OwaspId,
  ReportOptions,
  RuleContext,
  RuleDefinition,
  RuleFix,
  RuleOptionsSpec,
  RuleReferences,
  Severity,
  SubjectKind,
  Subjects,
} from './engine/rule';
/** Run a standard's rules over an inventory. */
export { evaluate, RuleDefinitionError } from './engine/evaluate';
/** Options and result of evaluate. */
export type { EvaluateOptions, Evaluation, PassTally } from './engine/evaluate';
/** Whether a finding fails a build, and counts per status. */
export { countFindings, isBlocking } from './engine/finding';
/** Findings and acknowledgements. */
export type {
  Acknowledgement,
  ExpiredAcknowledgement,
  FailOn,
  Finding,
  FindingCounts,
  FindingResource,
  FindingStatus,
} from './engine/finding';
/** A fix as one line, and the path of a rule's docs page. */
export { renderFix } from './engine/fix';
/** Repository path of a rule's docs page. */
export { ruleDocsPath } from './engine/rule-docs';
/** Every rule the toolkit ships. */
export { allRules } from '../policies/rules';

// The standard
/** A standard resolved against the rules, per tier. */
export { ResolvedStandard } from './standard';
/** The standard's types. */
export type { EffectiveSetting, RuleSetting, Standard, TierSetting } from './standard';
/** Load, default and resolve a standard; errors name the path and the allowed values. */
export { defaultStandard, loadStandard, resolveStandard, StandardError } from './standard';
/** One problem in a standard file. */
export type { StandardIssue } from './standard';

// Organisation-wide: CloudFormation hook, its StackSet rollout, scheduled audit to Security Hub
/** A CloudFormation Lambda hook that runs the standard on every stack and change set deployed. */
export { GuardrailsHook, HookFailureMode } from './constructs/guardrails-hook';
/** Props of the hook construct. */
export type { GuardrailsHookProps } from './constructs/guardrails-hook';
/** The hook's code bucket per region, and its service-managed StackSet rollout to an OU. */
export { GuardrailsHookAssets, GuardrailsHookStackSet } from './constructs/guardrails-hook-stackset';
/** Props of the rollout constructs. */
export type { GuardrailsHookAssetsProps, GuardrailsHookStackSetProps } from './constructs/guardrails-hook-stackset';
/** A scheduled audit of the account that sends its findings to Security Hub. */
export { ScheduledAudit } from './constructs/scheduled-audit';
/** Props of the scheduled audit. */
export type { ScheduledAuditProps } from './constructs/scheduled-audit';
/** Thrown by the organisation-wide constructs: stable code, value received and fix. */
export { OrgGuardrailsError } from './constructs/guardrails-hook-errors';
/** The hook handler, to run in process. */
export { createHookHandler } from './hook/handler';
/** The hook handler's options. */
export type { HookHandler, HookHandlerOptions } from './hook/handler';
/** The CloudFormation Lambda hook request and response. */
export type { HookRequest, HookResponse, HookAnnotation } from './hook/contract';
/** Copy a stack's acknowledgements into its template, so the hook honours them at deploy time. */
export { embedAcknowledgements } from './hook/embed-acknowledgements';
/** The template metadata key the hook reads acknowledgements from. */
export { TEMPLATE_ACKNOWLEDGEMENTS_KEY } from './hook/acknowledgements';
