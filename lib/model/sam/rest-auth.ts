import { isRecord, record, type Json } from './common';
import type { SwaggerDoc } from './swagger';

const AWS_IAM_SCHEME: Json = {
  type: 'apiKey',
  name: 'Authorization',
  in: 'header',
  'x-amazon-apigateway-authtype': 'awsSigv4',
};
const API_KEY_SCHEME: Json = { type: 'apiKey', name: 'x-api-key', in: 'header' };

/** The Lambda invocation URI API Gateway calls for a Lambda authorizer. */
function authorizerUri(functionArn: unknown): Json {
  return {
    'Fn::Sub': [
      'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations',
      { __FunctionArn__: functionArn },
    ],
  };
}

function identitySource(identity: Json): string {
  const pairs: [string, string][] = [
    ['Headers', 'method.request.header.'],
    ['QueryStrings', 'method.request.querystring.'],
    ['StageVariables', 'stageVariables.'],
    ['Context', 'context.'],
  ];
  const items: string[] = [];
  for (const [key, prefix] of pairs)
    for (const value of Array.isArray(identity[key]) ? identity[key] : []) items.push(`${prefix}${String(value)}`);
  return items.join(', ');
}

/** One entry of a REST API's Auth.Authorizers as the swagger security scheme SAM writes for it. */
export function restSecurityScheme(definition: unknown): Json {
  const auth = record(definition);
  const identity = record(auth.Identity);
  if (auth.UserPoolArn !== undefined) {
    const authorizer: Json = {
      type: 'cognito_user_pools',
      providerARNs: Array.isArray(auth.UserPoolArn) ? auth.UserPoolArn : [auth.UserPoolArn],
    };
    if (identity.ValidationExpression) authorizer.identityValidationExpression = identity.ValidationExpression;
    return {
      type: 'apiKey',
      name: identity.Header ?? 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': authorizer,
    };
  }
  const request = auth.FunctionPayloadType === 'REQUEST';
  const authorizer: Json = { type: request ? 'request' : 'token', authorizerUri: authorizerUri(auth.FunctionArn) };
  if (identity.ReauthorizeEvery !== undefined) authorizer.authorizerResultTtlInSeconds = identity.ReauthorizeEvery;
  if (auth.FunctionInvokeRole && auth.FunctionInvokeRole !== 'NONE')
    authorizer.authorizerCredentials = auth.FunctionInvokeRole;
  if (request) {
    const source = identitySource(identity);
    if (source) authorizer.identitySource = source;
  } else if (identity.ValidationExpression) {
    authorizer.identityValidationExpression = identity.ValidationExpression;
  }
  return {
    type: 'apiKey',
    name: request ? 'Unused' : (identity.Header ?? 'Authorization'),
    in: 'header',
    'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': authorizer,
  };
}

function securityList(method: Json): Json[] {
  return Array.isArray(method.security) ? (method.security as unknown[]).map(record) : [];
}

/** An event's Auth on its method: the authorizer (with scopes) and ApiKeyRequired, appended as SAM does. */
export function addMethodAuth(doc: SwaggerDoc, method: Json, eventAuth: Json, apiAuth: Json): void {
  const name = eventAuth.Authorizer;
  const authorizers = record(apiAuth.Authorizers);
  if (typeof name === 'string' && name !== '') {
    let scopes: unknown = [];
    if (name !== 'NONE' && isRecord(authorizers[name])) {
      const own = record(authorizers[name]).AuthorizationScopes;
      const chosen = eventAuth.AuthorizationScopes !== undefined ? eventAuth.AuthorizationScopes : own;
      if (chosen !== undefined) scopes = chosen;
    }
    method.security = [...securityList(method), { [name]: scopes }];
    if (name === 'AWS_IAM') doc.addScheme('AWS_IAM', AWS_IAM_SCHEME);
  }
  if (eventAuth.ApiKeyRequired !== undefined) {
    const required = eventAuth.ApiKeyRequired === true || eventAuth.ApiKeyRequired === 'true';
    if (required) doc.addScheme('api_key', API_KEY_SCHEME);
    method.security = [...securityList(method), { [required ? 'api_key' : 'api_key_false']: [] }];
  }
}

/** Auth.DefaultAuthorizer on every method without its own authorizer (SAM's set_path_default_authorizer). */
function applyDefaultAuthorizer(doc: SwaggerDoc, auth: Json): void {
  const name = auth.DefaultAuthorizer;
  if (typeof name !== 'string') return;
  const authorizers = record(auth.Authorizers);
  const names = new Set(['AWS_IAM', ...Object.keys(authorizers)]);
  const preflight = auth.AddDefaultAuthorizerToCorsPreflight !== false;
  const ownScopes = record(authorizers[name]).AuthorizationScopes;
  for (const [verb, method] of doc.methods()) {
    if (verb === 'options' && !preflight) continue;
    const existing = securityList(method);
    const others = existing.filter((entry) => !Object.keys(entry).some((key) => names.has(key)));
    const chosen = existing.filter((entry) => Object.keys(entry).some((key) => names.has(key)));
    const none = others.findIndex((entry) => 'NONE' in entry);
    let authorizer: Json[] = [];
    if (none >= 0) others.splice(none, 1);
    else if (chosen.length > 0) authorizer = chosen;
    else authorizer = [{ [name]: Array.isArray(ownScopes) ? ownScopes : [] }];
    const security = [...others, ...authorizer];
    if (security.length > 0) {
      method.security = security;
      if ('AWS_IAM' in security[0]) doc.addScheme('AWS_IAM', AWS_IAM_SCHEME);
    }
  }
}

/** Auth.ApiKeyRequired on every method that does not say otherwise (SAM's set_path_default_apikey_required). */
function applyDefaultApiKey(doc: SwaggerDoc, auth: Json): void {
  if (auth.ApiKeyRequired !== true && auth.ApiKeyRequired !== 'true') return;
  doc.addScheme('api_key', API_KEY_SCHEME);
  const preflight = auth.AddApiKeyRequiredToCorsPreflight !== false;
  for (const [verb, method] of doc.methods()) {
    const existing = securityList(method);
    const others = existing.filter((entry) => !('api_key' in entry) && !('api_key_false' in entry));
    const keyed = existing.filter((entry) => 'api_key' in entry || 'api_key_false' in entry);
    const optOut = keyed.findIndex((entry) => 'api_key_false' in entry);
    const apiKey = optOut >= 0 ? [] : [{ api_key: [] }];
    const security = verb === 'options' && !preflight ? others : [...others, ...apiKey];
    if (JSON.stringify(security) !== JSON.stringify(existing)) method.security = security;
  }
}

/** A REST API's Auth block: its authorizers as security schemes, then the API-wide defaults. */
export function applyRestAuth(doc: SwaggerDoc, auth: Json): void {
  for (const [name, definition] of Object.entries(record(auth.Authorizers))) {
    if (name === 'AWS_IAM') continue;
    doc.addScheme(name, restSecurityScheme(definition));
  }
  if (auth.DefaultAuthorizer === 'AWS_IAM') doc.addScheme('AWS_IAM', AWS_IAM_SCHEME);
  applyDefaultAuthorizer(doc, auth);
  applyDefaultApiKey(doc, auth);
}
