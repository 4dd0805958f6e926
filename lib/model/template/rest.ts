import type { Authorizer, Operation, OperationAuth, Validator } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import { collectPreflightCors, corsFromHeaders, createApi, integrationFrom, policyFrom } from './api-base';
import type { BuildContext, Mutable } from './context';
import { asRecord, field } from './convert';
import { applyOpenApi } from './openapi';

const CFN_INTEGRATION_KEYS = {
  type: 'Type',
  uri: 'Uri',
  connectionType: 'ConnectionType',
  requestParameters: 'RequestParameters',
  responses: 'IntegrationResponses',
  responseParameters: 'ResponseParameters',
  transferMode: 'ResponseTransferMode',
  timeout: 'TimeoutInMillis',
};

/** AWS::ApiGateway::RestApi (with an inline OpenAPI Body when present). */
function mapRestApis(ctx: BuildContext): void {
  for (const resource of ctx.ofType('AWS::ApiGateway::RestApi')) {
    const props = ctx.props(resource);
    const endpoint = props.EndpointConfiguration;
    const api = createApi(ctx, resource, 'rest', {
      name: ctx.v.str(props.Name, 'Name'),
      endpointTypes: ctx.v.strList(
        field(endpoint, 'Types', 'EndpointConfiguration'),
        'EndpointConfiguration.Types',
      ) ?? ['EDGE'],
      vpcEndpointIds: ctx.v.strList(field(endpoint, 'VpcEndpointIds', 'EndpointConfiguration'), 'VpcEndpointIds') ?? [],
      ...ctx.v.tagFields(props.Tags),
      disableExecuteApiEndpoint: ctx.v.bool(props.DisableExecuteApiEndpoint, 'DisableExecuteApiEndpoint') ?? false,
      policy: policyFrom(ctx, props.Policy),
    });
    if (props.SecurityPolicy !== undefined) api.securityPolicy = ctx.v.str(props.SecurityPolicy, 'SecurityPolicy');
    if (props.EndpointAccessMode !== undefined)
      api.endpointAccessMode = ctx.v.str(props.EndpointAccessMode, 'EndpointAccessMode');
    const ipAddressType = ctx.v.str(field(endpoint, 'IpAddressType', 'EndpointConfiguration'), 'IpAddressType');
    if (ipAddressType !== undefined) api.ipAddressType = ipAddressType;
    if (props.Body !== undefined) {
      const fromBody = applyOpenApi(ctx, api, props.Body, resource);
      if (props.Name === undefined && fromBody.title !== undefined) api.name = fromBody.title;
      if (props.Policy === undefined && fromBody.policy !== undefined) api.policy = fromBody.policy;
      if (props.DisableExecuteApiEndpoint === undefined && fromBody.disableExecuteApiEndpoint !== undefined)
        api.disableExecuteApiEndpoint = fromBody.disableExecuteApiEndpoint;
      if (field(endpoint, 'VpcEndpointIds') === undefined && fromBody.vpcEndpointIds !== undefined)
        api.vpcEndpointIds = fromBody.vpcEndpointIds;
      if (props.SecurityPolicy === undefined && fromBody.securityPolicy !== undefined)
        api.securityPolicy = fromBody.securityPolicy;
      if (props.EndpointAccessMode === undefined && fromBody.endpointAccessMode !== undefined)
        api.endpointAccessMode = fromBody.endpointAccessMode;
    } else if (props.BodyS3Location !== undefined) {
      api.operationsUnresolved = 'the OpenAPI definition is read from S3 (BodyS3Location) at deploy time';
    }
  }
}

/** Authorizers, request validators, models and gateway responses of REST APIs. */
function mapRestParts(ctx: BuildContext): void {
  for (const resource of ctx.ofType('AWS::ApiGateway::Authorizer')) {
    const props = ctx.props(resource);
    const api = ctx.apiFor(props.RestApiId, 'rest', resource);
    const identity = ctx.v.str(props.IdentitySource, 'IdentitySource');
    const authorizer: Authorizer = {
      id: ctx.label(resource.key),
      source: ctx.source(resource),
      name: ctx.v.str(props.Name, 'Name'),
      type: ctx.v.str(props.Type, 'Type') ?? unresolved('authorizer Type is not set'),
      identitySource:
        identity === undefined
          ? []
          : isUnresolved(identity)
            ? identity
            : identity.split(',').map((item) => item.trim()),
      resultTtlSeconds: ctx.v.num(props.AuthorizerResultTtlInSeconds, 'AuthorizerResultTtlInSeconds'),
      providerArns: ctx.v.strList(props.ProviderARNs, 'ProviderARNs') ?? [],
    };
    ctx.authorizers.set(resource.key, authorizer);
    api.authorizers.push(authorizer);
  }
  for (const resource of ctx.ofType('AWS::ApiGateway::RequestValidator')) {
    const props = ctx.props(resource);
    const api = ctx.apiFor(props.RestApiId, 'rest', resource);
    const validator: Validator = {
      id: ctx.label(resource.key),
      source: ctx.source(resource),
      name: ctx.v.str(props.Name, 'Name'),
      validateBody: ctx.v.bool(props.ValidateRequestBody, 'ValidateRequestBody') ?? false,
      validateParameters: ctx.v.bool(props.ValidateRequestParameters, 'ValidateRequestParameters') ?? false,
    };
    ctx.validators.set(resource.key, validator);
    api.validators.push(validator);
  }
  for (const resource of ctx.ofType('AWS::ApiGateway::Model')) {
    const props = ctx.props(resource);
    const api = ctx.apiFor(props.RestApiId, 'rest', resource);
    api.models.push({
      source: ctx.source(resource),
      name: modelName(ctx, resource.key),
      schema: ctx.v.json(props.Schema) ?? {},
    });
  }
  for (const resource of ctx.ofType('AWS::ApiGateway::GatewayResponse')) {
    const props = ctx.props(resource);
    const api = ctx.apiFor(props.RestApiId, 'rest', resource);
    const source = ctx.source(resource);
    const responseParameters = ctx.v.strMap(props.ResponseParameters, 'ResponseParameters');
    api.gatewayResponses.push({
      source,
      type: ctx.v.str(props.ResponseType, 'ResponseType') ?? unresolved('ResponseType is not set'),
      statusCode: ctx.v.str(props.StatusCode, 'StatusCode'),
      responseParameters,
      responseTemplates: ctx.v.strMap(props.ResponseTemplates, 'ResponseTemplates'),
    });
    const cors = corsFromHeaders(responseParameters, 'gateway-response', source);
    if (cors) api.cors.push(cors);
  }
}

