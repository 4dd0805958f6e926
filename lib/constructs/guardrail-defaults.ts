import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * The organisation-wide defaults every secure construct starts from. They mirror the shipped standard
 * (policies/standards/default.json): a construct built with them passes the standard in every tier.
 * Change them here, in one place, never inside a construct.
 */
export const GUARDRAIL_DEFAULTS = {
  /** Stage-wide throttle (requests per second, burst) applied to every stage. */
  throttle: { rateLimit: 100, burstLimit: 200 },
  /** Highest throttle accepted when the standard sets no bound (stage-throttling maxRateLimit/maxBurstLimit). */
  maxThrottle: { rateLimit: 1000, burstLimit: 2000 },
  /** Access log retention: finite, long enough for incident response. */
  accessLogRetention: RetentionDays.ONE_YEAR,
  /** Log groups hold evidence: keep them when the stack is deleted. */
  logRemovalPolicy: RemovalPolicy.RETAIN,
  /** Lambda / Cognito authorizer result cache. */
  authorizerCacheTtl: Duration.minutes(5),
  /** Longest authorizer cache accepted when the standard sets none (authorizer-quality maxCacheTtlSeconds). */
  maxAuthorizerCacheTtl: Duration.minutes(5),
  /** Stage name used when none is given. */
  stageName: 'prod',
  /** WAF per-IP rate limit (requests per 5-minute window). */
  wafRateLimitPer5Min: 1000,
  /** WAF log retention. */
  wafLogRetention: RetentionDays.ONE_YEAR,
} as const;

/** Tag keys the standard reads (policies/standards/default.json: ownerTagKey, classification.tagKey). */
export const OWNER_TAG_KEY = 'owner';
export const CLASSIFICATION_TAG_KEY = 'data-classification';
