/**
 * The extended JSON access-log formats the toolkit writes (constructs, aspects, injectors). One place, so
 * every API made by this toolkit logs the same fields and `access-log-format` can require them.
 * Each API kind supports a different set of `$context` variables; an unsupported one fails deployment.
 */
export type AccessLogApiKind = 'rest' | 'http' | 'websocket';

const COMMON: Record<string, string> = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  status: '$context.status',
  integrationLatency: '$context.integrationLatency',
  error: '$context.error.message',
};

const BY_KIND: Record<AccessLogApiKind, Record<string, string>> = {
  rest: {
    extendedRequestId: '$context.extendedRequestId',
    userAgent: '$context.identity.userAgent',
    caller: '$context.identity.caller',
    user: '$context.identity.user',
    principal: '$context.authorizer.principalId',
    httpMethod: '$context.httpMethod',
    resourcePath: '$context.resourcePath',
    path: '$context.path',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
    wafResponseCode: '$context.wafResponseCode',
  },
  http: {
    userAgent: '$context.identity.userAgent',
    principal: '$context.authorizer.principalId',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
  },
  websocket: {
    principal: '$context.authorizer.principalId',
    eventType: '$context.eventType',
    routeKey: '$context.routeKey',
    connectionId: '$context.connectionId',
    integrationStatus: '$context.integrationStatus',
  },
};

/** The field map (JSON key → `$context` variable) for an API kind. */
export function accessLogFields(kind: AccessLogApiKind): Record<string, string> {
  return { ...COMMON, ...BY_KIND[kind] };
}

/**
 * The format string: one JSON object per request. Every value is quoted, because API Gateway writes '-'
 * for an empty variable (e.g. no integration latency) and an unquoted '-' would break the JSON.
 */
export function extendedAccessLogFormat(kind: AccessLogApiKind): string {
  const parts = Object.entries(accessLogFields(kind)).map(([key, variable]) => `"${key}":"${variable}"`);
  return `{${parts.join(',')}}`;
}
