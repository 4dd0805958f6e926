import type { Source } from '../source';
import type { Value } from '../value';

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
  /** ipv4 or dualstack (REST EndpointConfiguration.IpAddressType, v2 DomainNameConfigurations[].IpAddressType); undefined = not set (ipv4). */
  readonly ipAddressType?: Value<string>;
  readonly mappings: Mapping[];
  readonly tags: Record<string, Value<string>>;
}
