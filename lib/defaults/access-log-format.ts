/**
 * The JSON access-log formats the toolkit writes: the secure constructs, ApplyApiStandard and the
 * property injectors all log these fields, so the access-log-format rule can rely on them. Each API kind
 * supports a different set of `$context` variables (an unsupported one fails deployment), hence three maps.
 */
export type AccessLogApiKind = 'rest' | 'http' | 'websocket';

/**
 * Access log fields for REST APIs: request identity, caller, authorizer, WAF and integration outcome.
 * Values are API Gateway `$context` variables; the whole format is one JSON object per line.
 */
export const REST_ACCESS_LOG_FIELDS: Readonly<Record<string, string>> = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTime',
  requestTimeEpoch: '$context.requestTimeEpoch',
  apiId: '$context.apiId',
  stage: '$context.stage',
  domainName: '$context.domainName',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  path: '$context.path',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  caller: '$context.identity.caller',
  user: '$context.identity.user',
  userArn: '$context.identity.userArn',
  principalId: '$context.authorizer.principalId',
  clientId: '$context.authorizer.claims.client_id',
  authorizerError: '$context.authorizer.error',
  authorizeStatus: '$context.authorize.status',
  wafResponseCode: '$context.wafResponseCode',
  webAclArn: '$context.webaclArn',
  integrationStatus: '$context.integration.status',
  integrationLatency: '$context.integration.latency',
  integrationError: '$context.integration.error',
  errorMessage: '$context.error.message',
  errorType: '$context.error.responseType',
  xrayTraceId: '$context.xrayTraceId',
};

/** Access log fields for HTTP APIs (no WAF, JWT claims instead of Cognito authorizer claims). */
export const HTTP_ACCESS_LOG_FIELDS: Readonly<Record<string, string>> = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTime',
  requestTimeEpoch: '$context.requestTimeEpoch',
  apiId: '$context.apiId',
  stage: '$context.stage',
  domainName: '$context.domainName',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  principalId: '$context.authorizer.principalId',
  subject: '$context.authorizer.claims.sub',
  clientId: '$context.authorizer.claims.client_id',
  authorizerError: '$context.authorizer.error',
  integrationStatus: '$context.integration.status',
  integrationLatency: '$context.integration.latency',
  integrationError: '$context.integration.error',
  errorMessage: '$context.error.message',
  errorType: '$context.error.responseType',
};

/** Access log fields for WebSocket APIs (connection and event instead of method and path). */
export const WEBSOCKET_ACCESS_LOG_FIELDS: Readonly<Record<string, string>> = {
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTime',
  requestTimeEpoch: '$context.requestTimeEpoch',
  apiId: '$context.apiId',
  stage: '$context.stage',
  domainName: '$context.domainName',
  eventType: '$context.eventType',
  routeKey: '$context.routeKey',
  connectionId: '$context.connectionId',
  status: '$context.status',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  caller: '$context.identity.caller',
  principalId: '$context.authorizer.principalId',
  authorizerError: '$context.authorizer.error',
  integrationStatus: '$context.integration.status',
  integrationLatency: '$context.integration.latency',
  integrationError: '$context.integration.error',
  errorMessage: '$context.error.message',
  errorType: '$context.error.responseType',
};

const FIELDS: Record<AccessLogApiKind, Readonly<Record<string, string>>> = {
  rest: REST_ACCESS_LOG_FIELDS,
  http: HTTP_ACCESS_LOG_FIELDS,
  websocket: WEBSOCKET_ACCESS_LOG_FIELDS,
};

/** The field map (JSON key → `$context` variable) for an API kind. */
export function accessLogFields(kind: AccessLogApiKind): Readonly<Record<string, string>> {
  return FIELDS[kind];
}

/**
 * The format string: one JSON object per request. Every value is quoted, because API Gateway writes '-'
 * for an empty variable (e.g. no integration latency) and an unquoted '-' would break the JSON.
 */
export function extendedAccessLogFormat(kind: AccessLogApiKind): string {
  return JSON.stringify(FIELDS[kind]);
}
