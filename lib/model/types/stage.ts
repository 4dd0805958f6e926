import type { Source } from '../source';
import type { Unresolved, Value } from '../value';
import type { WafAssociation } from './waf';

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
  /** Set when the tag keys cannot be known (an unresolved Tags list or key): a missing tag may exist. */
  readonly tagsUnresolved?: Unresolved;
  /** Usage plans that include this stage. */
  readonly usagePlanIds: string[];
  /** How the stage is declared: a Stage resource, a Deployment's StageName/StageDescription, or a deployed stage. */
  readonly declaredBy: 'stage' | 'deployment' | 'deployed';
  /**
   * Set (to why) on the stand-in for stages that could not be read (the audit's GetStages failed): nothing
   * about them is known, not even which exist, so every stage control is unknown and their tags unread.
   */
  readonly unreadable?: string;
}

export interface UsagePlan {
  readonly id: string;
  readonly source: Source;
  readonly throttle?: ThrottleSettings;
  readonly quota?: { readonly limit?: Value<number>; readonly period?: Value<string> };
  /** Stages covered: api id in the inventory (or Unresolved) and stage name. */
  readonly stages: { readonly apiId: Value<string>; readonly stage: Value<string> }[];
}
