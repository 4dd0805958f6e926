import type { Source } from '../source';
import type { Value } from '../value';
import type { Api } from './api';
import type { Distribution } from './distribution';
import type { Domain } from './domain';
import type { Portal } from './portal';
import type { UsagePlan } from './stage';
import type { UserPool } from './user-pool';
import type { WebAcl } from './waf';

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
  /** Cognito user pools that API authorizers name (declared, or external stand-ins). */
  readonly userPools: UserPool[];
  /** CloudFront distributions in the source, or the account's (the audit: ListDistributions). */
  readonly distributions: Distribution[];
  /** API Gateway portals (the audit only: templates cannot declare a portal). */
  readonly portals: Portal[];
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
