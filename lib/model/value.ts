/**
 * A value the toolkit may not be able to know: a parameter without default, an imported value, a
 * condition, an unresolved CDK token, or an AWS call that was denied. Rules must handle both shapes.
 */
export interface Unresolved {
  readonly unresolved: true;
  /** Why the value is unknown, e.g. "parameter StageName has no default". */
  readonly because: string;
  /**
   * The CloudFormation dynamic reference the value is read from at deploy time (`{{resolve:ssm:/name}}`),
   * when it is one: the value is unknown, but where it comes from is known (a secret store, say).
   */
  readonly reference?: string;
}

export type Value<T> = T | Unresolved;

export function unresolved(because: string, reference?: string): Unresolved {
  return reference === undefined ? { unresolved: true, because } : { unresolved: true, because, reference };
}

export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && (value as Unresolved).unresolved === true;
}

export function isKnown<T>(value: Value<T> | undefined): value is T {
  return value !== undefined && !isUnresolved(value);
}
