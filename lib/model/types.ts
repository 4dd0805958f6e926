import type { Source } from './source';
import type { Value } from './value';

/**
 * The provider-neutral API inventory. Builders (template, AWS) fill it; rules only read it.
 *
 * Conventions:
 * - An optional field that is `undefined` means "not set" in the source (AWS applies its default).
 * - `Value<T>` means the builder may not know the value: check with `isUnresolved` or `ctx.need`.
 * - Cross-links that cannot form cycles are object references (operation → authorizer, stage →
 *   web ACL → logging, access log → log group). Links that could form cycles use ids
 *   (`Api.domainIds`, `Mapping.apiId`), resolved through `Inventory` maps.
 */
export interface Inventory {
  readonly apis: Api[];
  readonly domains: Domain[];
  readonly webAcls: WebAcl[];
  readonly usagePlans: UsagePlan[];
  /** AWS::ApiGateway::Account in the source (templates) or the account's settings (audit). */
  readonly account?: Account;
  /** Things the builder could not evaluate (SAM transform, unsupported shapes): always reported. */
  readonly notices: Notice[];
  /** Where this inventory came from (template paths, account/region). */
  readonly origins: string[];
}

export interface Notice {
  readonly level: 'info' | 'warning' | 'error';
  /** Stable id, e.g. NOT_EVALUABLE_SAM. */
  readonly code: string;
  readonly message: string;
  readonly source: Source;
}

export interface Account {
  readonly source: Source;
  /** Undefined when the account resource sets no role. */
  readonly cloudWatchRoleArn?: Value<string>;
}

export type ApiKind = 'rest' | 'http' | 'websocket';

export interface Api {
  /** Stable key inside the inventory: logical id (templates) or API id (audit). */
  readonly id: string;
  readonly kind: ApiKind;
  readonly source: Source;
  /** True when the API itself is not in the source (e.g. a stage of an imported RestApiId). */
  readonly external: boolean;
  readonly name: Value<string | undefined>;
  /** REST: EDGE when unset; v2: REGIONAL. PRIVATE APIs have ['PRIVATE']. */
  readonly endpointTypes: Value<string[]>;
  /** VPC endpoint ids a PRIVATE API is reachable through. */
  readonly vpcEndpointIds: Value<string[]>;
  readonly tags: Record<string, Value<string>>;
  /** Resource policy document as JSON (values inside may be Unresolved); undefined = no policy. */
  readonly policy?: Value<PolicyDocument>;
  readonly disableExecuteApiEndpoint: Value<boolean>;
  /** REST: models by name (JSON schema), for request validation. */
  readonly models: ApiModel[];
  readonly operations: Operation[];
  readonly stages: Stage[];
  readonly authorizers: Authorizer[];
  readonly validators: Validator[];
  readonly gatewayResponses: GatewayResponse[];
  /** CORS as configured: v2 CorsConfiguration, REST preflight (OPTIONS) answers, gateway responses. */
  readonly cors: CorsPolicy[];
  /** Ids of Inventory.domains with a mapping to this API. */
  readonly domainIds: string[];
  /** True when operations were read from an inline OpenAPI Body (or imported definition). */
  readonly definedByOpenApi: boolean;
  /** The whole operation list may be unknown (e.g. Body from S3 / BodyS3Location). */
  readonly operationsUnresolved?: string;
}

export interface PolicyDocument {
  readonly Version?: unknown;
  readonly Statement: PolicyStatement[];
}

export interface PolicyStatement {
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly Action?: unknown;
  readonly Resource?: unknown;
  readonly Condition?: unknown;
  readonly [key: string]: unknown;
}

export interface ApiModel {
  readonly source: Source;
  readonly name: Value<string>;
  readonly schema: Value<unknown>;
}

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

export interface ThrottleSettings {
  readonly rateLimit?: Value<number>;
  readonly burstLimit?: Value<number>;
}

/** REST method settings or v2 route settings; undefined fields are not set. */
export interface MethodSettings {
  /** OFF, ERROR, INFO. */
  readonly loggingLevel?: Value<string>;
  readonly dataTrace?: Value<boolean>;
  readonly metrics?: Value<boolean>;
  readonly throttle: ThrottleSettings;
  readonly caching?: Value<boolean>;
  readonly cacheDataEncrypted?: Value<boolean>;
  readonly cacheTtlSeconds?: Value<number>;
  readonly requireAuthorizationForCacheControl?: Value<boolean>;
}

export interface MethodSettingsOverride {
  /** REST resource path ('/orders') or v2 route key. */
  readonly path: string;
  readonly method: string;
  readonly settings: MethodSettings;
}

