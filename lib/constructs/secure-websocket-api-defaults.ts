import { type AccessLogOptions, validateAccessLogOptions } from './access-logs';
import { type Acknowledge, requireReason } from './common';
import { GuardrailsConstructError } from './errors';
import { GUARDRAIL_DEFAULTS } from './guardrail-defaults';
import { requireKnownKeys } from './prop-checks';
import {
  exclusive,
  requireAllowedEndpointType,
  refuseInfoLevel,
  type PendingAcknowledgement,
  resolveThrottle,
  type ThrottleOptions,
} from './stage-defaults';
import { checkStageName } from './stage-name';

/** Secure defaults a WebSocket API may give up, each only with an acknowledgement. */
export interface WebSocketApiRelaxations {
  /** Execution logging off (rule `execution-logging`). @default - ERROR-level execution logs */
  readonly executionLoggingOff?: Acknowledge;
  /** Full message data in execution logs (rule `data-trace`). @default - data trace off */
  readonly dataTraceOn?: Acknowledge;
  /** No access logs (rule `stage-access-logging`). @default - JSON access logs */
  readonly accessLoggingOff?: Acknowledge;
  /** No stage throttle (rule `stage-throttling`). @default - GUARDRAIL_DEFAULTS.throttle */
  readonly throttlingOff?: Acknowledge;
}

/** The configurable part of SecureWebSocketApiProps. */
export interface SecureWebSocketApiOptions {
  /**
   * Stage name.
   * @default 'prod'
   */
  readonly stageName?: string;
  /**
   * Stage description (shown to operators and in the evidence report).
   * @default '<stage name> stage - secure defaults by cdk-api-guardrails'
   */
  readonly stageDescription?: string;
  /**
   * Stage-wide throttle (DefaultRouteSettings), within the standard's bounds.
   * @default GUARDRAIL_DEFAULTS.throttle (100 requests/s, burst 200)
   */
  readonly throttle?: ThrottleOptions;
  /**
   * Execution logging level.
   * @default 'ERROR'
   */
  readonly loggingLevel?: 'ERROR' | 'INFO';
  /**
   * Access log destination options (JSON format with WEBSOCKET_ACCESS_LOG_FIELDS).
   * @default - a dedicated log group, one-year retention, retained on delete
   */
  readonly accessLogs?: AccessLogOptions;
  /**
   * Secure defaults to give up, each with an acknowledgement.
   * @default - none
   */
  readonly relax?: WebSocketApiRelaxations;
}

export interface WebSocketApiSettings {
  readonly stageName: string;
  readonly throttle?: ThrottleOptions;
  readonly loggingLevel: 'ERROR' | 'INFO' | 'OFF';
  readonly dataTrace: boolean;
  readonly accessLogs: boolean;
  readonly detailedMetrics: boolean;
  readonly acknowledgements: PendingAcknowledgement[];
}

/** The keys of the relax prop (checked at run time: JavaScript callers have no type checker). */
const WEBSOCKET_RELAX_KEYS = [
  'executionLoggingOff',
  'dataTraceOn',
  'accessLoggingOff',
  'throttlingOff',
] as const satisfies readonly (keyof WebSocketApiRelaxations)[];

/** Merge user props with the defaults; throw on incoherent combinations (pure). */
export function resolveWebSocketApiSettings(
  input: SecureWebSocketApiOptions & { readonly dataClassification: string },
): WebSocketApiSettings {
  requireKnownKeys(input.relax, WEBSOCKET_RELAX_KEYS, 'relax');
  const relax = input.relax ?? {};
  const acknowledgements: PendingAcknowledgement[] = [];
  exclusive(
    { name: 'accessLogs', set: !!input.accessLogs },
    { name: 'relax.accessLoggingOff', set: !!relax.accessLoggingOff },
  );
  exclusive(
    { name: 'loggingLevel', set: !!input.loggingLevel },
    { name: 'relax.executionLoggingOff', set: !!relax.executionLoggingOff },
  );
  exclusive(
    { name: 'relax.dataTraceOn', set: !!relax.dataTraceOn },
    { name: 'relax.executionLoggingOff', set: !!relax.executionLoggingOff },
  );
  requireAllowedEndpointType('REGIONAL', input.dataClassification, 'The WebSocket API (always REGIONAL)');
  validateAccessLogOptions(input.accessLogs, input.dataClassification);
  refuseInfoLevel(input.loggingLevel, input.dataClassification);
  if (input.loggingLevel !== undefined && input.loggingLevel !== 'ERROR' && input.loggingLevel !== 'INFO') {
    throw new GuardrailsConstructError(
      'E_CONFLICTING_PROPS',
      'loggingLevel must be ERROR or INFO; turning execution logging off is a relaxation.',
      input.loggingLevel,
      "Use 'ERROR' (default) or 'INFO', or relax: { executionLoggingOff: { reason } }.",
    );
  }
  const throttle = resolveThrottle(input.throttle, relax.throttlingOff, acknowledgements, input.dataClassification);
  const weaken = (ack: Acknowledge | undefined, ruleId: PendingAcknowledgement['ruleId'], what: string): boolean => {
    if (!ack) return false;
    requireReason(ack, what);
    acknowledgements.push({ ruleId, acknowledge: ack, what });
    return true;
  };
  const loggingOff = weaken(relax.executionLoggingOff, 'execution-logging', 'relax.executionLoggingOff');
  const dataTrace = weaken(relax.dataTraceOn, 'data-trace', 'relax.dataTraceOn');
  const noAccessLogs = weaken(relax.accessLoggingOff, 'stage-access-logging', 'relax.accessLoggingOff');
  if (input.stageName !== undefined) checkStageName(input.stageName, input.dataClassification);
  return {
    stageName: input.stageName ?? GUARDRAIL_DEFAULTS.stageName,
    throttle,
    loggingLevel: loggingOff ? 'OFF' : (input.loggingLevel ?? 'ERROR'),
    dataTrace,
    accessLogs: !noAccessLogs,
    detailedMetrics: true,
    acknowledgements,
  };
}
