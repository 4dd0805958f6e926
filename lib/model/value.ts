/**
 * A value the toolkit may not be able to know: a parameter without default, an imported value, a
 * condition, an unresolved CDK token, or an AWS call that was denied. Rules must handle both shapes.
 */
export interface Unresolved {
  readonly unresolved: true;
  /** Why the value is unknown, e.g. "parameter StageName has no default". */
  readonly because: string;
}

export type Value<T> = T | Unresolved;

export function unresolved(because: string): Unresolved {
  return { unresolved: true, because };
}

export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && (value as Unresolved).unresolved === true;
}

export function isKnown<T>(value: Value<T> | undefined): value is T {
  return value !== undefined && !isUnresolved(value);
}
