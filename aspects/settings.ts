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
  /**
   * Data classification tier whose rules the aspect's own resources must meet (log retention and KMS
   * key, endpoint type). `ApplyApiStandard` takes it from `tags.dataClassification`.
   * @default 'restricted' - the tier the standard applies to an API without a classification
   */
  readonly dataClassification?: string;
  /**
   * Create (once per stack) the API Gateway account CloudWatch role when the aspect turns on execution
   * logging and the stack has no `AWS::ApiGateway::Account`. Set false when the account's role is managed
   * elsewhere (declare it in the standard: account-logging-role preExistingRole).
   * @default true
   */
  readonly accountCloudWatchRole?: boolean;
}

export interface ResolvedStageStandard {
  readonly throttleRateLimit: number;
  readonly throttleBurstLimit: number;
  readonly accessLogRetention: RetentionDays;
  readonly accessLogEncryptionKey?: IKey;
  readonly tier: string;
  readonly accountCloudWatchRole: boolean;
}

/** Defaults as a pure function: one place where user props meet the toolkit's defaults. */
export function resolveStageStandard(props: StageStandardProps = {}): ResolvedStageStandard {
  return {
    throttleRateLimit: props.throttleRateLimit ?? 100,
    throttleBurstLimit: props.throttleBurstLimit ?? 200,
    accessLogRetention: props.accessLogRetention ?? RetentionDays.ONE_YEAR,
    accessLogEncryptionKey: props.accessLogEncryptionKey,
    tier: props.dataClassification ?? 'restricted',
    accountCloudWatchRole: props.accountCloudWatchRole ?? true,
  };
}

/** The stricter (lower) of an existing numeric limit and the standard's, and whether it changed. */
export function capLimit(existing: unknown, bound: number): { value: number; changed: boolean } {
  if (typeof existing === 'number' && existing <= bound) return { value: existing, changed: false };
  return { value: bound, changed: true };
}
