import { Duration, Token } from 'aws-cdk-lib';
import { type Acknowledge, type GuardrailRuleId, requireReason } from './common';
import { GuardrailsConstructError } from './errors';
import { GUARDRAIL_DEFAULTS } from './guardrail-defaults';
import { standardOptions } from './standard-bounds';

/** Stage-wide throttle. */
export interface ThrottleOptions {
  /** Steady-state requests per second. */
  readonly rateLimit: number;
  /** Burst capacity (requests). */
  readonly burstLimit: number;
}

/** CORS allowlist. Preflight (OPTIONS) stays unauthenticated only when this is set. */
export interface CorsAllowlist {
  /** Exact origins allowed, e.g. ['https://app.example.com']. No '*'. */
  readonly allowOrigins: string[];
  /**
   * @default ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
   */
  readonly allowMethods?: string[];
  /**
   * @default ['Content-Type', 'Authorization', 'X-Amz-Date', 'X-Amz-Security-Token', 'X-Api-Key']
   */
  readonly allowHeaders?: string[];
  /**
   * @default false
   */
  readonly allowCredentials?: boolean;
  /**
   * Preflight cache in seconds.
   * @default 600
   */
  readonly maxAgeSeconds?: number;
}

export const DEFAULT_CORS_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
export const DEFAULT_CORS_HEADERS = [
  'Content-Type',
  'Authorization',
  'X-Amz-Date',
  'X-Amz-Security-Token',
  'X-Api-Key',
];

/** A weakened default to record with `acknowledgeWeakening`. */
export interface PendingAcknowledgement {
  readonly ruleId: GuardrailRuleId;
  readonly acknowledge: Acknowledge;
  readonly what: string;
}

/** Throw when two props that exclude each other are both set. */
export function exclusive(a: { name: string; set: boolean }, b: { name: string; set: boolean }): void {
  if (a.set && b.set) {
    throw new GuardrailsConstructError(
      'E_CONFLICTING_PROPS',
      `${a.name} and ${b.name} contradict each other.`,
      { [a.name]: 'set', [b.name]: 'set' },
      `Set only one of ${a.name} and ${b.name}.`,
    );
  }
}

/**
 * The stage throttle: the user's (validated), the default, or none when acknowledged off (pure).
 * Returns undefined only for `throttlingOff`.
 */
export function resolveThrottle(
  throttle: ThrottleOptions | undefined,
  throttlingOff: Acknowledge | undefined,
  pending: PendingAcknowledgement[],
  tier: string,
): ThrottleOptions | undefined {
  exclusive(
    { name: 'throttle', set: throttle !== undefined },
    { name: 'relax.throttlingOff', set: throttlingOff !== undefined },
  );
  if (throttlingOff) {
    requireReason(throttlingOff, 'relax.throttlingOff');
    pending.push({ ruleId: 'stage-throttling', acknowledge: throttlingOff, what: 'relax.throttlingOff' });
    return undefined;
  }
  const max = throttleBounds(tier);
  const value = throttle ?? {
    rateLimit: Math.min(GUARDRAIL_DEFAULTS.throttle.rateLimit, max.rateLimit),
    burstLimit: Math.min(GUARDRAIL_DEFAULTS.throttle.burstLimit, max.burstLimit),
  };
  if (
    !Token.isUnresolved(value.rateLimit) &&
    !Token.isUnresolved(value.burstLimit) &&
    value.burstLimit < value.rateLimit
  ) {
    throw new GuardrailsConstructError(
      'E_THROTTLE_INVALID',
      `Stage throttle burstLimit must be at least rateLimit (${value.rateLimit}): a smaller bucket refuses requests below the rate it claims to allow.`,
      value,
      `Set burstLimit between ${value.rateLimit} and ${max.burstLimit}, or lower rateLimit.`,
    );
  }
  const bad = (n: number, limit: number, integer: boolean): boolean =>
    !Token.isUnresolved(n) && (!(n > 0) || n > limit || (integer && !Number.isInteger(n)));
  if (bad(value.rateLimit, max.rateLimit, false) || bad(value.burstLimit, max.burstLimit, true)) {
    throw new GuardrailsConstructError(
      'E_THROTTLE_INVALID',
      `Stage throttle must be positive and within the standard's bounds for tier ${tier} (rate ≤ ${max.rateLimit}/s, integer burst ≤ ${max.burstLimit}).`,
      value,
      `Set throttle within bounds (default ${JSON.stringify(GUARDRAIL_DEFAULTS.throttle)}), or ask for a higher bound in the standard.`,
    );
  }
  return value;
}

/** Tiers whose browser origins must be https: the page itself carries the data there. */
const HTTPS_ORIGIN_TIERS: readonly string[] = ['confidential', 'restricted'];

