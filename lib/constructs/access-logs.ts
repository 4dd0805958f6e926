import { ArnFormat, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import { type ILogGroup, LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { GuardrailsConstructError } from './errors';
import { GUARDRAIL_DEFAULTS } from './guardrail-defaults';
import { standardOptions } from './standard-bounds';

/** Where and how a secure API writes its access logs. */
export interface AccessLogOptions {
  /**
   * An existing log group to write to. When set, retention, key and removal policy are the group's own.
   * @default - a dedicated log group is created
   */
  readonly logGroup?: ILogGroup;
  /**
   * Retention of the created log group; finite and at least the tier's access-log-retention minRetentionDays.
   * @default RetentionDays.ONE_YEAR (GUARDRAIL_DEFAULTS.accessLogRetention)
   */
  readonly retention?: RetentionDays;
  /**
   * Customer-managed KMS key for the created log group. A key created in this app gets a key policy
   * statement letting CloudWatch Logs use it for this region.
   * @default - a new key (rotation on, retained) where the tier's access-log-retention requires a KMS key
   * (confidential, restricted in the shipped standard); the CloudWatch Logs service key otherwise
   */
  readonly encryptionKey?: IKey;
  /**
   * What happens to the created log group when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

export {
  HTTP_ACCESS_LOG_FIELDS,
  REST_ACCESS_LOG_FIELDS,
  WEBSOCKET_ACCESS_LOG_FIELDS,
} from '../defaults/access-log-format';

/** One JSON object per line from a field map. */
export function jsonAccessLogFormat(fields: Readonly<Record<string, string>>): AccessLogFormat {
  return AccessLogFormat.custom(JSON.stringify(fields));
}

/** The shipped standard's access-log-retention options for a tier. */
function retentionRules(tier: string): { minRetentionDays: number; requireKmsKey: boolean } {
  const options = standardOptions<{ minRetentionDays: number; requireKmsKey: boolean }>('access-log-retention', tier);
  return { minRetentionDays: options.minRetentionDays ?? 0, requireKmsKey: options.requireKmsKey ?? false };
}

/** Validate options (pure): conflicting, infinite or too short retention throw. */
export function validateAccessLogOptions(options: AccessLogOptions | undefined, tier: string): void {
  if (!options) return;
  const { minRetentionDays } = retentionRules(tier);
  if (
    options.retention !== undefined &&
    options.retention !== RetentionDays.INFINITE &&
    options.retention < minRetentionDays
  ) {
    throw new GuardrailsConstructError(
      'E_LOG_RETENTION',
      `Access logs of a ${tier} API must be kept at least ${minRetentionDays} days.`,
      `${options.retention} days`,
      `Choose RetentionDays of ${minRetentionDays} days or more (default ONE_YEAR).`,
    );
  }
  if (
    options.logGroup &&
    (options.retention !== undefined || options.encryptionKey || options.removalPolicy !== undefined)
  ) {
    throw new GuardrailsConstructError(
      'E_ACCESS_LOG_CONFLICT',
      'accessLogs.logGroup is an existing group; retention, encryptionKey and removalPolicy only apply to a created group.',
      Object.keys(options),
      'Either pass `logGroup` alone (configure the group where it is defined) or drop `logGroup` and let the construct create one.',
    );
  }
  if (options.retention === RetentionDays.INFINITE) {
    throw new GuardrailsConstructError(
      'E_LOG_RETENTION',
      'Access logs need a finite retention (the standard checks the retention range).',
      'RetentionDays.INFINITE',
      'Choose a finite RetentionDays, e.g. RetentionDays.ONE_YEAR (the default).',
    );
  }
}

/** The log group access logs go to: the given one, or a dedicated group with finite retention. */
export function accessLogGroup(
  scope: Construct,
  id: string,
  options: AccessLogOptions | undefined,
  tier: string,
): ILogGroup {
  validateAccessLogOptions(options, tier);
  if (options?.logGroup) return options.logGroup;
  const key =
    options?.encryptionKey ??
    (retentionRules(tier).requireKmsKey
      ? new Key(scope, `${id}Key`, {
          description: `Access logs of ${scope.node.path} (${tier}) - cdk-api-guardrails`,
          enableKeyRotation: true,
          removalPolicy: GUARDRAIL_DEFAULTS.logRemovalPolicy,
        })
      : undefined);
  if (key) {
    const stack = Stack.of(scope);
    // CloudWatch Logs must be allowed to use the key; a no-op for imported keys (their policy is managed elsewhere).
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        principals: [new ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
  }
  return new LogGroup(scope, id, {
    retention: options?.retention ?? GUARDRAIL_DEFAULTS.accessLogRetention,
    encryptionKey: key,
    removalPolicy: options?.removalPolicy ?? GUARDRAIL_DEFAULTS.logRemovalPolicy,
  });
}
