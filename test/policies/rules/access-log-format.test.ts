import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/access-log-format';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import { accessLogTo, cdkAccessLog, cdkRestApi, FULL_JSON_FORMAT, logGroup } from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

const withFormat = (format: string | null, apiProps: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...restApi(apiProps),
  ...logGroup(),
  ...restStage({ AccessLogSetting: accessLogTo('AccessLogs', format) }),
});

/** HTTP API JWT principal, latency written as an unquoted number. */
const HTTP_FORMAT =
  '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","sub":"$context.authorizer.jwt.claims.sub",' +
  '"routeKey":"$context.routeKey","status":$context.status,"latency":$context.responseLatency}';

testRule(rule, {
  valid: [
    {
      name: 'JSON format with every required field (template and CDK AccessLogFormat.custom)',
      template: withFormat(FULL_JSON_FORMAT),
      cdk: (stack) => cdkRestApi(stack, cdkAccessLog(stack)),
    },
    {
      name: 'unquoted numeric context variables are still JSON (cdk-nag Serverless-APIGWStructuredLogging rejects them; API Gateway accepts them)',
      template: {
        ...httpApi(),
        ...logGroup(),
        ...v2Stage({ AccessLogSettings: accessLogTo('AccessLogs', HTTP_FORMAT) }),
      },
    },
    {
      name: 'required fields narrowed by the standard (CDK jsonWithStandardFields has no latency)',
      template: withFormat(
        JSON.stringify({
          requestId: '$context.requestId',
          ip: '$context.identity.sourceIp',
          status: '$context.status',
        }),
      ),
      cdk: (stack) => cdkRestApi(stack, cdkAccessLog(stack, apigw.AccessLogFormat.jsonWithStandardFields())),
      options: { requiredFields: ['$context.requestId', '$context.identity.sourceIp', '$context.status'] },
    },
    {
      name: 'CLF accepted where the tier does not require JSON and no fields',
      template: withFormat('$context.identity.sourceIp $context.requestId $context.status', {
        Tags: [{ Key: 'data-classification', Value: 'public' }],
      }),
      tiers: { public: { rules: { 'access-log-format': { options: { requireJson: false, requiredFields: [] } } } } },
    },
    {
      name: 'stage without access log is left to stage-access-logging',
      template: { ...restApi(), ...restStage() },
      expect: 'skip',
    },
    { name: 'destination without format is left to stage-access-logging', template: withFormat(null), expect: 'skip' },
  ],
  invalid: [
    {
      name: 'fails a CLF (non-JSON) format (CDK AccessLogFormat.clf)',
      template: withFormat(apigw.AccessLogFormat.clf().toString()),
      cdk: (stack) => cdkRestApi(stack, cdkAccessLog(stack, apigw.AccessLogFormat.clf())),
      message: /not a JSON object/,
    },
    {
      name: 'fails CDK jsonWithStandardFields under the default standard: no latency',
      cdk: (stack) => cdkRestApi(stack, cdkAccessLog(stack, apigw.AccessLogFormat.jsonWithStandardFields())),
      message: /lacks one of \$context\.responseLatency/,
      count: 1,
    },
    {
      name: 'fails a JSON format without source IP and principal, naming both',
      template: withFormat(
        JSON.stringify({
          requestId: '$context.requestId',
          method: '$context.httpMethod',
          path: '$context.resourcePath',
          status: '$context.status',
          latency: '$context.responseLatency',
        }),
      ),
      message: /lacks \$context\.identity\.sourceIp; one of \$context\.authorizer\.principalId/,
    },
    {
      name: 'fails a restricted tier that also requires the user agent',
      template: withFormat(FULL_JSON_FORMAT),
      tiers: {
        restricted: {
          rules: {
            'access-log-format': { options: { requiredFields: ['$context.requestId', '$context.identity.userAgent'] } },
          },
        },
      },
      message: /userAgent/,
    },
    {
      name: 'fails as unknown when the format comes from a parameter without default',
      template: {
        Parameters: { LogFormat: { Type: 'String' } },
        Resources: {
          ...restApi(),
          ...logGroup(),
          ...restStage({
            AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': ['AccessLogs', 'Arn'] }, Format: { Ref: 'LogFormat' } },
          }),
        },
      },
      expect: 'unknown',
      message: /parameter LogFormat/,
    },
  ],
});
