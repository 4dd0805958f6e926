import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { GuardrailsConstructError } from '../../lib/constructs';

/** Acknowledged rule ids (with reasons) recorded on `scope` itself. */
export function acknowledgedOn(scope: IConstruct): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of scope.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
    // Ids without a plugin namespace are stored as 'Annotation::<id>'; cdk-nag strips that prefix too.
    for (const [id, reason] of Object.entries(entry.data as Record<string, string>))
      out[id.replace(/^annotation::/i, '')] = reason;
  }
  return out;
}

/** Run `build` and return the GuardrailsConstructError it throws (fails the test when it does not). */
export function constructError(build: () => unknown): GuardrailsConstructError {
  try {
    build();
  } catch (error) {
    if (error instanceof GuardrailsConstructError) return error;
    throw error;
  }
  throw new Error('expected a GuardrailsConstructError, but nothing was thrown');
}
