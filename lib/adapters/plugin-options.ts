import type { FailOn } from '../engine/finding';
import { nearest } from '../engine/nearest';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** A plugin or pack option with a value the toolkit does not know (stable code, value, fix). */
export class PluginOptionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fix: string,
    /** The value that was refused, as given. */
    readonly received: unknown,
  ) {
    super(`${code}: ${message} Fix: ${fix}`);
    this.name = 'PluginOptionError';
  }
}

/**
 * `failOn` as given, or the default; anything else throws (JavaScript callers have no type checker, and
 * an unknown value would otherwise decide silently what blocks a synth).
 */
export function requireFailOn(value: unknown, fallback: FailOn = 'error'): FailOn {
  if (value === undefined) return fallback;
  if ((FAIL_ON as readonly unknown[]).includes(value)) return value as FailOn;
  const close = nearest(value, FAIL_ON);
  throw new PluginOptionError(
    'E_FAIL_ON_INVALID',
    `failOn must be one of ${FAIL_ON.join(', ')}, received ${JSON.stringify(value)}.`,
    close !== undefined
      ? `Did you mean failOn: '${close}'?`
      : `Pass failOn: 'error' (the default), 'warning' or 'never'.`,
    value,
  );
}
