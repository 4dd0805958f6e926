import type { Api, Authorizer, Integration, Operation, Stage } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import { createApi, integrationFrom } from './api-base';
import type { BuildContext, Mutable, RawResource } from './context';
import { asRecord } from './convert';
import { accessLogFrom } from './logs';
import { applyOpenApi } from './openapi';
import { emptySettings, settingsFrom, v2RouteSettings } from './stage-settings';

const V2_INTEGRATION_KEYS = {
  type: 'IntegrationType',
  uri: 'IntegrationUri',
  connectionType: 'ConnectionType',
  requestParameters: 'RequestParameters',
  responses: 'ResponseParameters',
  responseParameters: 'none',
  tls: 'TlsConfig',
};

function splitRouteKey(routeKey: Value<string>, kind: Api['kind']): { method: string; path: string } {
  if (isUnresolved(routeKey)) return { method: '{unresolved}', path: '{unresolved}' };
  if (routeKey.startsWith('$'))
    return kind === 'websocket' ? { method: '', path: routeKey } : { method: 'ANY', path: routeKey };
  const space = routeKey.indexOf(' ');
  return space < 0
    ? { method: 'ANY', path: routeKey }
    : { method: routeKey.slice(0, space).toUpperCase(), path: routeKey.slice(space + 1) };
}

/** Integration type of a quick-create Target: a Lambda ARN → AWS_PROXY, a URL → HTTP_PROXY. */
function quickIntegration(ctx: BuildContext, target: unknown, source: Integration['source']): Integration {
  const uri = ctx.v.str(target, 'Target') ?? unresolved('Target is empty');
  const type: Value<string> = isUnresolved(uri) ? uri : /^https?:\/\//i.test(uri) ? 'HTTP_PROXY' : 'AWS_PROXY';
  return { source, type, uri, requestParameters: {}, responseParameters: {} };
}

function mapApis(ctx: BuildContext): void {
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::Api')) {
    const props = ctx.props(resource);
    const protocol = ctx.v.str(props.ProtocolType, 'ProtocolType');
    const kind = typeof protocol === 'string' && protocol.toUpperCase() === 'WEBSOCKET' ? 'websocket' : 'http';
    const api = createApi(ctx, resource, kind, {
      name: ctx.v.str(props.Name, 'Name'),
      endpointTypes: ['REGIONAL'],
      vpcEndpointIds: [],
      ...ctx.v.tagFields(props.Tags),
      disableExecuteApiEndpoint: ctx.v.bool(props.DisableExecuteApiEndpoint, 'DisableExecuteApiEndpoint') ?? false,
    });
    if (props.IpAddressType !== undefined) api.ipAddressType = ctx.v.str(props.IpAddressType, 'IpAddressType');
    const cors = props.CorsConfiguration;
    if (cors !== undefined) {
      const config = asRecord(cors);
      api.cors.push({
        source: ctx.source(resource),
        from: 'v2-config',
        allowOrigins: isUnresolved(cors) ? cors : (ctx.v.strList(config.AllowOrigins, 'AllowOrigins') ?? []),
        ...(config.AllowCredentials !== undefined
          ? { allowCredentials: ctx.v.bool(config.AllowCredentials, 'AllowCredentials') ?? false }
          : {}),
      });
    }
    if (props.Body !== undefined) {
      const fromBody = applyOpenApi(ctx, api, props.Body, resource);
      if (props.Name === undefined && fromBody.title !== undefined) api.name = fromBody.title;
      if (props.DisableExecuteApiEndpoint === undefined && fromBody.disableExecuteApiEndpoint !== undefined)
        api.disableExecuteApiEndpoint = fromBody.disableExecuteApiEndpoint;
    } else if (props.BodyS3Location !== undefined) {
      api.operationsUnresolved = 'the OpenAPI definition is read from S3 (BodyS3Location) at deploy time';
    }
    if (props.Target !== undefined) quickCreate(ctx, api, resource, props);
  }
}

/** Quick create: Target makes an implicit route (RouteKey, default $default) and a $default stage. */
function quickCreate(
  ctx: BuildContext,
  api: Mutable<Api>,
  resource: RawResource,
  props: Record<string, unknown>,
): void {
  const source = ctx.source(resource);
  const routeKey = ctx.v.str(props.RouteKey, 'RouteKey') ?? '$default';
  api.operations.push({
    source,
    ...splitRouteKey(routeKey, api.kind),
    routeKey,
    auth: { type: 'NONE', scopes: [], apiKeyRequired: false },
    integration: quickIntegration(ctx, props.Target, source),
    requestParameters: {},
    requestModels: {},
  });
  api.stages.push({
    source,
    name: '$default',
    settings: emptySettings(),
    overrides: [],
    variables: {},
    tags: {},
    usagePlanIds: [],
    declaredBy: 'stage',
  });
}

