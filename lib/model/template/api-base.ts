import type { Api, ApiKind, CorsPolicy, Integration, Operation } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import type { BuildContext, Mutable, RawResource } from './context';
import { asArray, asRecord } from './convert';
import { emptyApiParts } from './empty-api';

/** A new, empty API for a resource; fields the caller knows are passed in. */
export function createApi(
  ctx: BuildContext,
  resource: RawResource,
  kind: ApiKind,
  fields: Pick<
    Api,
    'name' | 'endpointTypes' | 'vpcEndpointIds' | 'tags' | 'tagsUnresolved' | 'disableExecuteApiEndpoint'
  > & {
    policy?: Api['policy'];
  },
): Mutable<Api> {
  const api: Mutable<Api> = {
    id: ctx.label(resource.key),
    kind,
    source: ctx.source(resource),
    external: false,
    name: fields.name,
    endpointTypes: fields.endpointTypes,
    vpcEndpointIds: fields.vpcEndpointIds,
    tags: fields.tags,
    disableExecuteApiEndpoint: fields.disableExecuteApiEndpoint,
    ...emptyApiParts(),
  };
  if (fields.policy !== undefined) api.policy = fields.policy;
  if (fields.tagsUnresolved !== undefined) api.tagsUnresolved = fields.tagsUnresolved;
  ctx.apis.set(resource.key, api);
  return api;
}

/** A resource policy: an object, or a JSON string (both accepted by CloudFormation). */
export function policyFrom(ctx: BuildContext, value: unknown): Api['policy'] {
  if (value === undefined) return undefined;
  if (isUnresolved(value)) return value;
  let doc: unknown = value;
  if (typeof doc === 'string') {
    if (ctx.tokens.hasTokens(doc))
      return ctx.tokens.firstUnresolved(doc) ?? unresolved('the policy document is built at deploy time');
    try {
      doc = JSON.parse(doc) as unknown;
    } catch {
      return unresolved('the policy is a string that is not JSON');
    }
  }
  const record = asRecord(doc);
  const statements = record.Statement;
  if (isUnresolved(statements)) return statements;
  return {
    ...(ctx.v.json(record) as Record<string, unknown>),
    Statement: (Array.isArray(statements) ? statements : statements === undefined ? [] : [statements]).map(
      (s) => ctx.v.json(s) as Record<string, unknown>,
    ),
  };
}

/** Strip the single quotes of a static header mapping ("'*'" → "*"); mappings from the request stay as written. */
export function staticHeader(value: Value<string>): Value<string> {
  if (isUnresolved(value)) return value;
  const match = /^'(.*)'$/s.exec(value.trim());
  return match ? match[1] : value;
}

function headerValue(params: Record<string, Value<string>>, suffix: string): Value<string> | undefined {
  const wanted = suffix.toLowerCase();
  for (const [name, value] of Object.entries(params)) if (name.toLowerCase().endsWith(wanted)) return value;
  return undefined;
}

/** CORS answer from response parameters (method.response.header.* or gatewayresponse.header.*). */
export function corsFromHeaders(
  params: Record<string, Value<string>>,
  from: CorsPolicy['from'],
  source: CorsPolicy['source'],
): CorsPolicy | undefined {
  const origin = headerValue(params, '.header.access-control-allow-origin');
  if (origin === undefined) return undefined;
  const stripped = staticHeader(origin);
  const credentials = headerValue(params, '.header.access-control-allow-credentials');
  let allowCredentials: Value<boolean> | undefined;
  if (credentials !== undefined) {
    const value = staticHeader(credentials);
    allowCredentials = isUnresolved(value) ? value : value.toLowerCase() === 'true';
  }
  return {
    source,
    from,
    allowOrigins: isUnresolved(stripped) ? stripped : stripped.split(',').map((item) => item.trim()),
    ...(allowCredentials !== undefined ? { allowCredentials } : {}),
  };
}

/** REST integration (CloudFormation or OpenAPI keys normalised by the caller). */
export function integrationFrom(
  ctx: BuildContext,
  raw: unknown,
  keys: {
    type: string;
    uri: string;
    connectionType: string;
    requestParameters: string;
    responses: string;
    responseParameters: string;
    tls?: string;
    transferMode?: string;
    timeout?: string;
  },
  source?: Integration['source'],
): Integration | undefined {
  if (raw === undefined) return undefined;
  if (isUnresolved(raw)) return { source, type: raw, requestParameters: {}, responseParameters: {} };
  const props = asRecord(raw);
  const responseParameters: Record<string, Value<string>> = {};
  const responses = props[keys.responses];
  for (const response of Array.isArray(responses) ? responses : Object.values(asRecord(responses))) {
    Object.assign(responseParameters, ctx.v.strMap(asRecord(response)[keys.responseParameters], 'ResponseParameters'));
  }
  const type = ctx.v.str(props[keys.type], 'integration type');
  const tls = keys.tls !== undefined ? props[keys.tls] : undefined;
  const integration: Mutable<Integration> = {
    type: typeof type === 'string' ? type.toUpperCase() : (type ?? unresolved('integration type is not set')),
    uri: ctx.v.str(props[keys.uri], 'integration uri'),
    connectionType: ctx.v.str(props[keys.connectionType], 'connection type'),
    requestParameters: ctx.v.strMap(props[keys.requestParameters], 'RequestParameters'),
    responseParameters,
  };
  if (source) integration.source = source;
  if (keys.transferMode !== undefined && props[keys.transferMode] !== undefined)
    integration.responseTransferMode = ctx.v.str(props[keys.transferMode], 'ResponseTransferMode');
  if (keys.timeout !== undefined && props[keys.timeout] !== undefined)
    integration.timeoutMillis = ctx.v.num(props[keys.timeout], 'TimeoutInMillis');
  if (keys.tls !== undefined) integration.hasTlsConfig = tls !== undefined;
  if (tls !== undefined) {
    const config = asRecord(tls);
    integration.tlsServerNameToVerify = ctx.v.str(
      config.ServerNameToVerify ?? config.serverNameToVerify,
      'ServerNameToVerify',
    );
  }
  return integration;
}

/** Add REST preflight CORS answers found on OPTIONS operations. */
export function collectPreflightCors(api: Mutable<Api>, operations: readonly Operation[]): void {
  for (const op of operations) {
    if (op.method !== 'OPTIONS' || !op.integration) continue;
    const cors = corsFromHeaders(op.integration.responseParameters, 'preflight', op.source);
    if (cors) api.cors.push(cors);
  }
}

export { asArray };
