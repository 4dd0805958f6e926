import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Shortest retention accepted, in days. @default 90 */
  readonly minRetentionDays: number;
  /** Longest retention accepted, in days (data minimisation); unset = no upper bound. */
  readonly maxRetentionDays?: number;
  /** A log group that never expires is accepted. @default false */
  readonly allowNeverExpire: boolean;
  /** The log group must be encrypted with a customer-managed KMS key. @default false */
  readonly requireKmsKey: boolean;
}

export default defineRule<'stage', Options>({
  id: 'access-log-retention',
  title: 'Access logs are kept for the standard retention period, encrypted where the tier requires it',
  rationale:
    'Access logs must outlive the time it takes to notice an incident, yet not be kept forever: they hold client IPs and ' +
    'principals. Sensitive tiers encrypt them with a key the organisation controls.',
  fix: {
    cdk:
      'Give SecureRestApi / SecureHttpApi / SecureWebSocketApi `accessLogs: { retention: ' +
      'RetentionDays.ONE_YEAR, encryptionKey: key }`; on a plain stage use `new LogGroup(this, "AccessLogs", { ' +
      'retention: RetentionDays.ONE_YEAR, encryptionKey: key })` as its `LogGroupLogDestination`.',
    cloudFormation: '`AWS::Logs::LogGroup` `RetentionInDays` and `KmsKeyId`.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: { nist80053: ['AU-11', 'AU-9'], pciDss4: ['10.5.1'] },
  references: {
    awsConfig: 'cw-loggroup-retention-period-check',
    cdkNag: 'NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod',
    checkov: 'CKV_AWS_66',
    cfnNag: 'W86',
  },
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        minRetentionDays: { type: 'integer', minimum: 1 },
        maxRetentionDays: { type: 'integer', minimum: 1 },
        allowNeverExpire: { type: 'boolean' },
        requireKmsKey: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { minRetentionDays: 90, allowNeverExpire: false, requireKmsKey: false },
  },
  check(stage, ctx) {
    // No access log at all is stage-access-logging's finding.
    if (!stage.accessLog) return ctx.skip();
    const { logGroup: linked, destinationArn } = stage.accessLog;
    // Firehose destinations keep data wherever the stream delivers it: not a log group, out of scope.
    if (!isUnresolved(destinationArn) && /^arn:[^:]+:firehose:/.test(destinationArn)) return ctx.skip();
    if (linked === undefined) {
      return ctx.unknown(
        'The log group behind the access log destination is not known to the toolkit, so its retention cannot be checked.',
      );
    }
    const group = ctx.need(linked, 'the access log group');
    const at = { source: group.source };
    const { minRetentionDays: min, maxRetentionDays: max } = ctx.options;
    if (group.retentionDays === undefined) {
      if (!ctx.options.allowNeverExpire) {
        ctx.fail(`Access log group never expires; the standard wants a retention of ${range(min, max)}.`, {
          ...at,
          location: 'Properties.RetentionInDays',
        });
      }
    } else {
      const days = ctx.need(group.retentionDays, 'the access log group retention');
      if (days < min || (max !== undefined && days > max)) {
        ctx.fail(`Access log group keeps logs ${days} days; the standard wants ${range(min, max)}.`, {
          ...at,
          location: 'Properties.RetentionInDays',
        });
      }
    }
    if (ctx.options.requireKmsKey) {
      if (group.kmsKeyId === undefined) {
        ctx.fail(`Access log group is not encrypted with a KMS key, which tier ${ctx.tier} requires.`, {
          ...at,
          location: 'Properties.KmsKeyId',
        });
      } else {
        const key = ctx.need(group.kmsKeyId, 'the access log group KMS key');
        if (key.trim() === '')
          ctx.fail('Access log group KmsKeyId is empty.', { ...at, location: 'Properties.KmsKeyId' });
      }
    }
  },
});

function range(min: number, max: number | undefined): string {
  return max === undefined ? `at least ${min} days` : `between ${min} and ${max} days`;
}
