/**
 * Building blocks for the logging rules (access logs, log groups, account role). Same style as fixtures.ts:
 * each returns a Resources fragment or a property value to spread into one.
 */
import * as path from 'path';
import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { FindingStatus } from '../../lib/engine/finding';
import type { AnyRule } from '../../lib/engine/rule';
import { readTemplateFile } from '../../lib/model/template';
import { CORPUS_DIR, describeWithCorpus } from './corpus';
import { findingsFor } from './rule-tester';

type Props = Record<string, unknown>;

/** A JSON access log format with every field the access-log-format rule wants by default. */
export const FULL_JSON_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  principal: '$context.authorizer.principalId',
  method: '$context.httpMethod',
  path: '$context.resourcePath',
  status: '$context.status',
  latency: '$context.responseLatency',
});

export function logGroup(props: Props = {}, id = 'AccessLogs'): Props {
  return { [id]: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365, ...props } } };
}

/** A REST `AccessLogSetting` / v2 `AccessLogSettings` value pointing at the log group `groupId`; `null` format = none. */
export function accessLogTo(groupId = 'AccessLogs', format: string | null = FULL_JSON_FORMAT): Props {
  return { DestinationArn: { 'Fn::GetAtt': [groupId, 'Arn'] }, ...(format === null ? {} : { Format: format }) };
}

/** AWS::ApiGateway::Account with a CloudWatch role. */
export function account(id = 'ApiAccount'): Props {
  return {
    [`${id}Role`]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs'],
      },
    },
    [id]: {
      Type: 'AWS::ApiGateway::Account',
      Properties: { CloudWatchRoleArn: { 'Fn::GetAtt': [`${id}Role`, 'Arn'] } },
    },
  };
}

/** A CDK RestApi with one mock GET method; `cloudWatchRole` false unless asked (it adds an Account resource). */
export function cdkRestApi(
  stack: Stack,
  deployOptions: apigw.StageOptions = {},
  props: Partial<apigw.RestApiProps> = {},
): apigw.RestApi {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, deployOptions, ...props });
  api.root.addMethod('GET', new apigw.MockIntegration());
  return api;
}

/** A CDK log group with the given retention (CDK's own default is two years). */
export function cdkLogGroup(stack: Stack, props: logs.LogGroupProps = {}): logs.LogGroup {
  return new logs.LogGroup(stack, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR, ...props });
}

export function cdkAccessLog(
  stack: Stack,
  format = apigw.AccessLogFormat.custom(FULL_JSON_FORMAT),
  group?: logs.LogGroup,
): apigw.StageOptions {
  return {
    accessLogDestination: new apigw.LogGroupLogDestination(group ?? cdkLogGroup(stack)),
    accessLogFormat: format,
  };
}

/** One corpus file and the status we expect per logical id (a peer's label, or our documented disagreement). */
export interface CorpusCase {
  readonly file: string;
  /** Case name; say why when we differ from the peer on purpose. */
  readonly name: string;
  readonly expect: Record<string, FindingStatus | 'none'>;
}

/**
 * Agreement with peer scanners on the shared corpus: each case reads the real template, evaluates the rule and
 * compares statuses per logical id. Fails with a clear message when the corpus is absent.
 */
export function describeCorpusAgreement(rule: AnyRule, cases: readonly CorpusCase[]): void {
  describeWithCorpus(`rule ${rule.id} on the shared corpus`, () => {
    for (const kase of cases) {
      it(`${kase.name} (${kase.file})`, () => {
        const template = readTemplateFile(path.join(CORPUS_DIR, 'templates', kase.file));
        const findings = findingsFor(rule, template);
        for (const [logicalId, expected] of Object.entries(kase.expect)) {
          const mine = findings.filter((f) => f.resource.source.logicalId === logicalId).map((f) => f.status);
          const got = mine.length === 0 ? ['none'] : [...new Set(mine)];
          const ok = expected === 'pass' ? got.length === 1 && got[0] === 'pass' : got.includes(expected);
          if (!ok)
            throw new Error(
              `${kase.file}: expected ${expected} for ${logicalId}, got ${got.join(',')}:\n${findings.map((f) => `  ${f.status} ${f.resource.source.logicalId}: ${f.message}`).join('\n')}`,
            );
        }
      });
    }
  });
}