/** Validate a CORS allowlist for an API of `tier` (pure). */
export function validateCors(cors: CorsAllowlist | undefined, tier: string): void {
  if (!cors) return;
  const given: unknown = cors.allowOrigins;
  if (given !== undefined && !Array.isArray(given)) {
    throw new GuardrailsConstructError(
      'E_CORS_ORIGINS',
      'cors.allowOrigins must be an array of origins.',
      given,
      typeof given === 'string'
        ? `Wrap it in an array: cors: { allowOrigins: [${JSON.stringify(given)}] }.`
        : "Set cors.allowOrigins to the browser origins that call the API, e.g. ['https://app.example.com'].",
    );
  }
  const origins = cors.allowOrigins ?? [];
  const invalid = origins.filter(
    (o) => !Token.isUnresolved(o) && (typeof o !== 'string' || o.includes('*') || !/^https?:\/\/[^/\s]+$/.test(o)),
  );
  if (origins.length === 0 || invalid.length > 0) {
    throw new GuardrailsConstructError(
      'E_CORS_ORIGINS',
      'CORS needs an allowlist of exact origins (scheme://host[:port], no wildcard, no path).',
      origins.length === 0 ? origins : invalid,
      "Set cors.allowOrigins to the browser origins that call the API, e.g. ['https://app.example.com'].",
    );
  }
  const plain = origins.filter((o) => !Token.isUnresolved(o) && o.startsWith('http://'));
  if (plain.length > 0 && HTTPS_ORIGIN_TIERS.includes(tier)) {
    throw new GuardrailsConstructError(
      'E_CORS_ORIGINS',
      `A ${tier} API only answers pages served over https: an http:// page can be altered in transit to read its responses.`,
      plain,
      `Use https:// origins (e.g. ${JSON.stringify(plain[0].replace(/^http:/, 'https:'))}); a local development origin belongs in a stack of a lower tier.`,
    );
  }
}

/** Highest stage throttle the shipped standard accepts in `tier` (rule stage-throttling). */
export function throttleBounds(tier: string): ThrottleOptions {
  const options = standardOptions<{ maxRateLimit: number; maxBurstLimit: number }>('stage-throttling', tier);
  return {
    rateLimit: options.maxRateLimit ?? GUARDRAIL_DEFAULTS.maxThrottle.rateLimit,
    burstLimit: options.maxBurstLimit ?? GUARDRAIL_DEFAULTS.maxThrottle.burstLimit,
  };
}

/** Authorizer result cache TTL: the given one (validated) or the default, capped by the tier's maximum. */
export function resolveCacheTtl(ttl: Duration | undefined, tier: string, what: string): Duration {
  const maxSeconds =
    standardOptions<{ maxCacheTtlSeconds: number }>('authorizer-quality', tier).maxCacheTtlSeconds ??
    GUARDRAIL_DEFAULTS.maxAuthorizerCacheTtl.toSeconds();
  if (ttl === undefined)
    return Duration.seconds(Math.min(GUARDRAIL_DEFAULTS.authorizerCacheTtl.toSeconds(), maxSeconds));
  const seconds = ttl.toSeconds();
  if (!Token.isUnresolved(seconds) && seconds > maxSeconds) {
    throw new GuardrailsConstructError(
      'E_AUTHORIZER_CACHE_TTL',
      `The ${what} authorizer caches results longer than tier ${tier} allows: a revoked token would stay valid that long.`,
      `${seconds} s`,
      `Set resultsCacheTtl to at most ${maxSeconds} s, or omit it for the default.`,
    );
  }
  return ttl;
}

/** The stage description: the given one or a default naming the guardrails. */
export function stageDescription(description: string | undefined, stageName: string): string {
  return description ?? `${stageName} stage - secure defaults by cdk-api-guardrails`;
}

/** INFO execution logs can carry request details: refused where the tier's data-trace rule forbids them. */
export function refuseInfoLevel(level: string | undefined, tier: string): void {
  if (level !== 'INFO') return;
  if (standardOptions<{ allowInfoLevel: boolean }>('data-trace', tier).allowInfoLevel === false) {
    throw new GuardrailsConstructError(
      'E_CONFLICTING_PROPS',
      `INFO execution logs are not allowed for ${tier} APIs (rule data-trace).`,
      level,
      "Use loggingLevel 'ERROR' (the default).",
    );
  }
}

/** Refuse an endpoint type the shipped standard does not allow in `tier` (rule endpoint-type). */
export function requireAllowedEndpointType(endpointType: string, tier: string, what: string): void {
  const allowed = standardOptions<{ allowedEndpointTypes: string[] }>('endpoint-type', tier).allowedEndpointTypes;
  if (!allowed || allowed.includes(endpointType)) return;
  throw new GuardrailsConstructError(
    'E_ENDPOINT_TYPES',
    `${what} endpoint type ${endpointType} is not allowed for ${tier} APIs (rule endpoint-type allows ${allowed.join(', ')}).`,
    endpointType,
    allowed.includes('PRIVATE')
      ? 'Use a SecureRestApi with endpointType: EndpointType.PRIVATE and vpcEndpoints (HTTP and WebSocket APIs cannot be private), or review the data classification.'
      : `Use one of ${allowed.join(', ')}.`,
  );
}
