import type { Source } from '../source';
import type { Value } from '../value';

export interface WafRule {
  readonly name: Value<string>;
  readonly priority?: Value<number>;
  /** For managed rule groups: vendor and name, e.g. AWS / AWSManagedRulesCommonRuleSet. */
  readonly managedRuleGroup?: { readonly vendor: Value<string>; readonly name: Value<string> };
  readonly rateBased?: { readonly limit: Value<number>; readonly aggregateKeyType?: Value<string> };
  /** True when the override action / action is COUNT (the rule does not block). */
  readonly countOnly: Value<boolean>;
  /** IP sets the rule's statement references (IPSetReferenceStatement, also nested); undefined = none. */
  readonly ipSets?: Value<WafIpSet>[];
}

/** An AWS::WAFv2::IPSet a web ACL rule references. */
export interface WafIpSet {
  readonly id: string;
  readonly source: Source;
  readonly name: Value<string | undefined>;
  /** IPV4 or IPV6. */
  readonly ipAddressVersion: Value<string>;
  readonly addresses: Value<string[]>;
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
