import type { Source } from '../source';
import type { Value } from '../value';
import type { WebAcl } from './waf';

/** One origin of a CloudFront distribution, with what the builder could tell about where it leads. */
export interface DistributionOrigin {
  readonly id: Value<string>;
  readonly domainName: Value<string>;
  /** Inventory Api.id when the origin is that API's default execute-api endpoint. */
  readonly apiId?: string;
  /** Inventory Domain.id when the origin is that custom domain (its name or regional domain name). */
  readonly domainId?: string;
  /** OriginCustomHeaders: lower-case header name → value. */
  readonly customHeaders: Record<string, Value<string>>;
}

/** An AWS::CloudFront::Distribution (templates), or one the audit listed with ListDistributions. */
export interface Distribution {
  readonly id: string;
  readonly source: Source;
  /** DistributionConfig.WebACLId; undefined = no web ACL. */
  readonly webAclId?: Value<string>;
  /** The web ACL when it is in the source. */
  readonly webAcl?: WebAcl;
  readonly origins: DistributionOrigin[];
}
