import type {
  Authorizer as V2Authorizer,
  Integration as V2Integration,
  Route as V2Route,
  RouteSettings,
  Stage as V2Stage,
} from '@aws-sdk/client-apigatewayv2';
import type { Api, ApiKind, Authorizer, CorsPolicy, Integration, MethodSettings, Operation, Stage } from '../types';
import { IMPLICIT_CONNECT_POINTER } from '../template/v2';
import { unresolved, type Value } from '../value';
import { apigatewayArn } from './arn';
import { accessLogOf, deployedSource, tagsOf, throttleNumber, type MappingContext } from './shared';
import type { V2ApiSnapshot } from './snapshot';
import { unreadableAuthorizer, unreadableStage } from './unreadable';

/** One deployed HTTP or WebSocket API as a model Api. */
export function mapV2Api(snapshot: V2ApiSnapshot, ctx: MappingContext): Api {
  const { api } = snapshot;
  const id = api.ApiId ?? '';
  const base = `/apis/${id}`;
  const kind: ApiKind = api.ProtocolType === 'WEBSOCKET' ? 'websocket' : 'http';
  const source = deployedSource(apigatewayArn(ctx.region, base), 'AWS::ApiGatewayV2::Api', api.Tags);

  const authorizers = snapshot.authorizers.ok
    ? snapshot.authorizers.value.map((a) =>
        mapAuthorizer(a, apigatewayArn(ctx.region, `${base}/authorizers/${a.AuthorizerId}`)),
      )
    : [unreadableAuthorizer(source, snapshot.authorizers.because)];
  const authorizerById = new Map(snapshot.authorizers.ok ? authorizers.map((a) => [a.id, a]) : []);
  // Unreadable integrations leave each route's integration unresolved: the route controls name the call.
  const integrations = snapshot.integrations.ok ? snapshot.integrations.value : [];
  const integrationById = new Map(integrations.map((i) => [i.IntegrationId ?? '', i]));

  const operations = snapshot.routes.ok
    ? snapshot.routes.value.map((route) => {
        const routeArn = apigatewayArn(ctx.region, `${base}/routes/${route.RouteId}`);
        const authorizer: Value<Authorizer> | undefined = route.AuthorizerId
          ? (authorizerById.get(route.AuthorizerId) ??
            unresolved(
              snapshot.authorizers.ok
                ? `authorizer ${route.AuthorizerId} does not exist`
                : snapshot.authorizers.because,
            ))
          : undefined;
        return mapRoute(
          route,
          kind,
          routeArn,
          authorizer,
          integrationOf(route, integrationById, snapshot.integrations, ctx.region, base),
        );
      })
    : [];
  // AWS accepts every connection to a WebSocket API without a $connect route: the template builder models it the same way.
  if (kind === 'websocket' && snapshot.routes.ok && !operations.some((op) => op.routeKey === '$connect'))
    operations.push(implicitConnect(source));
  operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));

  const stages = snapshot.stages.ok
    ? snapshot.stages.value.map((s) => mapV2Stage(id, kind, s, ctx))
    : [unreadableStage(source, tagsOf(api.Tags), snapshot.stages.because)];
  const cors: CorsPolicy[] = [];
  if (api.CorsConfiguration) {
    cors.push({
      source,
      from: 'v2-config',
      allowOrigins: api.CorsConfiguration.AllowOrigins ?? [],
      ...(api.CorsConfiguration.AllowCredentials !== undefined
        ? { allowCredentials: api.CorsConfiguration.AllowCredentials }
        : {}),
    });
  }
  return {
    id,
    kind,
    source,
    external: false,
    name: api.Name,
    endpointTypes: ['REGIONAL'],
    vpcEndpointIds: [],
    tags: tagsOf(api.Tags),
    disableExecuteApiEndpoint: api.DisableExecuteApiEndpoint ?? false,
    ...(api.IpAddressType !== undefined ? { ipAddressType: api.IpAddressType } : {}),
    models: [],
    operations,
    stages,
    authorizers,
    validators: [],
    gatewayResponses: [],
    cors,
    domainIds: ctx.domainIds(id),
    definedByOpenApi: false,
    ...(snapshot.routes.ok ? {} : { operationsUnresolved: snapshot.routes.because }),
  };
}

/** 'GET /orders' → GET and '/orders'; '$default' on HTTP → ANY; WebSocket route keys have no verb. */
export function splitRouteKey(routeKey: string, kind: ApiKind): { method: string; path: string } {
  if (kind === 'websocket') return { method: '', path: routeKey };
  const space = routeKey.indexOf(' ');
  if (space < 0) return { method: 'ANY', path: routeKey };
  return { method: routeKey.slice(0, space).toUpperCase(), path: routeKey.slice(space + 1) };
}

/** The $connect AWS behaves as if it had when a WebSocket API declares none: open to every connection. */
function implicitConnect(apiSource: Operation['source']): Operation {
  return {
    source: { ...apiSource, pointer: IMPLICIT_CONNECT_POINTER },
    method: '',
    path: '$connect',
    routeKey: '$connect',
    auth: { type: 'NONE', scopes: [], apiKeyRequired: false },
    requestParameters: {},
    requestModels: {},
    implicit: true,
  };
}

