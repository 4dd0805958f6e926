import { defineRule } from '../../lib/engine/rule';
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
  fix:
    'CDK: `deployOptions: { loggingLevel: MethodLoggingLevel.ERROR }` (REST) or `defaultRouteSettings` logging (WebSocket). ' +
    "CloudFormation: MethodSettings [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: ERROR }].",
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: {
    nist80053: ['AC-4(26)', 'AU-10', 'AU-12', 'AU-2', 'AU-3', 'AU-6(3)', 'AU-6(4)', 'CA-7', 'SC-7(9)', 'SI-7(8)'],
    pciDss4: ['10.2.1'],
  },
  references: {
    securityHub: 'APIGateway.1',
    controlTower: 'CT.APIGATEWAY.PR.1',
    cdkNag: 'AwsSolutions-APIG6',
  },
  appliesTo: 'stage',
  options: {
    schema: {
      type: 'object',
      properties: { allowedLevels: { type: 'array', items: { enum: ['ERROR', 'INFO'] }, minItems: 1 } },
      additionalProperties: false,
    },
    defaults: { allowedLevels: ['ERROR', 'INFO'] },
  },
  check(stage, ctx) {
    // HTTP APIs have no execution logs: not applicable.
    if (ctx.api?.kind === 'http') return ctx.skip();
    const level = stage.settings.loggingLevel;
    if (level === undefined) {
      return ctx.fail('Stage sets no execution logging level, so API Gateway logs nothing (OFF).', {
        location: 'Properties.MethodSettings',
      });
    }
    const value = ctx.need(level, 'the stage logging level').toUpperCase();
    if (!ctx.options.allowedLevels.includes(value)) {
      ctx.fail(
        `Stage execution logging level is ${value}; the standard requires one of ${ctx.options.allowedLevels.join(', ')}.`,
        {
          location: 'Properties.MethodSettings',
        },
      );
    }
    for (const override of stage.overrides) {
      const overrideLevel = override.settings.loggingLevel;
      if (overrideLevel === undefined) continue;
      if (isUnresolved(overrideLevel)) {
        ctx.unknown(`Logging level for ${override.method} ${override.path} is unresolved (${overrideLevel.because}).`);
      } else if (!ctx.options.allowedLevels.includes(overrideLevel.toUpperCase())) {
        ctx.fail(`Method ${override.method} ${override.path} turns execution logging ${overrideLevel}.`, {
          location: 'Properties.MethodSettings',
        });
      }
    }
  },
});
