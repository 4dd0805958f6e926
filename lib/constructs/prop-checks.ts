import { Token } from 'aws-cdk-lib';
import { nearest } from '../engine/nearest';
import { GuardrailsConstructError } from './errors';

/**
 * Refuse keys a props object does not declare (e.g. a mistyped `relax.noWafs` from JavaScript or through
 * a cast): TypeScript catches them only in object literals, and an ignored relaxation or setting would
 * leave the user believing it took effect.
 */
export function requireKnownKeys(value: unknown, allowed: readonly string[], what: string): void {
  if (value === undefined || value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const close = nearest(key, allowed);
    throw new GuardrailsConstructError(
      'E_UNKNOWN_PROP',
      `${what} has no setting "${key}".`,
      key,
      close !== undefined
        ? `Did you mean ${what}.${close}? Valid keys: ${allowed.join(', ')}.`
        : `Valid keys: ${allowed.join(', ')}.`,
    );
  }
}

/** An empty identity source makes API Gateway call the authorizer for requests without any credential. */
export function requireIdentitySource(sources: readonly string[] | undefined): void {
  if (sources !== undefined && sources.filter((s) => Token.isUnresolved(s) || s.trim() !== '').length === 0) {
    throw new GuardrailsConstructError(
      'E_IDENTITY_SOURCE',
      'A Lambda authorizer needs an identity source that carries the credential.',
      sources,
      "Omit identitySource for the Authorization header, or name the header, e.g. ['$request.header.Authorization'].",
    );
  }
}
