import { isRecord, record, type Json } from './common';
import type { SwaggerDoc } from './swagger';

const AWS_IAM_SCHEME: Json = {
  type: 'apiKey',
  name: 'Authorization',
  in: 'header',
  'x-amazon-apigateway-authtype': 'awsSigv4',
};

function identitySources(identity: Json): string[] {
  const pairs: [string, string][] = [
    ['Headers', '$request.header.'],
    ['QueryStrings', '$request.querystring.'],
    ['StageVariables', '$stageVariables.'],
    ['Context', '$context.'],
  ];
  const items: string[] = [];
  for (const [key, prefix] of pairs)
    for (const value of Array.isArray(identity[key]) ? identity[key] : []) items.push(`${prefix}${String(value)}`);
  return items;
}

/** One entry of an HTTP API's Auth.Authorizers as the OpenAPI security scheme SAM writes for it. */
export function httpSecurityScheme(definition: unknown): Json {
  const auth = record(definition);
  if (auth.JwtConfiguration !== undefined) {
    return {
      type: 'oauth2',
      'x-amazon-apigateway-authorizer': {
        type: 'jwt',
        jwtConfiguration: auth.JwtConfiguration,
        ...(auth.IdentitySource !== undefined ? { identitySource: auth.IdentitySource } : {}),
      },
    };
  }
  const identity = record(auth.Identity);
  const authorizer: Json = {
    type: 'request',
    authorizerUri: {
      'Fn::Sub': [
        'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations',
        { __FunctionArn__: auth.FunctionArn },
      ],
    },
  };
  const sources = identitySources(identity);
  if (sources.length > 0) authorizer.identitySource = sources;
  if (identity.ReauthorizeEvery !== undefined) authorizer.authorizerResultTtlInSeconds = identity.ReauthorizeEvery;
  if (auth.FunctionInvokeRole) authorizer.authorizerCredentials = auth.FunctionInvokeRole;
  if (auth.AuthorizerPayloadFormatVersion !== undefined)
    authorizer.authorizerPayloadFormatVersion = auth.AuthorizerPayloadFormatVersion;
  if (auth.EnableSimpleResponses !== undefined) authorizer.enableSimpleResponses = auth.EnableSimpleResponses;
  return { type: 'apiKey', name: 'Unused', in: 'header', 'x-amazon-apigateway-authorizer': authorizer };
}

function scopesOf(authorizers: Json, name: string, override: unknown): unknown {
  if (override !== undefined) return override;
  const own = record(authorizers[name]).AuthorizationScopes;
  return Array.isArray(own) ? own : [];
}

/** An event's Auth on its route: its Authorizer (or the default's) with scopes; NONE stays as SAM's marker. */
export function addRouteAuth(doc: SwaggerDoc, method: Json, eventAuth: Json, apiAuth: Json): void {
  const authorizers = record(apiAuth.Authorizers);
  const named = typeof eventAuth.Authorizer === 'string' ? eventAuth.Authorizer : undefined;
  if (named === 'NONE') {
    method.security = [{ NONE: [] }];
    return;
  }
  if (named === 'AWS_IAM') {
    doc.addScheme('AWS_IAM', AWS_IAM_SCHEME);
    method.security = [{ AWS_IAM: [] }];
    return;
  }
  const name = named ?? (typeof apiAuth.DefaultAuthorizer === 'string' ? apiAuth.DefaultAuthorizer : undefined);
  if (name === undefined) return;
  if (named === undefined && eventAuth.AuthorizationScopes === undefined) return; // the default comes later
  method.security = [{ [name]: scopesOf(authorizers, name, eventAuth.AuthorizationScopes) }];
}

/** An HTTP API's Auth: schemes for its authorizers (and IAM), then the DefaultAuthorizer on unset routes. */
export function applyHttpAuth(doc: SwaggerDoc, auth: Json): void {
  const authorizers = record(auth.Authorizers);
  for (const [name, definition] of Object.entries(authorizers)) doc.addScheme(name, httpSecurityScheme(definition));
  if (auth.EnableIamAuthorizer === true || auth.DefaultAuthorizer === 'AWS_IAM')
    doc.addScheme('AWS_IAM', AWS_IAM_SCHEME);
  const name = auth.DefaultAuthorizer;
  if (typeof name !== 'string') return;
  for (const [verb, method] of doc.methods()) {
    if (verb === 'options') continue;
    if (Array.isArray(method.security) && method.security.some(isRecord)) continue;
    method.security = [{ [name]: scopesOf(authorizers, name, undefined) }];
  }
}
