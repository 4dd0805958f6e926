import type { Api } from '../model/types';
import { isUnresolved, type Value } from '../model/value';

/** How reports name an API: its name (or id) and kind, e.g. "Orders (rest API)". */
export function labelOfApi(api: Api): string {
  return `${show(api.name, api.id)} (${api.kind} API)`;
}

/** A value as a label shows it: the value, the fallback when unset, or `<unresolved>` (`<fallback>`). */
export function show(value: Value<string | undefined> | undefined, fallback = '?'): string {
  if (value === undefined) return fallback;
  if (isUnresolved(value)) return `<${fallback === '?' ? 'unresolved' : fallback}>`;
  return value;
}
