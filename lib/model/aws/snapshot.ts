import type {
  Account as RestAccount,
  Authorizer as RestAuthorizer,
  BasePathMapping,
  DomainName as RestDomainName,
  DomainNameAccessAssociation,
  GatewayResponse as RestGatewayResponse,
  Model as RestModel,
  RequestValidator,
  Resource as RestResource,
  RestApi,
  Stage as RestStage,
  UsagePlan as RestUsagePlan,
} from '@aws-sdk/client-api-gateway';
import type {
  Api as V2Api,
  ApiMapping,
  Authorizer as V2Authorizer,
  DomainName as V2DomainName,
  Integration as V2Integration,
  PortalProductSummary,
  PortalSummary,
  ProductRestEndpointPageSummaryNoBody,
  Route as V2Route,
  RoutingRule as V2RoutingRule,
  Stage as V2Stage,
} from '@aws-sdk/client-apigatewayv2';
import type { DistributionSummary } from '@aws-sdk/client-cloudfront';
import type { LogGroup as AwsLogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type {
  GetUserPoolMfaConfigResponse,
  UserPoolType as CognitoUserPool,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IPSet, LoggingConfiguration, WebACL } from '@aws-sdk/client-wafv2';

/**
 * The raw responses an audit collected, exactly as the SDK returned them, with every call's failure
 * kept as data. The collector (lib/audit) fills it; the pure mapping in this folder turns it into an
 * Inventory. Nothing here imports an SDK client: only response types.
 */

/** The outcome of one AWS call (or one paginated series of calls): its value, or why it failed. */
export type Fetched<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly because: string };

export function fetched<T>(value: T): Fetched<T> {
  return { ok: true, value };
}

export function failed<T = never>(because: string): Fetched<T> {
  return { ok: false, because };
}

export interface RestApiSnapshot {
  readonly api: RestApi;
  readonly stages: Fetched<RestStage[]>;
  /** Resources with their methods embedded (GetResources embed=methods). */
  readonly resources: Fetched<RestResource[]>;
  readonly authorizers: Fetched<RestAuthorizer[]>;
  readonly validators: Fetched<RequestValidator[]>;
  readonly models: Fetched<RestModel[]>;
  readonly gatewayResponses: Fetched<RestGatewayResponse[]>;
}

export interface V2ApiSnapshot {
  readonly api: V2Api;
  readonly stages: Fetched<V2Stage[]>;
  readonly routes: Fetched<V2Route[]>;
  readonly authorizers: Fetched<V2Authorizer[]>;
  readonly integrations: Fetched<V2Integration[]>;
}

export interface RestDomainSnapshot {
  readonly domain: RestDomainName;
  readonly mappings: Fetched<BasePathMapping[]>;
  /** GetDomainNameAccessAssociations entries whose domainNameArn is this domain's. */
  readonly accessAssociations: Fetched<DomainNameAccessAssociation[]>;
  /** ListRoutingRules; read only when the routing mode lets rules route (empty otherwise). */
  readonly routingRules: Fetched<V2RoutingRule[]>;
}

export interface V2DomainSnapshot {
  readonly domain: V2DomainName;
  readonly mappings: Fetched<ApiMapping[]>;
  /** ListRoutingRules; read only when the routing mode lets rules route (empty otherwise). */
  readonly routingRules: Fetched<V2RoutingRule[]>;
}

export interface PortalProductSnapshot {
  readonly product: PortalProductSummary;
  /** ListProductRestEndpointPages of the product. */
  readonly restEndpointPages: Fetched<ProductRestEndpointPageSummaryNoBody[]>;
}

export interface PortalsSnapshot {
  /** ListPortals. */
  readonly portals: Fetched<PortalSummary[]>;
  /** ListPortalProducts (the account's own products), each with its REST endpoint pages. */
  readonly products: Fetched<PortalProductSnapshot[]>;
}

export interface WebAclSnapshot {
  readonly acl: Fetched<WebACL>;
  /** `undefined` value: the web ACL has no logging configuration (WAFNonexistentItemException). */
  readonly logging: Fetched<LoggingConfiguration | undefined>;
  /** GetIPSet of each IP set the web ACL's rules reference, by ARN (absent in snapshots made before it was read). */
  readonly ipSets?: Readonly<Record<string, Fetched<IPSet>>>;
}

export interface AwsSnapshot {
  readonly region: string;
  /** Account id when known (from an ARN in a response). */
  readonly accountId?: string;
  readonly restApis: Fetched<RestApiSnapshot[]>;
  readonly v2Apis: Fetched<V2ApiSnapshot[]>;
  readonly usagePlans: Fetched<RestUsagePlan[]>;
  readonly restDomains: Fetched<RestDomainSnapshot[]>;
  readonly v2Domains: Fetched<V2DomainSnapshot[]>;
  readonly account: Fetched<RestAccount>;
  /** Web ACLs referenced by stages, by ARN. */
  readonly webAcls: Readonly<Record<string, WebAclSnapshot>>;
  /** Access-log destination log groups by name; `undefined` value: no such log group. */
  readonly logGroups: Readonly<Record<string, Fetched<AwsLogGroup | undefined>>>;
  /**
   * User pools the authorizers name, by pool id (DescribeUserPool); `undefined` value: no such pool. A pool
   * of another region, or a snapshot made before pools were read, has no entry.
   */
  readonly userPools?: Readonly<Record<string, Fetched<CognitoUserPool | undefined>>>;
  /** GetUserPoolMfaConfig of each described pool whose MFA is ON or OPTIONAL, by pool id (its second factors). */
  readonly userPoolMfa?: Readonly<Record<string, Fetched<GetUserPoolMfaConfigResponse>>>;
  /** ListDistributions (CloudFront, global); absent in snapshots made before distributions were read. */
  readonly distributions?: Fetched<DistributionSummary[]>;
  /** API Gateway portals and their products (absent in snapshots made before portals were read). */
  readonly portals?: PortalsSnapshot;
  /** True when only some APIs were audited (--api-id): domains and usage plans are kept when they reach one. */
  readonly filtered?: boolean;
  /** API ids asked for (--api-id) that do not exist in the region. */
  readonly missingApiIds?: readonly string[];
}