export interface LogGroup {
  readonly source: Source;
  readonly name: Value<string | undefined>;
  /** Undefined = never expire. */
  readonly retentionDays?: Value<number>;
  readonly kmsKeyId?: Value<string>;
}

export interface AccessLog {
  readonly destinationArn: Value<string>;
  /** Undefined = no format set. */
  readonly format?: Value<string>;
  /** The log group behind the destination: object when it is in the source, Unresolved otherwise. */
  readonly logGroup?: Value<LogGroup>;
}

export interface WafRule {
  readonly name: Value<string>;
  readonly priority?: Value<number>;
  /** For managed rule groups: vendor and name, e.g. AWS / AWSManagedRulesCommonRuleSet. */
  readonly managedRuleGroup?: { readonly vendor: Value<string>; readonly name: Value<string> };
  readonly rateBased?: { readonly limit: Value<number>; readonly aggregateKeyType?: Value<string> };
  /** True when the override action / action is COUNT (the rule does not block). */
  readonly countOnly: Value<boolean>;
}

export interface WafLogging {
  readonly source: Source;
  readonly destinations: Value<string[]>;
  /** Lower-case header names redacted (e.g. 'authorization'), plus 'uri-path', 'query-string', 'method' when redacted. */
  readonly redactedFields: Value<string[]>;
}

export interface WebAcl {
  readonly id: string;
  readonly source: Source;
  readonly name: Value<string | undefined>;
  /** REGIONAL or CLOUDFRONT. */
  readonly scope: Value<string>;
  readonly defaultAction: Value<'ALLOW' | 'BLOCK'>;
  readonly rules: Value<WafRule[]>;
  /** Undefined = no logging configuration. */
  readonly logging?: Value<WafLogging>;
}

export interface WafAssociation {
  /** The association resource (AWS::WAFv2::WebACLAssociation) or the stage's webAclArn (audit). */
  readonly source: Source;
  /** The web ACL when it can be resolved; Unresolved when it is external (import, another stack). */
  readonly webAcl: Value<WebAcl>;
}

export interface Stage {
  readonly source: Source;
  readonly name: Value<string>;
  readonly description?: Value<string>;
  /** Stage-wide defaults ('/*' '*' method settings, StageDescription, v2 DefaultRouteSettings). */
  readonly settings: MethodSettings;
  readonly overrides: MethodSettingsOverride[];
  /** Undefined = no access logging configured. */
  readonly accessLog?: AccessLog;
  readonly tracing?: Value<boolean>;
  /** REST: stage cache cluster. */
  readonly cacheClusterEnabled?: Value<boolean>;
  /** Undefined = no association found. */
  readonly waf?: WafAssociation;
  readonly clientCertificateId?: Value<string>;
  readonly variables: Record<string, Value<string>>;
  readonly tags: Record<string, Value<string>>;
  /** Usage plans that include this stage. */
  readonly usagePlanIds: string[];
  /** How the stage is declared: a Stage resource, a Deployment's StageName/StageDescription, or a deployed stage. */
  readonly declaredBy: 'stage' | 'deployment' | 'deployed';
}

export interface UsagePlan {
  readonly id: string;
  readonly source: Source;
  readonly throttle?: ThrottleSettings;
  readonly quota?: { readonly limit?: Value<number>; readonly period?: Value<string> };
  /** Stages covered: api id in the inventory (or Unresolved) and stage name. */
  readonly stages: { readonly apiId: Value<string>; readonly stage: Value<string> }[];
}

export interface Mapping {
  readonly source: Source;
  /** Inventory Api.id, or Unresolved when the mapped API is not in the source. */
  readonly apiId: Value<string>;
  readonly stage?: Value<string>;
  readonly basePath?: Value<string>;
}

export interface Domain {
  readonly id: string;
  /** REST (AWS::ApiGateway::DomainName) or v2 (AWS::ApiGatewayV2::DomainName). */
  readonly kind: 'rest' | 'v2';
  readonly source: Source;
  readonly name: Value<string | undefined>;
  /** Undefined = not set (AWS default TLS_1_0 for REST, TLS_1_2 for v2). */
  readonly securityPolicy?: Value<string>;
  readonly endpointTypes: Value<string[]>;
  /** Mutual TLS truststore URI; undefined = no mutual TLS. */
  readonly mtlsTruststoreUri?: Value<string>;
  readonly endpointAccessMode?: Value<string>;
  readonly mappings: Mapping[];
  readonly tags: Record<string, Value<string>>;
}
