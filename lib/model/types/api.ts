import type { Source } from '../source';
import type { Unresolved, Value } from '../value';
import type { Authorizer, CorsPolicy, GatewayResponse, Operation, Validator } from './operation';
import type { Stage } from './stage';

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
  /** Set when the tag keys cannot be known (an unresolved Tags list or key): a missing tag may exist. */
  readonly tagsUnresolved?: Unresolved;
  /** Resource policy document as JSON (values inside may be Unresolved); undefined = no policy. */
  readonly policy?: Value<PolicyDocument>;
  readonly disableExecuteApiEndpoint: Value<boolean>;
  /** REST: TLS security policy of the API's own endpoint; undefined = not set. */
  readonly securityPolicy?: Value<string>;
  /** REST: BASIC or STRICT (needed with an enhanced SecurityPolicy_* policy); undefined = not set. */
  readonly endpointAccessMode?: Value<string>;
  /** ipv4 or dualstack (REST EndpointConfiguration.IpAddressType, v2 IpAddressType); undefined = not set (ipv4; PRIVATE REST APIs are always dualstack). */
  readonly ipAddressType?: Value<string>;
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
