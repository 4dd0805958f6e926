import { defineRule } from '../../lib/engine/rule';
import { stageScopes } from '../../lib/model/stage-scopes';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Logging levels that count as "on". */
  readonly allowedLevels: string[];
}

export default defineRule<'stage', Options>({
  id: 'execution-logging',
  title: 'REST and WebSocket stages write execution logs',
  rationale:
    'Execution logs record how API Gateway handled each request (authorizer results, integration errors, throttling). ' +
    'Without them an incident cannot be reconstructed.',
  fix: {
    cdk:
      "SecureRestApi and SecureWebSocketApi log at `loggingLevel: 'ERROR'` by default " +
      '(`relax.executionLoggingOff` acknowledges turning it off); on plain APIs set `deployOptions: { ' +
      'loggingLevel: MethodLoggingLevel.ERROR }` (REST) or `defaultRouteSettings` logging (WebSocket).',
    cloudFormation: "MethodSettings [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: ERROR }].",
    sam:
      '`MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", LoggingLevel: ERROR }]` on ' + 'AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: {
    nist80053: ['AC-4(26)', 'AU-10', 'AU-12', 'AU-2', 'AU-3', 'AU-6(3)', 'AU-6(4)', 'CA-7', 'SC-7(9)', 'SI-7(8)'],
    pciDss4: ['10.2.1'],
  },
  references: {
    securityHub: 'APIGateway.1',
    awsConfig: 'api-gw-execution-logging-enabled',
    controlTower: 'CT.APIGATEWAY.PR.1',
    cdkNag: 'AwsSolutions-APIG6',
    checkov: 'CKV2_AWS_4',
    prowler: 'apigateway_restapi_logging_enabled',
  },
  appliesTo: { subject: 'stage', apiKinds: ['rest', 'websocket'] },
  options: {
    schema: {
      type: 'object',
      properties: { allowedLevels: { type: 'array', items: { enum: ['ERROR', 'INFO'] }, minItems: 1 } },
      additionalProperties: false,
    },
    defaults: { allowedLevels: ['ERROR', 'INFO'] },
  },
  check(stage, ctx) {
    const location = 'Properties.MethodSettings';
    const [defaults, ...overrides] = stageScopes(stage);
    const stageLevel = defaults.settings.loggingLevel;
    if (stageLevel === undefined)
      return ctx.fail('Stage sets no execution logging level, so API Gateway logs nothing (OFF).', { location });
    const value = ctx.need(stageLevel, 'the stage logging level').toUpperCase();
    if (!ctx.options.allowedLevels.includes(value)) {
      ctx.fail(
        `Stage execution logging level is ${value}; the standard requires one of ${ctx.options.allowedLevels.join(', ')}.`,
        { location },
      );
    }
    for (const { override, settings } of overrides) {
      const level = settings.loggingLevel;
      const what = `${override.method} ${override.path}`;
      if (level === undefined) continue;
      if (isUnresolved(level)) {
        ctx.unknown(`Logging level for ${what} is unresolved (${level.because}).`);
      } else if (!ctx.options.allowedLevels.includes(level.toUpperCase())) {
        ctx.fail(`Method ${what} turns execution logging ${level}.`, { location });
      }
    }
  },
});
