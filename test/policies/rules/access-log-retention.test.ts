import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import rule from '../../../policies/rules/access-log-retention';
import { restApi, restStage } from '../../helpers/fixtures';
import { accessLogTo, cdkAccessLog, cdkLogGroup, cdkRestApi, logGroup } from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

const stageLoggingTo = (group: Record<string, unknown>): Record<string, unknown> => ({
  ...restApi(),
  ...group,
  ...restStage({ AccessLogSetting: accessLogTo() }),
});
const kmsKey = { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [] } } } };
const requireKms = { restricted: { rules: { 'access-log-retention': { options: { requireKmsKey: true } } } } };

testRule(rule, {
  valid: [
    {
      name: 'one-year retention',
      template: stageLoggingTo(logGroup({ RetentionInDays: 365 })),
      cdk: (stack) => cdkRestApi(stack, cdkAccessLog(stack)),
    },
    {
      name: 'never-expiring group where the standard allows it',
      template: stageLoggingTo(logGroup({ RetentionInDays: undefined })),
      options: { allowNeverExpire: true },
    },
    {
      name: 'KMS-encrypted group in a tier that requires a key',
      template: stageLoggingTo({ ...kmsKey, ...logGroup({ KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } }) }),
      cdk: (stack) =>
        cdkRestApi(
          stack,
          cdkAccessLog(stack, undefined, cdkLogGroup(stack, { encryptionKey: new kms.Key(stack, 'Key') })),
        ),
      tiers: requireKms,
    },
    {
      name: 'Firehose destinations are out of scope (no log group)',
      template: {
        ...restApi(),
        ...restStage({
          AccessLogSetting: {
            DestinationArn: 'arn:aws:firehose:eu-west-1:111111111111:deliverystream/amazon-apigateway-logs',
            Format: '{}',
          },
        }),
      },
      expect: 'skip',
    },
    {
      name: 'stage without access log is left to stage-access-logging',
      template: { ...restApi(), ...restStage() },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a never-expiring group (CDK RetentionDays.INFINITE)',
      template: stageLoggingTo(logGroup({ RetentionInDays: undefined })),
      cdk: (stack) =>
        cdkRestApi(
          stack,
          cdkAccessLog(stack, undefined, cdkLogGroup(stack, { retention: logs.RetentionDays.INFINITE })),
        ),
      message: /never expires/,
      count: 1,
    },
    {
      name: 'fails one-week retention (CDK RetentionDays.ONE_WEEK)',
      template: stageLoggingTo(logGroup({ RetentionInDays: 7 })),
      cdk: (stack) =>
        cdkRestApi(
          stack,
          cdkAccessLog(stack, undefined, cdkLogGroup(stack, { retention: logs.RetentionDays.ONE_WEEK })),
        ),
      message: /7 days; the standard wants at least 90 days/,
    },
    {
      name: 'fails retention above the maximum a tier sets (data minimisation)',
      template: stageLoggingTo(logGroup({ RetentionInDays: 3653 })),
      tiers: { restricted: { rules: { 'access-log-retention': { options: { maxRetentionDays: 400 } } } } },
      message: /between 90 and 400 days/,
    },
    {
      name: 'fails a group without KMS key in a tier that requires one',
      template: stageLoggingTo(logGroup()),
      cdk: (stack) => cdkRestApi(stack, cdkAccessLog(stack)),
      tiers: requireKms,
      message: /not encrypted with a KMS key/,
    },
    {
      name: 'fails as unknown when the retention comes from a parameter without default',
      template: {
        Parameters: { Days: { Type: 'Number' } },
        Resources: stageLoggingTo(logGroup({ RetentionInDays: { Ref: 'Days' } })),
      },
      expect: 'unknown',
      message: /parameter Days/,
    },
    {
      name: 'fails as unknown when the log group exists only under a condition',
      template: {
        Parameters: { Env: { Type: 'String' } },
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
        Resources: {
          ...restApi(),
          ...restStage({ AccessLogSetting: accessLogTo() }),
          AccessLogs: { ...(logGroup().AccessLogs as object), Condition: 'IsProd' },
        },
      },
      expect: 'unknown',
    },
    {
      name: 'fails as unknown when the log group is outside the template',
      template: {
        ...restApi(),
        ...restStage({
          AccessLogSetting: { DestinationArn: 'arn:aws:logs:eu-west-1:111111111111:log-group:shared', Format: '{}' },
        }),
      },
      expect: 'unknown',
      message: /not in the template/,
    },
  ],
});
