import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import { isKnown } from '../../lib/model/value';

interface Options {
  /** Also require a format (the CONTROLS row: "no access-log destination or format"). @default true */
  readonly requireFormat: boolean;
}

export default defineRule<'stage', Options>({
  id: 'stage-access-logging',
  title: 'Stages send access logs to a destination',
  rationale:
    'Access logs are the only per-request record of who called the API, from where, and with what result. ' +
    'Without them abuse, credential stuffing or data exfiltration through the API cannot be detected or investigated.',
  fix: {
    cdk:
      'SecureRestApi, SecureHttpApi and SecureWebSocketApi write JSON access logs by default ' +
      '(`relax.accessLoggingOff` acknowledges turning them off); on plain stages set `deployOptions: { ' +
      'accessLogDestination: new LogGroupLogDestination(logGroup), accessLogFormat: ' +
      'AccessLogFormat.jsonWithStandardFields() }` (REST) or `accessLogSettings` on the v2 stage.',
    cloudFormation:
      'Stage `AccessLogSetting { DestinationArn, Format }` (REST), `AccessLogSettings` (v2), or ' +
      '`StageDescription.AccessLogSetting` on a Deployment that creates the stage.',
    sam:
      '`AccessLogSetting { DestinationArn, Format }` on AWS::Serverless::Api or `AccessLogSettings` on ' +
      'AWS::Serverless::HttpApi.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: {
    nist80053: ['AC-4(26)', 'AU-10', 'AU-12', 'AU-2', 'AU-3', 'AU-6(3)', 'AU-6(4)', 'CA-7', 'SC-7(9)', 'SI-7(8)'],
    pciDss4: ['10.2.1', '10.4.2'],
  },
  references: {
    securityHub: 'APIGateway.9',
    awsConfig: 'api-gwv2-access-logs-enabled',
    controlTower: 'CT.APIGATEWAY.PR.4',
    cdkNag: 'AwsSolutions-APIG1',
    checkov: 'CKV_AWS_76',
    cfnNag: 'W69',
    kics: 'API Gateway Stage Access Logging Settings Not Defined',
    prowler: 'apigatewayv2_api_access_logging_enabled',
  },
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: { requireFormat: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { requireFormat: true },
  },
  check(stage, ctx) {
    const location =
      ctx.api?.kind !== 'rest'
        ? 'Properties.AccessLogSettings'
        : stage.declaredBy === 'deployment'
          ? 'Properties.StageDescription.AccessLogSetting'
          : 'Properties.AccessLogSetting';
    const log = stage.accessLog;
    if (!log) {
      return ctx.fail('Stage has no access log destination: requests to it are not recorded.', { location });
    }
    // A log group the builder linked is proof enough of a destination, even when the ARN text itself is symbolic.
    if (!isKnown(log.logGroup)) {
      const arn = ctx.need(log.destinationArn, 'the access log destination ARN');
      if (arn.trim() === '') return ctx.fail('Stage access log destination ARN is empty.', { location });
    }
    if (!ctx.options.requireFormat) return;
    if (log.format === undefined) {
      return ctx.fail('Stage has an access log destination but no access log format.', { location });
    }
    const format = ctx.need(log.format, 'the access log format');
    if (format.trim() === '') ctx.fail('Stage access log format is empty.', { location });
  },
});
