import type { Source } from '../source';
import type { Value } from '../value';
import type { PolicyDocument } from './api';

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
  /** S3 object version of the truststore; undefined = not pinned (the latest object is read on update). */
  readonly mtlsTruststoreVersion?: Value<string>;
  /** Public ACM certificate proving ownership of the name (mutual TLS with an imported or private CA certificate). */
  readonly ownershipVerificationCertificateArn?: Value<string>;
  /** The certificate the domain serves; undefined when none is set. */
  readonly certificate?: DomainCertificate;
  readonly endpointAccessMode?: Value<string>;
  /** ipv4 or dualstack (REST EndpointConfiguration.IpAddressType, v2 DomainNameConfigurations[].IpAddressType); undefined = not set (ipv4). */
  readonly ipAddressType?: Value<string>;
  readonly mappings: Mapping[];
  readonly tags: Record<string, Value<string>>;
  /** Private custom domain (AWS::ApiGateway::DomainNameV2) policy; undefined = none set. */
  readonly policy?: Value<PolicyDocument>;
  /** Domain name access associations (VPC endpoints allowed to reach a private domain). */
  readonly accessAssociations: AccessAssociation[];
  /**
   * How traffic reaches APIs: BASE_PATH_MAPPING_ONLY / API_MAPPING_ONLY (default), ROUTING_RULE_ONLY,
   * ROUTING_RULE_THEN_BASE_PATH_MAPPING / ROUTING_RULE_THEN_API_MAPPING. Undefined = not set (mappings only).
   */
  readonly routingMode?: Value<string>;
  /** AWS::ApiGatewayV2::RoutingRule on this domain. */
  readonly routingRules: RoutingRule[];
}

export interface DomainCertificate {
  readonly arn: Value<string>;
  /**
   * Who issued it: 'amazon' (a public ACM certificate), 'private-ca' (ACM Private CA) or 'imported'; Unresolved
   * when the certificate is not in the source.
   */
  readonly issuer: Value<'amazon' | 'private-ca' | 'imported'>;
}

export interface AccessAssociation {
  readonly source: Source;
  /** VPCE is the only type API Gateway supports. */
  readonly sourceType: Value<string>;
  /** The VPC endpoint id. */
  readonly sourceId: Value<string>;
}

export interface RoutingRule {
  readonly source: Source;
  readonly priority: Value<number>;
  /** Inventory Api.id of the InvokeApi action, or Unresolved when the API is not in the source. */
  readonly apiId: Value<string>;
  readonly stage: Value<string>;
}
