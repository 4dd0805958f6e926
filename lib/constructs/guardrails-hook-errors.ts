/** Stable error codes of the organisation-wide constructs (GuardrailsHook, its StackSet, ScheduledAudit). */
export type OrgGuardrailsErrorCode =
  | 'E_LAMBDA_BUNDLE_MISSING'
  | 'E_HOOK_ALIAS'
  | 'E_HOOK_FAILURE_MODE'
  | 'E_HOOK_TARGETS'
  | 'E_STACKSET_TARGETS'
  | 'E_AUDIT_SCHEDULE';

/** Thrown at synth when props of an organisation-wide construct are invalid: the value received and the fix. */
export class OrgGuardrailsError extends Error {
  constructor(
    readonly code: OrgGuardrailsErrorCode,
    problem: string,
    readonly received: string,
    readonly fix: string,
  ) {
    super(`[${code}] ${problem} Received: ${received}. Fix: ${fix}`);
    this.name = 'OrgGuardrailsError';
  }
}
