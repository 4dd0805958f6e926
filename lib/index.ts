/**
 * cdk-api-guardrails: secure-by-default Amazon API Gateway for the AWS CDK, with one rule set for the
 * secure constructs, the CDK validation plugin, the cdk-nag pack, `api-guardrails check` and `audit`.
 */

// The provider-neutral model and its builders
export type * from './model/types';
export type { Source } from './model/source';
export { sourceLabel } from './model/source';
export type { Unresolved, Value } from './model/value';
export { isKnown, isUnresolved, knownOr, unresolved } from './model/value';
export {
  fromTemplate,
  fromTemplates,
  nestedStackTemplates,
  parseTemplate,
  readTemplateFile,
  TemplateError,
} from './model/template';
export type { NestedIn, NestedTemplateRef, TemplateInput } from './model/template';
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

// The engine
export { defineRule } from './engine/rule';
export type {
  AnyRule,
  OwaspId,
  ReportOptions,
  RuleContext,
  RuleDefinition,
  RuleOptionsSpec,
  RuleReferences,
  Severity,
  SubjectKind,
  Subjects,
} from './engine/rule';
export { evaluate, labelOfApi } from './engine/evaluate';
export type { EvaluateOptions, Evaluation, PassTally } from './engine/evaluate';
export { compareFindings, countFindings, isBlocking } from './engine/finding';
export type {
  Acknowledgement,
  ExpiredAcknowledgement,
  FailOn,
  Finding,
  FindingCounts,
  FindingResource,
  FindingStatus,
} from './engine/finding';
export { ResolvedStandard } from './standard';
export type { EffectiveSetting, RuleSetting, Standard, TierSetting } from './standard';
export { applyBaseline, baselineKey, BaselineError, createBaseline, parseBaseline } from './engine/baseline';
export type { Baseline, BaselineEntry, BaselineResult } from './engine/baseline';

// The rules and the standard
export { allRules } from '../policies/rules';
export { defaultStandard, loadStandard, resolveStandard, StandardError } from './standard';
export type { StandardIssue } from './standard';

// Adapters: CDK validation plugin, cdk-nag v3 pack, acknowledgements
export { ApiGuardrails } from './adapters/cdk-plugin';
export type { ApiGuardrailsProps } from './adapters/cdk-plugin';
export { ApiGuardrailsChecks } from './adapters/nag-pack';
export type { ApiGuardrailsChecksProps } from './adapters/nag-pack';
export {
  acknowledgeRisk,
  NOW_CONTEXT_KEY,
  RISK_ACCEPTANCE_METADATA_TYPE,
  RiskAcceptanceError,
} from './adapters/acknowledge-risk';
export type { RiskAcceptance, RiskAcceptanceRecord } from './adapters/acknowledge-risk';
export { AcknowledgementIndex } from './adapters/acknowledgement-index';

// Secure constructs, aspects and property injectors
export * from './constructs';
export * from '../aspects';
export { accessLogFields, extendedAccessLogFormat } from './defaults/access-log-format';
export type { AccessLogApiKind } from './defaults/access-log-format';

// Organisation-wide: CloudFormation hook, its StackSet rollout, scheduled audit to Security Hub
export { GuardrailsHook, HookFailureMode } from './constructs/guardrails-hook';
export type { GuardrailsHookProps } from './constructs/guardrails-hook';
export { GuardrailsHookAssets, GuardrailsHookStackSet } from './constructs/guardrails-hook-stackset';
export type { GuardrailsHookAssetsProps, GuardrailsHookStackSetProps } from './constructs/guardrails-hook-stackset';
export { ScheduledAudit } from './constructs/scheduled-audit';
export type { ScheduledAuditProps } from './constructs/scheduled-audit';
export { OrgGuardrailsError } from './constructs/guardrails-hook-errors';
export { createHookHandler } from './hook/handler';
export type { HookHandler, HookHandlerOptions } from './hook/handler';
export type { HookRequest, HookResponse, HookAnnotation } from './hook/contract';
export { embedAcknowledgements } from './hook/embed-acknowledgements';
export { TEMPLATE_ACKNOWLEDGEMENTS_KEY } from './hook/acknowledgements';

// Reports and the CLI
export * from './reporters';
export { main } from './cli/main';
export type { CliIo, OutputStream, RegisterCommand, SetExit } from './cli/main';
