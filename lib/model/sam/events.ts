import { isRecord, record, refTarget, type Json } from './common';
import type { SamNotice } from './notices';

export const IMPLICIT_REST = 'ServerlessRestApi';
export const IMPLICIT_HTTP = 'ServerlessHttpApi';

/** One `Api` or `HttpApi` event of an AWS::Serverless::Function. */
export interface ApiEvent {
  readonly functionId: string;
  readonly eventId: string;
  readonly type: 'Api' | 'HttpApi';
  /** Logical id of the SAM API it attaches to (the implicit API when the event names none). */
  readonly apiId: string;
  /** Undefined for an HttpApi event without Path/Method: the `$default` route. */
  readonly path?: unknown;
  readonly method?: unknown;
  readonly props: Json;
  /** The function's Condition: SAM wraps the generated method in Fn::If on it. */
  readonly condition?: string;
}

/** Event properties (and event Auth keys) the builder reads, per event type; others are reported. */
const KNOWN: Record<ApiEvent['type'], { readonly props: ReadonlySet<string>; readonly auth: ReadonlySet<string> }> = {
  Api: {
    props: new Set([
      'Path',
      'Method',
      'RestApiId',
      'Auth',
      'RequestModel',
      'RequestParameters',
      'TimeoutInMillis',
      'ResponseTransferMode',
    ]),
    auth: new Set(['Authorizer', 'AuthorizationScopes', 'ApiKeyRequired', 'ResourcePolicy', 'InvokeRole']),
  },
  HttpApi: {
    props: new Set(['Path', 'Method', 'ApiId', 'Auth', 'PayloadFormatVersion', 'RouteSettings', 'TimeoutInMillis']),
    auth: new Set(['Authorizer', 'AuthorizationScopes', 'InvokeRole']),
  },
};

/** Why an event cannot be modelled (undefined when it can), and the unmodelled keys it carries. */
function eventProblems(type: ApiEvent['type'], props: Json): { invalid?: string; unknown: string[] } {
  const known = KNOWN[type];
  const unknown = [
    ...Object.keys(props).filter((key) => !known.props.has(key)),
    ...Object.keys(record(props.Auth))
      .filter((key) => !known.auth.has(key))
      .map((key) => `Auth.${key}`),
  ];
  const bothAbsent = type === 'HttpApi' && props.Path === undefined && props.Method === undefined;
  if (!bothAbsent && (typeof props.Path !== 'string' || typeof props.Method !== 'string'))
    return { invalid: 'Path and Method must be strings (the SAM transform needs them to build the route)', unknown };
  return { unknown };
}

const API_TYPES: Record<ApiEvent['type'], string> = {
  Api: 'AWS::Serverless::Api',
  HttpApi: 'AWS::Serverless::HttpApi',
};

/**
 * Every Api/HttpApi event of every function, grouped by the SAM API it belongs to. An event that names an
 * API the template does not declare as the matching AWS::Serverless type is left out with an error notice
 * (the SAM transform rejects it too).
 */
export function collectEvents(resources: Record<string, Json>, notices: SamNotice[]): Map<string, ApiEvent[]> {
  const byApi = new Map<string, ApiEvent[]>();
  for (const [functionId, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::Serverless::Function') continue;
    const props = record(resource.Properties);
    for (const [eventId, raw] of Object.entries(record(props.Events))) {
      const event = record(raw);
      const type = event.Type;
      if (type !== 'Api' && type !== 'HttpApi') continue;
      const eventProps = record(event.Properties);
      const named = type === 'Api' ? eventProps.RestApiId : eventProps.ApiId;
      const apiId = named === undefined ? (type === 'Api' ? IMPLICIT_REST : IMPLICIT_HTTP) : refTarget(named);
      if (named !== undefined && (apiId === undefined || record(resources[apiId]).Type !== API_TYPES[type])) {
        notices.push({
          level: 'error',
          code: 'SAM_EVENT_API_UNKNOWN',
          message: `Event ${eventId} of ${functionId} attaches to ${JSON.stringify(named)}, which is not an ${API_TYPES[type]} of this template; the route it adds is not evaluated. Point ${type === 'Api' ? 'RestApiId' : 'ApiId'} at an ${API_TYPES[type]} resource with !Ref.`,
          logicalId: functionId,
        });
        continue;
      }
      const problems = eventProblems(type, eventProps);
      for (const key of problems.unknown)
        notices.push({
          level: 'error',
          code: 'SAM_PROPERTY_NOT_MODELLED',
          message: `Event ${eventId} of ${functionId}: property ${key} is not modelled by the SAM builder, so what it changes on the route is not evaluated.`,
          logicalId: functionId,
        });
      if (problems.invalid) {
        notices.push({
          level: 'error',
          code: 'SAM_INVALID',
          message: `Resource ${functionId} is invalid for the SAM transform (the deployment would fail): Event ${eventId}: ${problems.invalid}.`,
          logicalId: functionId,
        });
        continue;
      }
      const list = byApi.get(apiId as string) ?? [];
      list.push({
        functionId,
        eventId,
        type,
        apiId: apiId as string,
        path: eventProps.Path,
        method: eventProps.Method,
        props: eventProps,
        ...(typeof resource.Condition === 'string' ? { condition: resource.Condition } : {}),
      });
      byApi.set(apiId as string, list);
    }
  }
  return byApi;
}

/** The implicit ServerlessRestApi / ServerlessHttpApi SAM creates for events that name no API. */
export function addImplicitApis(resources: Record<string, Json>, byApi: Map<string, ApiEvent[]>): void {
  const implicit: [string, string, Json][] = [
    [IMPLICIT_REST, 'AWS::Serverless::Api', { StageName: 'Prod' }],
    [IMPLICIT_HTTP, 'AWS::Serverless::HttpApi', {}],
  ];
  for (const [id, type, props] of implicit) {
    const events = byApi.get(id);
    if (!events || events.length === 0 || isRecord(resources[id])) continue;
    resources[id] = { Type: type, Properties: props, Metadata: { SamImplicitApi: true } };
  }
}
