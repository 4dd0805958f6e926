import type { MethodSettings, MethodSettingsOverride, ThrottleSettings } from '../types';
import { isUnresolved, type Unresolved } from '../value';
import type { BuildContext } from './context';
import { asRecord, objectOrUnresolved } from './convert';

type Settings = { -readonly [K in keyof MethodSettings]: MethodSettings[K] };

/** Field names of REST MethodSetting / StageDescription and of v2 RouteSettings. */
const REST = { logging: 'LoggingLevel', dataTrace: 'DataTraceEnabled', metrics: 'MetricsEnabled' };
const V2 = { logging: 'LoggingLevel', dataTrace: 'DataTraceEnabled', metrics: 'DetailedMetricsEnabled' };

export function emptySettings(): Settings {
  return { throttle: {} };
}

/** Every field unknown: the settings list itself (or an entry) is unresolved. */
export function unknownSettings(why: Unresolved): Settings {
  return {
    loggingLevel: why,
    dataTrace: why,
    metrics: why,
    throttle: { rateLimit: why, burstLimit: why },
    caching: why,
    cacheDataEncrypted: why,
    cacheTtlSeconds: why,
  };
}

/** One MethodSetting / StageDescription / RouteSettings object; fields the source does not set stay absent. */
export function settingsFrom(ctx: BuildContext, raw: unknown, flavour: 'rest' | 'v2'): Settings {
  const object = objectOrUnresolved(raw, flavour === 'rest' ? 'the stage settings' : 'the route settings');
  if (isUnresolved(object)) return unknownSettings(object);
  const props = object ?? {};
  const names = flavour === 'rest' ? REST : V2;
  const throttle: { -readonly [K in keyof ThrottleSettings]: ThrottleSettings[K] } = {};
  const rate = ctx.v.num(props.ThrottlingRateLimit, 'ThrottlingRateLimit');
  const burst = ctx.v.num(props.ThrottlingBurstLimit, 'ThrottlingBurstLimit');
  if (rate !== undefined) throttle.rateLimit = rate;
  if (burst !== undefined) throttle.burstLimit = burst;
  const settings: Settings = { throttle };
  const level = ctx.v.str(props[names.logging], names.logging);
  if (level !== undefined) settings.loggingLevel = typeof level === 'string' ? level.toUpperCase() : level;
  const flags: [keyof Settings, unknown, string][] = [
    ['dataTrace', props[names.dataTrace], names.dataTrace],
    ['metrics', props[names.metrics], names.metrics],
    ['caching', props.CachingEnabled, 'CachingEnabled'],
    ['cacheDataEncrypted', props.CacheDataEncrypted, 'CacheDataEncrypted'],
  ];
  for (const [field, value, what] of flags) {
    const parsed = ctx.v.bool(value, what);
    if (parsed !== undefined) (settings as Record<string, unknown>)[field] = parsed;
  }
  const ttl = ctx.v.num(props.CacheTtlInSeconds, 'CacheTtlInSeconds');
  if (ttl !== undefined) settings.cacheTtlSeconds = ttl;
  return settings;
}

/** Later settings win field by field. */
export function mergeSettings(base: Settings, over: Settings): Settings {
  const throttle: { -readonly [K in keyof ThrottleSettings]: ThrottleSettings[K] } = { ...base.throttle };
  if (over.throttle.rateLimit !== undefined) throttle.rateLimit = over.throttle.rateLimit;
  if (over.throttle.burstLimit !== undefined) throttle.burstLimit = over.throttle.burstLimit;
  const merged: Settings = { ...base, throttle };
  for (const key of Object.keys(over) as (keyof Settings)[]) {
    if (key === 'throttle') continue;
    const value = over[key];
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** REST MethodSettings: the '/*' '*' entry → stage defaults, the others → overrides ('~1' unescaped). */
export function restMethodSettings(
  ctx: BuildContext,
  list: unknown,
  base: Settings,
): { settings: Settings; overrides: MethodSettingsOverride[] } {
  if (list === undefined) return { settings: base, overrides: [] };
  if (isUnresolved(list)) return { settings: mergeSettings(base, unknownSettings(list)), overrides: [] };
  let settings = base;
  const overrides: MethodSettingsOverride[] = [];
  for (const item of Array.isArray(list) ? list : [list]) {
    if (isUnresolved(item)) {
      settings = mergeSettings(unknownSettings(item), settings);
      continue;
    }
    const props = asRecord(item);
    const path = ctx.v.str(props.ResourcePath, 'ResourcePath') ?? '/*';
    const method = ctx.v.str(props.HttpMethod, 'HttpMethod') ?? '*';
    const parsed = settingsFrom(ctx, item, 'rest');
    if (isUnresolved(path) || isUnresolved(method)) {
      settings = mergeSettings(unknownSettings(isUnresolved(path) ? path : (method as Unresolved)), settings);
    } else if (path === '/*' && method === '*') {
      settings = mergeSettings(settings, parsed);
    } else {
      // '/~1orders~1{id}' is the escaped path '/orders/{id}' after the leading separator.
      const unescaped = (path.startsWith('/~1') ? path.slice(1) : path).replace(/~1/g, '/');
      overrides.push({ path: unescaped, method: method.toUpperCase(), settings: parsed });
    }
  }
  return { settings, overrides };
}

/** v2 RouteSettings map (route key → settings) → overrides. */
export function v2RouteSettings(ctx: BuildContext, map: unknown): MethodSettingsOverride[] {
  const overrides: MethodSettingsOverride[] = [];
  for (const [routeKey, raw] of Object.entries(asRecord(map))) {
    const space = routeKey.indexOf(' ');
    overrides.push({
      path: space < 0 ? routeKey : routeKey.slice(space + 1),
      method: space < 0 ? '' : routeKey.slice(0, space).toUpperCase(),
      settings: settingsFrom(ctx, raw, 'v2'),
    });
  }
  return overrides;
}
