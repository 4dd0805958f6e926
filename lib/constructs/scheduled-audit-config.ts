import type { Standard } from '../standard';

/** Written next to the bundled scheduled-audit handler by the ScheduledAudit construct at synth. */
export const AUDIT_CONFIG_FILE = 'audit-config.json';

export interface ScheduledAuditConfig {
  /** The organisation's standard, validated at synth (so the function does not compile the schema). */
  readonly standard?: Standard;
}
