import type { Api, Authorizer, AuthorizationType, OperationAuth } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import type { BuildContext, RawResource } from './context';
import { asArray, asRecord, field } from './convert';

/** Security schemes and requirements of an inline OpenAPI Body → operation auth and authorizers. */
export interface Scheme {
  readonly type: Value<string>;
  readonly apiKey: boolean;
  readonly authorizer?: Authorizer;
}

export function schemeFrom(
  ctx: BuildContext,
  api: Api,
  name: string,
  raw: unknown,
  source: RawResource,
  kind: Api['kind'],
): Scheme {
  const scheme = asRecord(raw);
  const authType = String(scheme['x-amazon-apigateway-authtype'] ?? '').toLowerCase();
  const rawAuthorizer = scheme['x-amazon-apigateway-authorizer'];
  const config = asRecord(rawAuthorizer);
  const authorizerType = String(config.type ?? '').toLowerCase();
  let type: Value<string>;
  if (authType === 'awssigv4' || authType === 'aws_iam') type = 'AWS_IAM';
  else if (authType === 'cognito_user_pools' || authorizerType === 'cognito_user_pools') type = 'COGNITO_USER_POOLS';
  else if (authorizerType === 'jwt') type = 'JWT';
  else if (authorizerType === 'token' || authorizerType === 'request' || authType === 'custom') type = 'CUSTOM';
  else if (scheme.type === 'apiKey') return { type: 'NONE', apiKey: true };
  else type = unresolved(`security scheme ${name} is not one API Gateway enforces (type ${String(scheme.type)})`);
  if (rawAuthorizer === undefined) return { type, apiKey: false };
  const jwt = asRecord(config.jwtConfiguration);
  // A comma-separated string (REST, Lambda REQUEST) or a list (HTTP API authorizers).
  // A TOKEN authorizer without identitySource reads the header the security scheme names (`in: header`).
  const tokenHeader =
    authorizerType === 'token' && scheme.in === 'header' && typeof scheme.name === 'string'
      ? `method.request.header.${scheme.name}`
      : undefined;
  const identity = Array.isArray(config.identitySource)
    ? ctx.v.strList(config.identitySource, 'identitySource')
    : (ctx.v.str(config.identitySource, 'identitySource') ?? tokenHeader);
  const authorizer: Authorizer = {
    id: `${api.id}#${name}`,
    source: ctx.source(source, `securitySchemes.${name}`),
    name,
    type:
      kind === 'rest'
        ? authorizerType.toUpperCase() || unresolved('authorizer type not set')
        : authorizerType === 'jwt'
          ? 'JWT'
          : 'REQUEST',
    identitySource:
      identity === undefined
        ? []
        : isUnresolved(identity) || Array.isArray(identity)
          ? identity
          : identity.split(',').map((item) => item.trim()),
    resultTtlSeconds: ctx.v.num(config.authorizerResultTtlInSeconds, 'authorizerResultTtlInSeconds'),
    providerArns: ctx.v.strList(config.providerARNs, 'providerARNs') ?? [],
    ...(authorizerType === 'jwt'
      ? { jwtAudience: ctx.v.strList(jwt.audience, 'audience') ?? [], jwtIssuer: ctx.v.str(jwt.issuer, 'issuer') }
      : {}),
  };
  return { type, apiKey: false, authorizer };
}

/** `x-amazon-apigateway-auth: { type: AWS_IAM | NONE }` on an operation: API Gateway's own auth type. */
function extensionAuthType(ctx: BuildContext, raw: unknown): Value<string> | undefined {
  if (raw === undefined) return undefined;
  const type = ctx.v.str(field(raw, 'type', 'x-amazon-apigateway-auth'), 'x-amazon-apigateway-auth.type');
  if (type === undefined || isUnresolved(type)) return type ?? unresolved('x-amazon-apigateway-auth has no type');
  const upper = type.toUpperCase();
  return upper === 'AWS_IAM' || upper === 'NONE'
    ? upper
    : unresolved(`x-amazon-apigateway-auth type ${type} is not AWS_IAM or NONE`);
}

export function authFrom(
  ctx: BuildContext,
  requirements: unknown,
  schemes: Map<string, Scheme>,
  extension: unknown,
): OperationAuth {
  const first = asRecord(asArray(requirements)[0]);
  let type: Value<AuthorizationType | string> = 'NONE';
  let authorizer: Value<Authorizer> | undefined;
  let scopes: Value<string[]> = [];
  let apiKeyRequired = false;
  for (const [name, scopeList] of Object.entries(first)) {
    const scheme = schemes.get(name);
    // SAM writes `security: [{ NONE: [] }]` for a route whose Authorizer is NONE: no authorizer at all.
    if (!scheme && name === 'NONE') continue;
    if (!scheme) {
      type = unresolved(`security scheme ${name} is not defined`);
      continue;
    }
    if (scheme.apiKey) {
      apiKeyRequired = true;
      continue;
    }
    type = scheme.type;
    authorizer = scheme.authorizer;
    scopes = ctx.v.strList(scopeList, 'scopes') ?? [];
  }
  const declared = extensionAuthType(ctx, extension);
  if (declared !== undefined && (declared !== 'NONE' || authorizer === undefined)) type = declared;
  return { type, ...(authorizer ? { authorizer } : {}), scopes, apiKeyRequired };
}
