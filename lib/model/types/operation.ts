import type { Source } from '../source';
import type { Value } from '../value';

export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS' | 'JWT';

export interface OperationAuth {
  /** NONE when the source omits it (AWS's default). */
  readonly type: Value<AuthorizationType | string>;
  /** Undefined when no authorizer is attached; Unresolved when attached but not resolvable. */
  readonly authorizer?: Value<Authorizer>;
  /** OAuth scopes required by the method/route (empty = none). */
  readonly scopes: Value<string[]>;
  readonly apiKeyRequired: Value<boolean>;
}

/** A REST method or a v2 route, in one shape. */
export interface Operation {
  readonly source: Source;
  /** HTTP verb in upper case, 'ANY', or '' for WebSocket routes. */
  readonly method: string;
  /** REST resource path ('/orders/{id}'), HTTP route path, or the WebSocket route key ('$connect'). */
  readonly path: string;
  /** v2 route key as written ('GET /orders', '$default', '$connect'). */
  readonly routeKey?: Value<string>;
  readonly auth: OperationAuth;
  readonly integration?: Integration;
  /** Undefined = no validator; Unresolved = one is referenced but cannot be resolved. */
  readonly validator?: Value<Validator>;
  /** Request parameters ('method.request.querystring.x') and whether each is required. */
  readonly requestParameters: Record<string, Value<boolean>>;
  /** Content type → model name. */
  readonly requestModels: Record<string, Value<string>>;
  /**
   * True when the source declares no such route and the builder models what AWS does instead (a WebSocket
   * API without a $connect route accepts every connection: an implicit $connect with authorization NONE).
   */
  readonly implicit?: boolean;
}

export interface Integration {
  readonly source?: Source;
  /** AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK. */
  readonly type: Value<string>;
  readonly uri?: Value<string>;
  /** INTERNET or VPC_LINK. */
  readonly connectionType?: Value<string>;
  readonly tlsServerNameToVerify?: Value<string>;
  /** v2 private integrations: TlsConfig present. */
  readonly hasTlsConfig?: boolean;
  readonly requestParameters: Record<string, Value<string>>;
  /** REST: merged response parameters of all integration responses. */
  readonly responseParameters: Record<string, Value<string>>;
  /** REST: BUFFERED or STREAM (response streaming); undefined = not set (BUFFERED). */
  readonly responseTransferMode?: Value<string>;
  /** Integration timeout in ms; undefined = not set (29,000 for REST and WebSocket, 30,000 for HTTP APIs). */
  readonly timeoutMillis?: Value<number>;
}

export interface Authorizer {
  readonly id: string;
  readonly source: Source;
  readonly name: Value<string | undefined>;
  /** REST: TOKEN, REQUEST, COGNITO_USER_POOLS; v2: JWT, REQUEST. */
  readonly type: Value<string>;
  readonly identitySource: Value<string[]>;
  /** Undefined = AWS default (300 s REST; 0 for v2 unless set). */
  readonly resultTtlSeconds?: Value<number>;
  /** Cognito user pool ARNs (REST COGNITO_USER_POOLS). */
  readonly providerArns: Value<string[]>;
  readonly jwtAudience?: Value<string[]>;
  readonly jwtIssuer?: Value<string>;
}

export interface Validator {
  readonly id: string;
  readonly source: Source;
  readonly name: Value<string | undefined>;
  readonly validateBody: Value<boolean>;
  readonly validateParameters: Value<boolean>;
}

export interface GatewayResponse {
  readonly source: Source;
  /** DEFAULT_4XX, DEFAULT_5XX, UNAUTHORIZED, ... */
  readonly type: Value<string>;
  readonly statusCode?: Value<string>;
  readonly responseParameters: Record<string, Value<string>>;
  readonly responseTemplates: Record<string, Value<string>>;
}

export interface CorsPolicy {
  readonly source: Source;
  readonly from: 'v2-config' | 'preflight' | 'gateway-response';
  readonly allowOrigins: Value<string[]>;
  readonly allowCredentials?: Value<boolean>;
}
