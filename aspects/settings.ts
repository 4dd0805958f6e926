import type { IKey } from 'aws-cdk-lib/aws-kms';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** What `ApplyApiStandard` and the property injectors bring every stage up to. */
export interface StageStandardProps {
  /**
   * Steady-state requests per second a stage may take; stages with none or with more get this value.
   * @default 100
   */
  readonly throttleRateLimit?: number;
  /**
   * Burst a stage may take; stages with none or with more get this value.
   * @default 200
   */
  readonly throttleBurstLimit?: number;
  /**
   * Retention of the access-log groups the aspect creates.
   * @default RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: RetentionDays;
  /**
   * Customer-managed KMS key for the access-log groups the aspect creates.
   * @default - AWS-owned encryption
   */
  readonly accessLogEncryptionKey?: IKey;
}

export interface ResolvedStageStandard {
  readonly throttleRateLimit: number;
  readonly throttleBurstLimit: number;
  readonly accessLogRetention: RetentionDays;
  readonly accessLogEncryptionKey?: IKey;
}

/** Defaults as a pure function: one place where user props meet the toolkit's defaults. */
export function resolveStageStandard(props: StageStandardProps = {}): ResolvedStageStandard {
  return {
    throttleRateLimit: props.throttleRateLimit ?? 100,
    throttleBurstLimit: props.throttleBurstLimit ?? 200,
    accessLogRetention: props.accessLogRetention ?? RetentionDays.ONE_YEAR,
    accessLogEncryptionKey: props.accessLogEncryptionKey,
  };
}

/** The stricter (lower) of an existing numeric limit and the standard's, and whether it changed. */
export function capLimit(existing: unknown, bound: number): { value: number; changed: boolean } {
  if (typeof existing === 'number' && existing <= bound) return { value: existing, changed: false };
  return { value: bound, changed: true };
}
