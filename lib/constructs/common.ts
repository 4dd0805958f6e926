import { Tags, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { nearest } from '../engine/nearest';
import { GuardrailsConstructError } from './errors';
import { CLASSIFICATION_TAG_KEY, OWNER_TAG_KEY } from './guardrail-defaults';

/** Data classification tiers of the shipped standard, least to most strict. */
export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** Required on every secure construct: who owns it and what data it handles. Written as tags. */
export interface OwnershipProps {
  /** Owning team, written as the `owner` tag. Required, non-empty. */
  readonly owner: string;
  /** Data classification, written as the `data-classification` tag; selects the standard's tier. */
  readonly dataClassification: DataClassification;
}

/**
 * The explicit acknowledgement a weakened default needs. It is recorded with CDK's
 * `Validations.of(scope).acknowledge()` so the guardrails plugin reports an `acknowledged` finding
 * (never a silent pass) and compliance sees the reason.
 */
export interface Acknowledge {
  /** Why the default is weakened (who decided, ticket, until when). Required, non-empty. */
  readonly reason: string;
}

/** Rule ids of the standard that a construct may acknowledge. */
export type GuardrailRuleId =
  | 'stage-waf'
  | 'tracing'
  | 'execution-logging'
  | 'data-trace'
  | 'rest-method-authorization'
  | 'v2-route-authorization'
  | 'stage-access-logging'
  | 'stage-throttling'
  | 'http-api-waf';

/**
 * Peer scanners' ids for the same control, acknowledged together with ours so cdk-nag reports the
 * same decision (with the same reason) instead of a second, unexplained violation.
 */
const PEER_IDS: Record<GuardrailRuleId, readonly string[]> = {
  'stage-waf': ['AwsSolutions-APIG3'],
  tracing: ['Serverless-APIGWXrayEnabled'],
  'execution-logging': ['AwsSolutions-APIG6'],
  'data-trace': [],
  'rest-method-authorization': ['AwsSolutions-APIG4', 'AwsSolutions-COG4'],
  'v2-route-authorization': ['AwsSolutions-APIG4'],
  'stage-access-logging': ['AwsSolutions-APIG1', 'Serverless-APIGWAccessLogging'],
  'stage-throttling': ['Serverless-APIGWDefaultThrottling'],
  'http-api-waf': [],
};

/** Plugin namespace of our CDK validation plugin (lib/adapters/cdk-plugin.ts). */
export const PLUGIN_NAMESPACE = 'ApiGuardrails';

/** Validate an acknowledgement given for `what` and return its trimmed reason. */
export function requireReason(ack: Acknowledge | undefined, what: string): string {
  const reason = ack?.reason;
  if (typeof reason !== 'string' || reason.trim().length === 0) {
    throw new GuardrailsConstructError(
      'E_ACK_REASON_REQUIRED',
      `Weakening a default (${what}) needs an acknowledgement with a non-empty reason.`,
      ack,
      `Pass { reason: 'why, who approved, ticket' } for ${what}, or keep the secure default.`,
    );
  }
  return reason.trim();
}

/**
 * Record that `scope` deliberately weakens the control `ruleId`: our finding becomes `acknowledged`
 * (with the reason) and the peer cdk-nag ids are acknowledged with the same reason.
 */
export function acknowledgeWeakening(scope: IConstruct, ruleId: GuardrailRuleId, ack: Acknowledge, what: string): void {
  const reason = requireReason(ack, what);
  const validations = Validations.of(scope);
  validations.acknowledge({ id: `${PLUGIN_NAMESPACE}::${ruleId}`, reason });
  for (const peer of PEER_IDS[ruleId]) validations.acknowledge({ id: peer, reason });
}

/** Validate owner and classification, then tag every taggable resource under `scope`. */
export function applyOwnership(scope: IConstruct, props: OwnershipProps): void {
  const { owner, dataClassification } = props;
  if (!Token.isUnresolved(owner) && (typeof owner !== 'string' || owner.trim().length === 0)) {
    throw new GuardrailsConstructError(
      'E_OWNER_REQUIRED',
      'Every secure construct needs an owning team (written as the `owner` tag).',
      owner,
      "Set `owner: 'team-name'`.",
    );
  }
  if (Token.isUnresolved(dataClassification)) {
    throw new GuardrailsConstructError(
      'E_DATA_CLASSIFICATION',
      'dataClassification selects the standard tier the construct is built for; a token (a CfnParameter, an import) is only known at deploy time, so the tier would be unknowable.',
      dataClassification,
      `Set dataClassification to a literal tier, one of ${DATA_CLASSIFICATIONS.join(', ')} (e.g. per environment in the app's code).`,
    );
  }
  if (!(DATA_CLASSIFICATIONS as readonly string[]).includes(dataClassification)) {
    throw new GuardrailsConstructError(
      'E_DATA_CLASSIFICATION',
      'dataClassification selects the standard tier and must be one of the standard tiers.',
      dataClassification,
      `${nearest(dataClassification, DATA_CLASSIFICATIONS) ? `Did you mean '${nearest(dataClassification, DATA_CLASSIFICATIONS)}'? ` : ''}Set dataClassification to one of ${DATA_CLASSIFICATIONS.join(', ')}.`,
    );
  }
  Tags.of(scope).add(OWNER_TAG_KEY, owner.trim());
  Tags.of(scope).add(CLASSIFICATION_TAG_KEY, dataClassification);
}
