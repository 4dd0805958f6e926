import { yaml } from '../../lazy-modules';
import type { Api, ApiModel, Operation, Validator } from '../types';
import { isUnresolved, unresolved, type Unresolved, type Value } from '../value';
import { corsFromHeaders, integrationFrom, policyFrom } from './api-base';
import type { BuildContext, Mutable, RawResource } from './context';
import { authFrom, schemeFrom, type Scheme } from './openapi-auth';
import { asArray, asRecord } from './convert';

const VERBS: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

const REST_INTEGRATION_KEYS = {
  type: 'type',
  uri: 'uri',
  connectionType: 'connectionType',
  requestParameters: 'requestParameters',
  responses: 'responses',
  responseParameters: 'responseParameters',
  transferMode: 'responseTransferMode',
  timeout: 'timeoutInMillis',
};
/** HTTP APIs: tlsConfig.serverNameToVerify is the private-integration TLS setting (REST's tlsConfig is not). */
const V2_INTEGRATION_KEYS = { ...REST_INTEGRATION_KEYS, tls: 'tlsConfig' };

/** API-level settings an OpenAPI Body can carry (CloudFormation properties win over them). */
const SECURITY_POLICY = 'x-amazon-apigateway-security-policy';
const ACCESS_MODE = 'x-amazon-apigateway-endpoint-access-mode';

export interface OpenApiSettings {
  readonly title?: Value<string>;
  readonly policy?: Api['policy'];
  readonly disableExecuteApiEndpoint?: Value<boolean>;
  readonly vpcEndpointIds?: Value<string[]>;
  /** `x-amazon-apigateway-security-policy` and `x-amazon-apigateway-endpoint-access-mode` (REST). */
  readonly securityPolicy?: Value<string>;
  readonly endpointAccessMode?: Value<string>;
}