function mapParts(ctx: BuildContext): Map<string, Integration> {
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::Authorizer')) {
    const props = ctx.props(resource);
    const api = ctx.apiFor(props.ApiId, 'v2', resource);
    const jwt = props.JwtConfiguration;
    const type = ctx.v.str(props.AuthorizerType, 'AuthorizerType') ?? unresolved('AuthorizerType is not set');
    const authorizer: Authorizer = {
      id: ctx.label(resource.key),
      source: ctx.source(resource),
      name: ctx.v.str(props.Name, 'Name'),
      type: typeof type === 'string' ? type.toUpperCase() : type,
      identitySource: ctx.v.strList(props.IdentitySource, 'IdentitySource') ?? [],
      resultTtlSeconds: ctx.v.num(props.AuthorizerResultTtlInSeconds, 'AuthorizerResultTtlInSeconds'),
      providerArns: [],
      ...(jwt !== undefined
        ? {
            jwtAudience: isUnresolved(jwt) ? jwt : (ctx.v.strList(asRecord(jwt).Audience, 'Audience') ?? []),
            jwtIssuer: isUnresolved(jwt) ? jwt : ctx.v.str(asRecord(jwt).Issuer, 'Issuer'),
          }
        : {}),
    };
    ctx.authorizers.set(resource.key, authorizer);
    api.authorizers.push(authorizer);
  }
  const integrations = new Map<string, Integration>();
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::Integration')) {
    const integration = integrationFrom(ctx, ctx.props(resource), V2_INTEGRATION_KEYS, ctx.source(resource));
    if (integration) integrations.set(resource.key, integration);
  }
  return integrations;
}

function mapRoutes(ctx: BuildContext, integrations: Map<string, Integration>): void {
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::Route')) {
    const props = ctx.props(resource);
    const api = ctx.apiFor(props.ApiId, 'v2', resource);
    const routeKey = ctx.v.str(props.RouteKey, 'RouteKey') ?? unresolved('RouteKey is not set');
    if (api.external && typeof routeKey === 'string' && routeKey.startsWith('$') && routeKey !== '$default')
      api.kind = 'websocket';
    let integration: Integration | undefined;
    if (props.Target !== undefined) {
      const target = props.Target;
      const match = typeof target === 'string' ? /^integrations\/(.+)$/.exec(target) : null;
      const key = match ? ctx.tokens.refKey(match[1]) : undefined;
      integration = (key !== undefined ? integrations.get(key) : undefined) ?? {
        type: unresolved(`route target ${ctx.v.describe(target)} is not an integration in the template`),
        requestParameters: {},
        responseParameters: {},
      };
    }
    const authorizerKey = ctx.tokens.refKey(props.AuthorizerId);
    const requestParameters: Record<string, Value<boolean>> = {};
    for (const [name, raw] of Object.entries(asRecord(props.RequestParameters))) {
      requestParameters[name] = ctx.v.bool(asRecord(raw).Required ?? raw, `RequestParameters ${name}`) ?? false;
    }
    const operation: Operation = {
      source: ctx.source(resource),
      ...splitRouteKey(routeKey, api.kind),
      routeKey,
      auth: {
        type: ctx.v.str(props.AuthorizationType, 'AuthorizationType') ?? 'NONE',
        ...(props.AuthorizerId !== undefined
          ? {
              authorizer:
                (authorizerKey !== undefined ? ctx.authorizers.get(authorizerKey) : undefined) ??
                unresolved(`authorizer ${ctx.v.describe(props.AuthorizerId)} is not in the template`),
            }
          : {}),
        scopes: ctx.v.strList(props.AuthorizationScopes, 'AuthorizationScopes') ?? [],
        apiKeyRequired: ctx.v.bool(props.ApiKeyRequired, 'ApiKeyRequired') ?? false,
      },
      ...(integration ? { integration } : {}),
      requestParameters,
      requestModels: ctx.v.strMap(props.RequestModels, 'RequestModels'),
    };
    api.operations.push(operation);
  }
}

