import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

import { allRules } from '../../policies/rules';
import { nearest } from '../engine/nearest';
import { RISK_ACCEPTANCE_METADATA_TYPE } from './metadata-types';

export { RISK_ACCEPTANCE_METADATA_TYPE } from './metadata-types';
/** App context key that fixes "today" for expiry checks (tests, reproducible builds): 'YYYY-MM-DD'. */
export const NOW_CONTEXT_KEY = 'cdk-api-guardrails:today';

export interface RiskAcceptance {
  /** The rule acknowledged, e.g. 'stage-waf'. */
  readonly ruleId: string;
  /** Why the risk is accepted. */
  readonly reason: string;
  /** The ticket tracking the exception, e.g. 'SEC-1234'. */
  readonly ticket: string;
  /** Last day the acknowledgement holds ('YYYY-MM-DD'); from the next day on the finding fires again. */
  readonly expires: string;
  /**
   * Who approved the exception.
   * @default - not recorded
   */
  readonly approvedBy?: string;
  /**
   * Set true to acknowledge a rule of the organisation's own (`defineRule`) that is not shipped: without
   * it, `ruleId` must be a shipped rule id, so a typo never acknowledges nothing in silence.
   * @default false
   */
  readonly customRule?: boolean;
}

/** What is recorded in construct metadata, one entry per acceptance. */
export interface RiskAcceptanceRecord extends RiskAcceptance {
  /** True when `expires` is before today: the acknowledgement was not given. */
  readonly expired: boolean;
}

export class RiskAcceptanceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fix: string,
    /** The value that was refused, as given. */
    readonly received: unknown,
  ) {
    super(`${code}: ${message} Fix: ${fix}`);
    this.name = 'RiskAcceptanceError';
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse 'YYYY-MM-DD' strictly (no 2026-02-30, no locale formats). */
export function parseDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value ? value : undefined;
}

function today(scope: IConstruct, now: Date | undefined): string {
  if (now) return now.toISOString().slice(0, 10);
  return contextDay(scope) ?? new Date().toISOString().slice(0, 10);
}

/** The day context `cdk-api-guardrails:today` fixes (YYYY-MM-DD), or undefined when it is not set. */
function contextDay(scope: IConstruct): string | undefined {
  const fixed = scope.node.tryGetContext(NOW_CONTEXT_KEY) as unknown;
  if (fixed === undefined) return undefined;
  const day = parseDay(fixed);
  if (!day)
    throw new RiskAcceptanceError(
      'E_ACK_TODAY',
      `context ${NOW_CONTEXT_KEY} must be a date YYYY-MM-DD, received ${JSON.stringify(fixed)}.`,
      `Set it like -c ${NOW_CONTEXT_KEY}=2026-11-25, or remove it.`,
      fixed,
    );
  return day;
}

/**
 * The "today" of a synth: context `cdk-api-guardrails:today` when set, so that expiries and the standard's
 * cap on them (`acknowledgements.maxDaysAhead`) are judged against the same day; undefined = the clock.
 */
export function synthToday(scope: IConstruct | undefined): Date | undefined {
  const day = scope ? contextDay(scope) : undefined;
  return day ? new Date(`${day}T00:00:00Z`) : undefined;
}

function requireText(value: unknown, field: string, code: string, example: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RiskAcceptanceError(
      code,
      `acknowledgeRisk needs a ${field}, received ${JSON.stringify(value)}.`,
      `Pass ${field}: ${example}.`,
      value,
    );
  }
  return value;
}

/**
 * Accept a risk for one rule on `scope` and everything below it, with an owner's reason, a ticket and
 * an expiry date. Until `expires` (inclusive) the rule is acknowledged through CDK's own
 * `Validations.of(scope).acknowledge` (for the ApiGuardrails plugin and the cdk-nag pack); from the next
 * day on it is not, and the finding fires again saying "acknowledgement expired on …". The reason,
 * ticket and expiry appear with the acknowledged finding in every report.
 *
 * @param now Fix today's date (tests); otherwise context `cdk-api-guardrails:today`, otherwise the clock.
 */
export function acknowledgeRisk(scope: IConstruct, acceptance: RiskAcceptance, now?: Date): RiskAcceptanceRecord {
  const ruleId = requireText(acceptance.ruleId, 'ruleId', 'E_ACK_RULE', "'stage-waf'");
  if (acceptance.customRule !== true) requireShippedRule(ruleId);
  const reason = requireText(
    acceptance.reason,
    'reason',
    'E_ACK_REASON',
    "'the API is only reachable through CloudFront, which has the web ACL'",
  );
  const ticket = requireText(acceptance.ticket, 'ticket', 'E_ACK_TICKET', "'SEC-1234'");
  const expires = parseDay(acceptance.expires);
  if (!expires) {
    throw new RiskAcceptanceError(
      'E_ACK_EXPIRES',
      `acknowledgeRisk needs expires as a date YYYY-MM-DD, received ${JSON.stringify(acceptance.expires)}.`,
      "Pass expires: '2027-03-31' (the last day the exception holds).",
      acceptance.expires,
    );
  }
  const record: RiskAcceptanceRecord = {
    ruleId,
    reason,
    ticket,
    expires,
    ...(acceptance.approvedBy ? { approvedBy: acceptance.approvedBy } : {}),
    expired: expires < today(scope, now),
  };
  scope.node.addMetadata(RISK_ACCEPTANCE_METADATA_TYPE, record);
  if (!record.expired) {
    const text = `${reason} [ticket ${ticket}; expires ${expires}${record.approvedBy ? `; approved by ${record.approvedBy}` : ''}]`;
    Validations.of(scope).acknowledge(
      { id: `ApiGuardrails::${ruleId}`, reason: text },
      { id: `ApiGuardrails-${ruleId}`, reason: text },
    );
  }
  return record;
}

/** A ruleId that is no shipped rule is a typo unless the caller says it names a custom rule. */
function requireShippedRule(ruleId: string): void {
  const ids = allRules.map((r) => r.id);
  if (ids.includes(ruleId)) return;
  const close = nearest(ruleId, ids);
  throw new RiskAcceptanceError(
    'E_ACK_RULE_UNKNOWN',
    `acknowledgeRisk names rule ${JSON.stringify(ruleId)}, which is not a shipped rule.`,
    close !== undefined
      ? `Did you mean ruleId: '${close}'? (For a rule of your own, also pass customRule: true.)`
      : 'Use a rule id from `api-guardrails rules`, or pass customRule: true for a rule of your own.',
    ruleId,
  );
}
