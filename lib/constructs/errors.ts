/**
 * Stable error codes thrown by the secure constructs when their props are incoherent. Each error says
 * the value received and the fix, so a synth failure can be acted on without reading the source.
 */
export type GuardrailsConstructErrorCode =
  | 'E_OWNER_REQUIRED'
  | 'E_DATA_CLASSIFICATION'
  | 'E_ACK_REASON_REQUIRED'
  | 'E_COGNITO_SCOPES_REQUIRED'
  | 'E_AUTHORIZER_CACHE_TTL'
  | 'E_PRIVATE_ENDPOINT'
  | 'E_ENDPOINT_TYPES'
  | 'E_THROTTLE_INVALID'
  | 'E_LOG_RETENTION'
  | 'E_ACCESS_LOG_CONFLICT'
  | 'E_CORS_ORIGINS'
  | 'E_TLS_POLICY'
  | 'E_MTLS_TRUSTSTORE'
  | 'E_WAF_RULES'
  | 'E_WAF_REQUIRED'
  | 'E_USER_POOL_SCOPES'
  | 'E_PASSWORD_POLICY'
  | 'E_JWT_ISSUER'
  | 'E_IDENTITY_SOURCE'
  | 'E_UNAUTHORIZED_METHOD'
  | 'E_WEBSOCKET_AUTHORIZATION'
  | 'E_AUTHORIZATION_REQUIRED'
  | 'E_CONFLICTING_PROPS'
  | 'E_UNKNOWN_PROP'
  | 'E_PLAIN_PROP_REFUSED'
  | 'E_NON_PRODUCTION_STAGE';

/** Thrown when construct props contradict the guardrails or each other. */
export class GuardrailsConstructError extends Error {
  readonly code: GuardrailsConstructErrorCode;
  /** The offending value, rendered for the message. */
  readonly received: string;
  readonly fix: string;

  constructor(code: GuardrailsConstructErrorCode, problem: string, received: unknown, fix: string) {
    const shown = render(received);
    super(`[${code}] ${problem} Received: ${shown}. Fix: ${fix}`);
    this.name = 'GuardrailsConstructError';
    this.code = code;
    this.received = shown;
    this.fix = fix;
  }
}

function render(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