function mapStages(ctx: BuildContext): void {
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::Stage')) {
    const props = ctx.props(resource);
    const api = ctx.apiFor(props.ApiId, 'v2', resource);
    const stage: Mutable<Stage> = {
      source: ctx.source(resource),
      name: ctx.v.str(props.StageName, 'StageName') ?? unresolved('StageName is not set'),
      description: ctx.v.str(props.Description, 'Description'),
      settings:
        props.DefaultRouteSettings !== undefined
          ? settingsFrom(ctx, props.DefaultRouteSettings, 'v2')
          : emptySettings(),
      overrides: v2RouteSettings(ctx, props.RouteSettings),
      accessLog: accessLogFrom(ctx, props.AccessLogSettings),
      clientCertificateId: ctx.v.str(props.ClientCertificateId, 'ClientCertificateId'),
      variables: ctx.v.strMap(props.StageVariables, 'StageVariables'),
      ...ctx.v.tagFields(props.Tags),
      usagePlanIds: [],
      declaredBy: 'stage',
    };
    ctx.stages.set(resource.key, stage);
    api.stages.push(stage);
  }
}

/** AWS::ApiGatewayV2::ApiGatewayManagedOverrides: settings of a quick-create API's implicit stage and route. */
function mapManagedOverrides(ctx: BuildContext): void {
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::ApiGatewayManagedOverrides')) {
    const props = ctx.props(resource);
    const key = ctx.tokens.resourceKey(props.ApiId);
    const api = key !== undefined ? ctx.apis.get(key) : undefined;
    if (!api) continue;
    const implicit = (candidate: { source: { resourceType?: string } }): boolean =>
      candidate.source.resourceType === 'AWS::ApiGatewayV2::Api';
    const stage = api.stages.find(implicit) as Mutable<Stage> | undefined;
    const overrides = props.Stage;
    if (stage && overrides !== undefined) {
      const o = asRecord(overrides);
      if (isUnresolved(overrides)) stage.accessLog = { destinationArn: overrides, logGroup: overrides };
      if (o.AccessLogSettings !== undefined) stage.accessLog = accessLogFrom(ctx, o.AccessLogSettings);
      if (o.DefaultRouteSettings !== undefined) stage.settings = settingsFrom(ctx, o.DefaultRouteSettings, 'v2');
      if (o.RouteSettings !== undefined) stage.overrides = v2RouteSettings(ctx, o.RouteSettings);
      if (o.StageVariables !== undefined) stage.variables = ctx.v.strMap(o.StageVariables, 'StageVariables');
      if (o.Description !== undefined) stage.description = ctx.v.str(o.Description, 'Description');
    }
    const route = asRecord(props.Route);
    const index = api.operations.findIndex(implicit);
    if (index >= 0 && props.Route !== undefined) {
      const op = api.operations[index];
      const authorizerKey = ctx.tokens.refKey(route.AuthorizerId);
      api.operations[index] = {
        ...op,
        auth: {
          type: isUnresolved(props.Route)
            ? props.Route
            : (ctx.v.str(route.AuthorizationType, 'AuthorizationType') ?? op.auth.type),
          ...(route.AuthorizerId !== undefined
            ? {
                authorizer:
                  (authorizerKey !== undefined ? ctx.authorizers.get(authorizerKey) : undefined) ??
                  unresolved(`authorizer ${ctx.v.describe(route.AuthorizerId)} is not in the template`),
              }
            : {}),
          scopes: ctx.v.strList(route.AuthorizationScopes, 'AuthorizationScopes') ?? op.auth.scopes,
          apiKeyRequired: op.auth.apiKeyRequired,
        },
      };
    }
  }
}

/** Source pointer of the $connect operation the builders add for a WebSocket API that declares none. */
export const IMPLICIT_CONNECT_POINTER = 'implicit $connect route (none declared)';

/**
 * AWS accepts every connection to a WebSocket API without a $connect route, unauthorized. Model that as an
 * implicit $connect with authorization NONE, so route rules see it. Not for external APIs (their routes may
 * live elsewhere) nor when a route key is unresolved (that route may be $connect: the rules say unknown).
 */
function implicitConnectRoutes(ctx: BuildContext): void {
  for (const api of ctx.apis.values()) {
    if (api.kind !== 'websocket' || api.external || api.operationsUnresolved !== undefined) continue;
    if (
      api.operations.some((op) => op.routeKey === undefined || isUnresolved(op.routeKey) || op.routeKey === '$connect')
    )
      continue;
    api.operations.push({
      source: { ...api.source, pointer: IMPLICIT_CONNECT_POINTER },
      method: '',
      path: '$connect',
      routeKey: '$connect',
      auth: { type: 'NONE', scopes: [], apiKeyRequired: false },
      requestParameters: {},
      requestModels: {},
      implicit: true,
    });
  }
}

/** AWS::ApiGatewayV2::* (HTTP and WebSocket APIs). */
export function mapV2(ctx: BuildContext): void {
  mapApis(ctx);
  mapRoutes(ctx, mapParts(ctx));
  mapStages(ctx);
  mapManagedOverrides(ctx);
  implicitConnectRoutes(ctx);
}
