/**
 * The organisation's API security standard: its types, the JSON Schema it is validated against, the
 * loader (JSON or YAML, all problems at once), resolution of every (tier, rule) setting and the shipped
 * default. The shipped files live in policies/ (`standard.schema.json`, `standards/default.json`).
 */
export { StandardError, type StandardIssue } from './errors';
export { limitIssues, ACCOUNT_BURST_LIMIT, ACCOUNT_RATE_LIMIT } from './limits';
export { DEFAULT_STANDARD_FILE, STANDARD_SCHEMA_FILE, defaultStandard, loadStandard, resolveStandard } from './load';
export { ResolvedStandard } from './resolved';
export type { AcknowledgementPolicy, EffectiveSetting, RuleSetting, Standard, TierSetting } from './types';
