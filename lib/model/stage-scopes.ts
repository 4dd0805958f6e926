import type { MethodSettings, Stage } from './types';

/** One place a stage's method settings are written: the stage default, or one method/route override. */
export interface StageScope {
  /** The overridden method (or '' for a v2 route) and path; undefined for the stage default. */
  readonly override?: { readonly method: string; readonly path: string };
  /** The settings as written at this scope; an unset field inherits the stage default. */
  readonly settings: MethodSettings;
  /** The settings in effect at this scope: its own where set, else the stage default's. */
  readonly effective: MethodSettings;
}

/** A method/route override's scope. */
export interface OverrideScope extends StageScope {
  readonly override: { readonly method: string; readonly path: string };
}

/**
 * A stage's settings scopes, the stage default first and then each method/route override in source order,
 * each with the settings it writes and the settings in effect there.
 */
export function stageScopes(stage: Stage): [StageScope, ...OverrideScope[]] {
  const defaults = stage.settings;
  return [
    { settings: defaults, effective: defaults },
    ...stage.overrides.map((o) => ({
      override: { method: o.method, path: o.path },
      settings: o.settings,
      effective: inherit(o.settings, defaults),
    })),
  ];
}

function inherit(own: MethodSettings, defaults: MethodSettings): MethodSettings {
  return {
    loggingLevel: own.loggingLevel ?? defaults.loggingLevel,
    dataTrace: own.dataTrace ?? defaults.dataTrace,
    metrics: own.metrics ?? defaults.metrics,
    throttle: {
      rateLimit: own.throttle.rateLimit ?? defaults.throttle.rateLimit,
      burstLimit: own.throttle.burstLimit ?? defaults.throttle.burstLimit,
    },
    caching: own.caching ?? defaults.caching,
    cacheDataEncrypted: own.cacheDataEncrypted ?? defaults.cacheDataEncrypted,
    cacheTtlSeconds: own.cacheTtlSeconds ?? defaults.cacheTtlSeconds,
    requireAuthorizationForCacheControl:
      own.requireAuthorizationForCacheControl ?? defaults.requireAuthorizationForCacheControl,
  };
}
