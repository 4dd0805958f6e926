import { isRecord, record, type Json } from './common';
import type { ApiEvent } from './events';
import { addResourcePolicy } from './resource-policy';
import { addMethodAuth } from './rest-auth';
import { normalizeMethod, type SwaggerDoc } from './swagger';

function lambdaUri(functionId: string): Json {
  return {
    'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${functionId}.Arn}/invocations`,
  };
}

/** SAM's validator names: body-only, params-only, or both. */
function validatorName(body: boolean, params: boolean): string {
  if (body && params) return 'body-and-params';
  if (body) return 'body-only';
  if (params) return 'params-only';
  return 'no-validation';
}

function addRequestModel(doc: SwaggerDoc, method: Json, model: Json): void {
  const name = model.Model;
  if (typeof name !== 'string') return;
  const openapi3 = typeof doc.doc.openapi === 'string';
  if (openapi3) {
    method.requestBody = {
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${name.toLowerCase()}` } } },
      ...(model.Required !== undefined ? { required: model.Required } : {}),
    };
  } else {
    const parameters = Array.isArray(method.parameters) ? (method.parameters as unknown[]) : [];
    parameters.push({
      in: 'body',
      name: name.toLowerCase(),
      schema: { $ref: `#/definitions/${name.toLowerCase()}` },
      ...(model.Required !== undefined ? { required: model.Required } : {}),
    });
    method.parameters = parameters;
  }
  if (model.ValidateBody === undefined && model.ValidateParameters === undefined) return;
  const body = model.ValidateBody === true;
  const params = model.ValidateParameters === true;
  const validator = validatorName(body, params);
  const validators = record(doc.doc['x-amazon-apigateway-request-validators']);
  validators[validator] ??= { validateRequestBody: body, validateRequestParameters: params };
  doc.doc['x-amazon-apigateway-request-validators'] = validators;
  method['x-amazon-apigateway-request-validator'] = validator;
}

function addRequestParameters(method: Json, list: unknown): void {
  if (!Array.isArray(list)) return;
  const parameters = Array.isArray(method.parameters) ? (method.parameters as unknown[]) : [];
  for (const item of list) {
    const [name, settings] = typeof item === 'string' ? [item, {}] : (Object.entries(record(item))[0] ?? ['', {}]);
    const match = /^method\.request\.(querystring|path|header)\.(.+)$/.exec(name);
    if (!match) continue;
    const where = match[1] === 'querystring' ? 'query' : match[1];
    parameters.push({ in: where, name: match[2], required: record(settings).Required === true, type: 'string' });
  }
  method.parameters = parameters;
}

/**
 * One function event as a method of the REST API's swagger: the Lambda proxy integration, the event's
 * Auth (authorizer, scopes, API key, resource policy), its RequestModel and RequestParameters.
 */
export function addRestEvent(doc: SwaggerDoc, event: ApiEvent, apiProps: Json, stage: unknown): void {
  if (typeof event.path !== 'string' || typeof event.method !== 'string') return;
  const verb = normalizeMethod(event.method);
  const method = doc.method(event.path, verb);
  method['x-amazon-apigateway-integration'] = {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri: lambdaUri(event.functionId),
  };
  method.responses ??= {};
  const auth = record(event.props.Auth);
  addMethodAuth(doc, method, auth, record(apiProps.Auth));
  if (isRecord(event.props.RequestModel)) addRequestModel(doc, method, event.props.RequestModel);
  if (event.props.RequestParameters !== undefined) addRequestParameters(method, event.props.RequestParameters);
  if (auth.ResourcePolicy !== undefined) addResourcePolicy(doc, auth.ResourcePolicy, event.path, stage);
  if (event.condition) {
    const item = record(doc.paths[event.path]);
    item[verb] = { 'Fn::If': [event.condition, method, { Ref: 'AWS::NoValue' }] };
  }
}

const CORS_HEADERS: [string, string][] = [
  ['AllowOrigin', 'Access-Control-Allow-Origin'],
  ['AllowHeaders', 'Access-Control-Allow-Headers'],
  ['AllowMethods', 'Access-Control-Allow-Methods'],
  ['MaxAge', 'Access-Control-Max-Age'],
];

/** SAM's Cors: an OPTIONS mock method answering the preflight on every path that has none. */
export function addCors(doc: SwaggerDoc, cors: unknown): void {
  const config: Json = typeof cors === 'string' || !isRecord(cors) || 'Fn::Join' in cors ? { AllowOrigin: cors } : cors;
  for (const path of Object.keys(doc.paths)) {
    if (doc.hasMethod(path, 'options')) continue;
    const verbs = doc.verbs(path);
    const methods =
      config.AllowMethods ??
      `'${(verbs.includes('x-amazon-apigateway-any-method')
        ? ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']
        : [...verbs.map((verb) => verb.toUpperCase()), 'OPTIONS'].sort()
      ).join(',')}'`;
    const parameters: Json = {};
    for (const [key, header] of CORS_HEADERS) {
      const value = key === 'AllowMethods' ? methods : config[key];
      if (value !== undefined) parameters[`method.response.header.${header}`] = value;
    }
    if (config.AllowCredentials === true)
      parameters['method.response.header.Access-Control-Allow-Credentials'] = "'true'";
    const method = doc.method(path, 'options');
    Object.assign(method, {
      summary: 'CORS support',
      consumes: ['application/json'],
      produces: ['application/json'],
      'x-amazon-apigateway-integration': {
        type: 'mock',
        requestTemplates: { 'application/json': '{\n  "statusCode" : 200\n}\n' },
        responses: {
          default: {
            statusCode: '200',
            responseParameters: parameters,
            responseTemplates: { 'application/json': '{}\n' },
          },
        },
      },
      responses: { '200': { description: 'Default response for CORS method', headers: {} } },
    });
  }
}

/** SAM's GatewayResponses → x-amazon-apigateway-gateway-responses. */
export function addGatewayResponses(doc: SwaggerDoc, responses: unknown): void {
  const out: Json = {};
  for (const [type, raw] of Object.entries(record(responses))) {
    const response = record(raw);
    const parameters: Json = {};
    const groups: [string, string][] = [
      ['Headers', 'header'],
      ['Paths', 'path'],
      ['QueryStrings', 'querystring'],
    ];
    for (const [key, where] of groups)
      for (const [name, value] of Object.entries(record(record(response.ResponseParameters)[key])))
        parameters[`gatewayresponse.${where}.${name}`] = value;
    out[type] = {
      responseParameters: parameters,
      responseTemplates: record(response.ResponseTemplates),
      ...(response.StatusCode !== undefined ? { statusCode: response.StatusCode } : {}),
    };
  }
  doc.doc['x-amazon-apigateway-gateway-responses'] = out;
}

/** SAM's Models → swagger definitions (lower-cased names, as the transform writes them). */
export function addModels(doc: SwaggerDoc, models: unknown): void {
  const definitions = record(doc.doc.definitions);
  for (const [name, schema] of Object.entries(record(models))) definitions[name.toLowerCase()] = schema;
  doc.doc.definitions = definitions;
}

/** OpenApiVersion 3.x: SAM rewrites the swagger 2 document it generated as OpenAPI 3. */
export function toOpenApi3(doc: SwaggerDoc, version: string): void {
  const body = doc.doc;
  delete body.swagger;
  body.openapi = version;
  const components = record(body.components);
  if (isRecord(body.securityDefinitions)) components.securitySchemes = body.securityDefinitions;
  if (isRecord(body.definitions)) components.schemas = body.definitions;
  delete body.securityDefinitions;
  delete body.definitions;
  if (Object.keys(components).length > 0) body.components = components;
}