/** A Model's name: its Name, or the logical id (CloudFormation generates a name from it). */
function modelName(ctx: BuildContext, key: string): Value<string> {
  const resource = ctx.resources.get(key);
  if (!resource) return unresolved('model is not in the template');
  return ctx.v.str(ctx.props(resource).Name, 'Name') ?? resource.logicalId;
}

/** Full paths of AWS::ApiGateway::Resource, memoised (the tree is walked once). */
class ResourcePaths {
  private readonly memo = new Map<string, string>();

  constructor(private readonly ctx: BuildContext) {}

  /** Path of a ResourceId / ParentId value. */
  of(value: unknown): string {
    const tokens = this.ctx.tokens;
    const att = tokens.attOf(value);
    if (att?.attr === 'RootResourceId') return '/';
    const key = tokens.refKey(value);
    const resource = key !== undefined ? this.ctx.resources.get(key) : undefined;
    if (!resource || resource.type !== 'AWS::ApiGateway::Resource')
      return `/{${typeof value === 'string' ? this.ctx.v.display(value) : 'unresolved'}}`;
    const cached = this.memo.get(resource.key);
    if (cached !== undefined) return cached;
    this.memo.set(resource.key, '/{cycle}');
    const props = this.ctx.props(resource);
    const part = this.ctx.v.str(props.PathPart, 'PathPart');
    const parent = this.of(props.ParentId);
    const path = `${parent === '/' ? '' : parent}/${typeof part === 'string' ? part : '{unresolved}'}`;
    this.memo.set(resource.key, path);
    return path;
  }
}

/** AWS::ApiGateway::Method → operations, and the preflight CORS they answer. */
function mapMethods(ctx: BuildContext): void {
  const paths = new ResourcePaths(ctx);
  const touched = new Set<string>();
  for (const resource of ctx.ofType('AWS::ApiGateway::Method')) {
    const props = ctx.props(resource);
    const api = ctx.apiFor(props.RestApiId, 'rest', resource);
    const verb = ctx.v.str(props.HttpMethod, 'HttpMethod');
    const authorizerKey = ctx.tokens.refKey(props.AuthorizerId);
    const validatorKey = ctx.tokens.refKey(props.RequestValidatorId);
    const source = ctx.source(resource);
    const requestModels: Record<string, Value<string>> = {};
    for (const [contentType, model] of Object.entries(asRecord(props.RequestModels))) {
      const key = ctx.tokens.refKey(model);
      requestModels[contentType] = key !== undefined ? modelName(ctx, key) : (ctx.v.str(model, 'RequestModels') ?? '');
    }
    const auth: Mutable<OperationAuth> = {
      type: ctx.v.str(props.AuthorizationType, 'AuthorizationType') ?? 'NONE',
      scopes: ctx.v.strList(props.AuthorizationScopes, 'AuthorizationScopes') ?? [],
      apiKeyRequired: ctx.v.bool(props.ApiKeyRequired, 'ApiKeyRequired') ?? false,
    };
    if (props.AuthorizerId !== undefined) {
      auth.authorizer =
        (authorizerKey !== undefined ? ctx.authorizers.get(authorizerKey) : undefined) ??
        unresolved(`authorizer ${ctx.v.describe(props.AuthorizerId)} is not in the template`);
    }
    // Plain assignments rather than conditional spreads: this runs once per method.
    const operation: Mutable<Operation> = {
      source,
      method: typeof verb === 'string' ? verb.toUpperCase() : '{unresolved}',
      path: paths.of(props.ResourceId),
      auth,
      integration: integrationFrom(ctx, props.Integration, CFN_INTEGRATION_KEYS, source),
      requestParameters: ctx.v.boolMap(props.RequestParameters, 'RequestParameters'),
      requestModels,
    };
    if (props.RequestValidatorId !== undefined) {
      operation.validator =
        (validatorKey !== undefined ? ctx.validators.get(validatorKey) : undefined) ??
        unresolved(`request validator ${ctx.v.describe(props.RequestValidatorId)} is not in the template`);
    }
    api.operations.push(operation);
    if (operation.method === 'OPTIONS') touched.add(api.id);
  }
  for (const api of ctx.apis.values())
    if (api.kind === 'rest' && (touched.has(api.id) || api.definedByOpenApi)) collectPreflightCors(api, api.operations);
}

/** Everything REST except stages (see rest-stages.ts). */
export function mapRest(ctx: BuildContext): void {
  mapRestApis(ctx);
  mapRestParts(ctx);
  mapMethods(ctx);
}
