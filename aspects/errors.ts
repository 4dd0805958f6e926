/** A misuse of an aspect or injector: stable code, what was received (in the message) and the fix. */
export class GuardrailsAspectError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fix: string,
  ) {
    super(`${code}: ${message} ${fix}`);
    this.name = 'GuardrailsAspectError';
  }
}
