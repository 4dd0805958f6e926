import { type AccessLogOptions, validateAccessLogOptions } from './access-logs';
import { type Acknowledge, requireReason } from './common';
import { GuardrailsConstructError } from './errors';
import { requireKnownKeys } from './prop-checks';
import { standardOptions } from './standard-bounds';
import {
  type CorsAllowlist,
  exclusive,
  requireAllowedEndpointType,
  type PendingAcknowledgement,
  resolveThrottle,
  type ThrottleOptions,
  validateCors,
} from './stage-defaults';
import { checkStageName } from './stage-name';

/** Secure defaults an HTTP API may give up, each only with an acknowledgement. */
export interface HttpApiRelaxations {
  /** No access logs (rule `stage-access-logging`). @default - JSON access logs */
  readonly accessLoggingOff?: Acknowledge;
  /** No stage throttle (rule `stage-throttling`). @default - GUARDRAIL_DEFAULTS.throttle */
  readonly throttlingOff?: Acknowledge;
  /**
   * Run without a WAF where the tier requires one (rule `http-api-waf`): HTTP APIs cannot attach a web
   * ACL, so either front the API with CloudFront + WAF and say so here, or use a SecureRestApi.
   * @default - no acknowledgement: tiers that require WAF report http-api-waf
   */
  readonly noWaf?: Acknowledge;
}

/** The configurable part of SecureHttpApiProps. */
export interface SecureHttpApiOptions {
  /**
   * Stage name.
   * @default '$default'
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
   * Access log destination options (JSON format with HTTP_ACCESS_LOG_FIELDS).
   * @default - a dedicated log group, one-year retention, retained on delete
   */
  readonly accessLogs?: AccessLogOptions;
  /**
   * CORS allowlist (API Gateway answers preflight itself, before authorization).
   * @default - no CORS
   */
  readonly cors?: CorsAllowlist;
  /**
   * Secure defaults to give up, each with an acknowledgement.
   * @default - none
   */
  readonly relax?: HttpApiRelaxations;
}

export interface HttpApiSettings {
  readonly stageName: string;
  readonly throttle?: ThrottleOptions;
  readonly accessLogs: boolean;
  readonly detailedMetrics: boolean;
  readonly cors?: CorsAllowlist;
  readonly acknowledgements: PendingAcknowledgement[];
}

/** The keys of the relax prop (checked at run time: JavaScript callers have no type checker). */
const HTTP_RELAX_KEYS = [
  'accessLoggingOff',
  'throttlingOff',
  'noWaf',
] as const satisfies readonly (keyof HttpApiRelaxations)[];

/** Merge user props with the defaults; throw on incoherent combinations (pure). */
export function resolveHttpApiSettings(
  input: SecureHttpApiOptions & { readonly dataClassification: string },
): HttpApiSettings {
  requireKnownKeys(input.relax, HTTP_RELAX_KEYS, 'relax');
  const relax = input.relax ?? {};
  const acknowledgements: PendingAcknowledgement[] = [];
  exclusive(
    { name: 'accessLogs', set: !!input.accessLogs },
    { name: 'relax.accessLoggingOff', set: !!relax.accessLoggingOff },
  );
  requireAllowedEndpointType('REGIONAL', input.dataClassification, 'The HTTP API (always REGIONAL)');
  validateAccessLogOptions(input.accessLogs, input.dataClassification);
  validateCors(input.cors, input.dataClassification);
  const throttle = resolveThrottle(input.throttle, relax.throttlingOff, acknowledgements, input.dataClassification);
  if (relax.accessLoggingOff) {
    requireReason(relax.accessLoggingOff, 'relax.accessLoggingOff');
    acknowledgements.push({
      ruleId: 'stage-access-logging',
      acknowledge: relax.accessLoggingOff,
      what: 'relax.accessLoggingOff',
    });
  }
  if (!relax.noWaf && standardOptions<{ requireWaf: boolean }>('http-api-waf', input.dataClassification).requireWaf) {
    throw new GuardrailsConstructError(
      'E_WAF_REQUIRED',
      `Tier ${input.dataClassification} requires a WAF (rule http-api-waf), and an HTTP API cannot attach a web ACL.`,
      input.relax,
      "Front the API with CloudFront + the org web ACL and say so with relax: { noWaf: { reason: 'behind CloudFront distribution ...' } }, or use a SecureRestApi (WAF attached by default).",
    );
  }
  if (relax.noWaf) {
    requireReason(relax.noWaf, 'relax.noWaf');
    acknowledgements.push({ ruleId: 'http-api-waf', acknowledge: relax.noWaf, what: 'relax.noWaf' });
  }
  if (input.stageName !== undefined) checkStageName(input.stageName, input.dataClassification);
  return {
    stageName: input.stageName ?? '$default',
    throttle,
    accessLogs: !relax.accessLoggingOff,
    detailedMetrics: true,
    cors: input.cors,
    acknowledgements,
  };
}
