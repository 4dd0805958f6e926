import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { WAFV2Client } from '@aws-sdk/client-wafv2';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';

export interface AwsClientOptions {
  /** Region to audit. @default the SDK's resolution (AWS_REGION, profile) */
  readonly region?: string;
  /** Shared-config profile for the SDK's default credential chain. @default AWS_PROFILE / default */
  readonly profile?: string;
  /** Endpoint override for every service (tests point it at a loopback server). */
  readonly endpoint?: string;
  /** Explicit credentials (tests). @default the SDK's default credential chain */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  /** Attempts per call, including the first; throttling (429) and 5xx are retried. @default 6 */
  readonly maxAttempts?: number;
  /** Base of the exponential, jittered backoff between retries, in ms. @default 200 */
  readonly retryBaseDelayMs?: number;
}

export interface AuditClients {
  readonly apigateway: APIGatewayClient;
  readonly apigatewayv2: ApiGatewayV2Client;
  readonly wafv2: WAFV2Client;
  readonly logs: CloudWatchLogsClient;
  /** The user pools API authorizers name (DescribeUserPool). */
  readonly cognito: CognitoIdentityProviderClient;
  /** The account's CloudFront distributions (ListDistributions); CloudFront is global, its API is in us-east-1. */
  readonly cloudfront: CloudFrontClient;
  destroy(): void;
}

const MAX_BACKOFF_MS = 20_000;

/** Backoff for retry `attempt` (1-based): full jitter over base × 2^(attempt-1), capped. */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1)));
}

/** The six SDK clients an audit uses, sharing region, credentials, endpoint and the SDK retry strategy. */
export function createAuditClients(options: AwsClientOptions = {}): AuditClients {
  const maxAttempts = options.maxAttempts ?? 6;
  const base = options.retryBaseDelayMs ?? 200;
  const config = {
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts,
    retryStrategy: new ConfiguredRetryStrategy(maxAttempts, (attempt: number) => backoffDelay(attempt, base)),
  };
  const clients = {
    apigateway: new APIGatewayClient(config),
    apigatewayv2: new ApiGatewayV2Client(config),
    wafv2: new WAFV2Client(config),
    logs: new CloudWatchLogsClient(config),
    cognito: new CognitoIdentityProviderClient(config),
    cloudfront: new CloudFrontClient({ ...config, region: 'us-east-1' }),
  };
  return {
    ...clients,
    destroy: () => {
      for (const client of Object.values(clients)) client.destroy();
    },
  };
}