function mapRoute(
  route: V2Route,
  kind: ApiKind,
  arn: string,
  authorizer: Value<Authorizer> | undefined,
  integration: Integration | undefined,
): Operation {
  const routeKey = route.RouteKey ?? '';
  const { method, path } = splitRouteKey(routeKey, kind);
  const requestParameters: Record<string, boolean> = {};
  for (const [name, constraint] of Object.entries(route.RequestParameters ?? {}))
    requestParameters[name] = constraint.Required ?? false;
  return {
    source: { arn, resourceType: 'AWS::ApiGatewayV2::Route' },
    method,
    path,
    routeKey,
    auth: {
      type: route.AuthorizationType ?? 'NONE',
      ...(authorizer !== undefined ? { authorizer } : {}),
      scopes: route.AuthorizationScopes ?? [],
      apiKeyRequired: route.ApiKeyRequired ?? false,
    },
    ...(integration ? { integration } : {}),
    requestParameters,
    requestModels: { ...(route.RequestModels ?? {}) },
  };
}

function integrationOf(
  route: V2Route,
  byId: Map<string, V2Integration>,
  listed: V2ApiSnapshot['integrations'],
  region: string,
  base: string,
): Integration | undefined {
  const target = route.Target;
  if (!target?.startsWith('integrations/')) return undefined;
  const integrationId = target.slice('integrations/'.length);
  const source = {
    arn: apigatewayArn(region, `${base}/integrations/${integrationId}`),
    resourceType: 'AWS::ApiGatewayV2::Integration',
  };
  const found = byId.get(integrationId);
  if (!found) {
    const because = listed.ok ? `integration ${integrationId} does not exist` : listed.because;
    return { source, type: unresolved(because), requestParameters: {}, responseParameters: {} };
  }
  const responseParameters: Record<string, string> = {};
  for (const [status, params] of Object.entries(found.ResponseParameters ?? {})) {
    for (const [key, value] of Object.entries(params)) responseParameters[`${status}:${key}`] = value;
  }
  return {
    source,
    type: found.IntegrationType ?? '',
    ...(found.IntegrationUri !== undefined ? { uri: found.IntegrationUri } : {}),
    ...(found.ConnectionType !== undefined ? { connectionType: found.ConnectionType } : {}),
    ...(found.TlsConfig?.ServerNameToVerify !== undefined
      ? { tlsServerNameToVerify: found.TlsConfig.ServerNameToVerify }
      : {}),
    hasTlsConfig: found.TlsConfig !== undefined,
    requestParameters: { ...(found.RequestParameters ?? {}) },
    responseParameters,
  };
}

function routeSettingsOf(settings: RouteSettings | undefined): MethodSettings {
  if (!settings) return { throttle: {} };
  const rateLimit = throttleNumber(settings.ThrottlingRateLimit);
  const burstLimit = throttleNumber(settings.ThrottlingBurstLimit);
  return {
    ...(settings.LoggingLevel !== undefined ? { loggingLevel: settings.LoggingLevel } : {}),
    ...(settings.DataTraceEnabled !== undefined ? { dataTrace: settings.DataTraceEnabled } : {}),
    ...(settings.DetailedMetricsEnabled !== undefined ? { metrics: settings.DetailedMetricsEnabled } : {}),
    throttle: {
      ...(rateLimit !== undefined ? { rateLimit } : {}),
      ...(burstLimit !== undefined ? { burstLimit } : {}),
    },
  };
}

function mapV2Stage(apiId: string, kind: ApiKind, stage: V2Stage, ctx: MappingContext): Stage {
  const name = stage.StageName ?? '';
  const overrides = Object.entries(stage.RouteSettings ?? {}).map(([routeKey, settings]) => ({
    path: routeKey,
    method: splitRouteKey(routeKey, kind).method,
    settings: routeSettingsOf(settings),
  }));
  const accessLog = accessLogOf(stage.AccessLogSettings?.DestinationArn, stage.AccessLogSettings?.Format, ctx);
  return {
    source: deployedSource(
      apigatewayArn(ctx.region, `/apis/${apiId}/stages/${name}`),
      'AWS::ApiGatewayV2::Stage',
      stage.Tags,
    ),
    name,
    ...(stage.Description !== undefined ? { description: stage.Description } : {}),
    settings: routeSettingsOf(stage.DefaultRouteSettings),
    overrides,
    ...(accessLog ? { accessLog } : {}),
    ...(stage.ClientCertificateId ? { clientCertificateId: stage.ClientCertificateId } : {}),
    variables: { ...(stage.StageVariables ?? {}) },
    tags: tagsOf(stage.Tags),
    usagePlanIds: ctx.usagePlanIds(apiId, name),
    declaredBy: 'deployed',
  };
}

function mapAuthorizer(a: V2Authorizer, arn: string): Authorizer {
  return {
    id: a.AuthorizerId ?? '',
    source: { arn, resourceType: 'AWS::ApiGatewayV2::Authorizer' },
    name: a.Name,
    type: a.AuthorizerType ?? '',
    identitySource: a.IdentitySource ?? [],
    ...(a.AuthorizerResultTtlInSeconds !== undefined ? { resultTtlSeconds: a.AuthorizerResultTtlInSeconds } : {}),
    providerArns: [],
    ...(a.JwtConfiguration?.Audience !== undefined ? { jwtAudience: a.JwtConfiguration.Audience } : {}),
    ...(a.JwtConfiguration?.Issuer !== undefined ? { jwtIssuer: a.JwtConfiguration.Issuer } : {}),
  };
}