function bodyObject(ctx: BuildContext, body: unknown): Record<string, unknown> | undefined {
  if (typeof body === 'string' && !ctx.tokens.hasTokens(body)) {
    try {
      return asRecord(yaml().parse(body));
    } catch {
      return undefined;
    }
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body) && !isUnresolved(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

function refName(ref: unknown): string | undefined {
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}

/**
 * Read an inline OpenAPI 2/3 Body into the API: operations with integrations, security, validators,
 * models, gateway responses and CORS. Returns the API-level settings the Body declares.
 */
export function applyOpenApi(
  ctx: BuildContext,
  api: Mutable<Api>,
  body: unknown,
  resource: RawResource,
): OpenApiSettings {
  const doc = bodyObject(ctx, body);
  if (!doc) {
    api.operationsUnresolved = isUnresolved(body)
      ? `the OpenAPI Body is unresolved (${body.because})`
      : 'the OpenAPI Body cannot be read';
    return {};
  }
  api.definedByOpenApi = true;
  const components = asRecord(doc.components);
  const schemes = new Map<string, Scheme>();
  for (const [name, raw] of Object.entries({
    ...asRecord(doc.securityDefinitions),
    ...asRecord(components.securitySchemes),
  })) {
    const scheme = schemeFrom(ctx, api, name, raw, resource, api.kind);
    schemes.set(name, scheme);
    if (scheme.authorizer) api.authorizers.push(scheme.authorizer);
  }
  const validators = new Map<string, Validator>();
  for (const [name, raw] of Object.entries(asRecord(doc['x-amazon-apigateway-request-validators']))) {
    const props = asRecord(raw);
    const validator: Validator = {
      id: `${api.id}#${name}`,
      source: ctx.source(resource, `x-amazon-apigateway-request-validators.${name}`),
      name,
      validateBody: ctx.v.bool(props.validateRequestBody) ?? false,
      validateParameters: ctx.v.bool(props.validateRequestParameters) ?? false,
    };
    validators.set(name, validator);
    api.validators.push(validator);
  }
  const validatorFor = (name: unknown): Value<Validator> | undefined => {
    if (typeof name !== 'string') return undefined;
    return (
      validators.get(name) ??
      unresolved(`request validator ${name} is not declared in x-amazon-apigateway-request-validators`)
    );
  };
  const defaultValidator = validatorFor(doc['x-amazon-apigateway-request-validator']);
  for (const [name, schema] of Object.entries({ ...asRecord(doc.definitions), ...asRecord(components.schemas) })) {
    const model: ApiModel = { source: ctx.source(resource, `schemas.${name}`), name, schema: ctx.v.json(schema) };
    api.models.push(model);
  }
  const sharedParameters = asRecord(components.parameters);
  const operations: Operation[] = [];
  // Operations the toolkit cannot read (e.g. under an Fn::If whose branches differ) make the API's operations unresolved.
  const unreadable = (what: string, value: Unresolved): void => {
    api.operationsUnresolved ??= `${what} in the OpenAPI Body is unresolved (${value.because})`;
  };
  if (isUnresolved(doc.paths)) unreadable('paths', doc.paths);
  for (const [path, rawItem] of Object.entries(isUnresolved(doc.paths) ? {} : asRecord(doc.paths))) {
    if (isUnresolved(rawItem)) {
      unreadable(`path ${path}`, rawItem);
      continue;
    }
    const item = asRecord(rawItem);
    for (const [verb, rawOp] of Object.entries(item)) {
      const method = VERBS[verb.toLowerCase()];
      if (!method) continue;
      if (isUnresolved(rawOp)) {
        unreadable(`operation ${method} ${path}`, rawOp);
        continue;
      }
      const op = asRecord(rawOp);
      const pointer = `paths.${path}.${verb}`;
      const requestParameters: Record<string, Value<boolean>> = {};
      for (const rawParam of [...asArray(item.parameters), ...asArray(op.parameters)]) {
        let param = asRecord(rawParam);
        if (typeof param.$ref === 'string')
          param = asRecord(
            sharedParameters[refName(param.$ref) ?? ''] ?? asRecord(doc.parameters)[refName(param.$ref) ?? ''],
          );
        const where = param.in === 'query' ? 'querystring' : param.in;
        if (typeof param.name !== 'string' || (where !== 'querystring' && where !== 'header' && where !== 'path'))
          continue;
        requestParameters[`method.request.${where}.${param.name}`] = ctx.v.bool(param.required) ?? false;
      }
      const requestModels: Record<string, Value<string>> = {};
      for (const [contentType, media] of Object.entries(asRecord(asRecord(op.requestBody).content))) {
        const name = refName(asRecord(asRecord(media).schema).$ref);
        if (name) requestModels[contentType] = name;
      }
      for (const param of asArray(op.parameters)) {
        const name = asRecord(param).in === 'body' ? refName(asRecord(asRecord(param).schema).$ref) : undefined;
        if (name)
          for (const contentType of asArray(op.consumes ?? doc.consumes ?? ['application/json']))
            requestModels[String(contentType)] = name;
      }
      const source = ctx.source(resource, pointer);
      const opValidator =
        op['x-amazon-apigateway-request-validator'] !== undefined
          ? validatorFor(op['x-amazon-apigateway-request-validator'])
          : defaultValidator;
      const operation: Operation = {
        source,
        method,
        path,
        ...(api.kind !== 'rest' ? { routeKey: method === 'ANY' ? `ANY ${path}` : `${method} ${path}` } : {}),
        auth: authFrom(ctx, op.security ?? doc.security, schemes, op['x-amazon-apigateway-auth']),
        integration: integrationFrom(
          ctx,
          op['x-amazon-apigateway-integration'],
          api.kind === 'rest' ? REST_INTEGRATION_KEYS : V2_INTEGRATION_KEYS,
          source,
        ),
        ...(opValidator !== undefined ? { validator: opValidator } : {}),
        requestParameters,
        requestModels,
      };
      operations.push(operation);
    }
  }
  api.operations.push(...operations);
  for (const [type, raw] of Object.entries(asRecord(doc['x-amazon-apigateway-gateway-responses']))) {
    const props = asRecord(raw);
    const source = ctx.source(resource, `x-amazon-apigateway-gateway-responses.${type}`);
    const responseParameters = ctx.v.strMap(props.responseParameters, 'responseParameters');
    api.gatewayResponses.push({
      source,
      type,
      statusCode: ctx.v.str(props.statusCode, 'statusCode'),
      responseParameters,
      responseTemplates: ctx.v.strMap(props.responseTemplates, 'responseTemplates'),
    });
    const cors = corsFromHeaders(responseParameters, 'gateway-response', source);
    if (cors) api.cors.push(cors);
  }
  const cors = doc['x-amazon-apigateway-cors'];
  if (cors !== undefined) {
    const props = asRecord(cors);
    api.cors.push({
      source: ctx.source(resource, 'x-amazon-apigateway-cors'),
      from: 'v2-config',
      allowOrigins: ctx.v.strList(props.allowOrigins, 'allowOrigins') ?? [],
      ...(props.allowCredentials !== undefined
        ? { allowCredentials: ctx.v.bool(props.allowCredentials, 'allowCredentials') ?? false }
        : {}),
    });
  }
  const endpoint = asRecord(doc['x-amazon-apigateway-endpoint-configuration']);
  const title = asRecord(doc.info).title;
  return {
    ...(title !== undefined ? { title: ctx.v.str(title, 'info.title') } : {}),
    ...(doc['x-amazon-apigateway-policy'] !== undefined
      ? { policy: policyFrom(ctx, doc['x-amazon-apigateway-policy']) }
      : {}),
    ...(endpoint.disableExecuteApiEndpoint !== undefined
      ? { disableExecuteApiEndpoint: ctx.v.bool(endpoint.disableExecuteApiEndpoint) }
      : {}),
    ...(endpoint.vpcEndpointIds !== undefined ? { vpcEndpointIds: ctx.v.strList(endpoint.vpcEndpointIds) } : {}),
    ...(doc[SECURITY_POLICY] !== undefined ? { securityPolicy: ctx.v.str(doc[SECURITY_POLICY], SECURITY_POLICY) } : {}),
    ...(doc[ACCESS_MODE] !== undefined ? { endpointAccessMode: ctx.v.str(doc[ACCESS_MODE], ACCESS_MODE) } : {}),
  };
}
