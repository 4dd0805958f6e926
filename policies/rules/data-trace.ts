import { defineRule } from '../../lib/engine/rule';
import { stageScopes } from '../../lib/model/stage-scopes';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** INFO execution logging (full request/response metadata) is allowed. Restricted tiers set false. @default true */
  readonly allowInfoLevel: boolean;
}

export default defineRule<'stage', Options>({
  id: 'data-trace',
  title: 'Execution logs do not record request and response bodies',
  rationale:
    'Data tracing (DataTraceEnabled) writes full request and response bodies, headers and tokens into CloudWatch, ' +
    'copying personal data and credentials into logs that many more people can read than the API data. ' +
    'INFO level logs much more than errors, which sensitive tiers may forbid too.',
  fix: {
    cdk:
      'SecureRestApi and SecureWebSocketApi keep data trace off unless `relax.dataTraceOn` acknowledges it; on ' +
      'a plain stage keep `deployOptions: { dataTraceEnabled: false }` (the default) and `loggingLevel: ' +
      'MethodLoggingLevel.ERROR` where the tier forbids INFO.',
    cloudFormation:
      'remove `DataTraceEnabled: true` from MethodSettings (and StageDescription / v2 DefaultRouteSettings, ' +
      'RouteSettings).',
    sam: 'No `DataTraceEnabled: true` in `MethodSettings` on AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API3:2023', 'API8:2023'],
  controls: { nist80053: ['AU-9', 'SI-12'], pciDss4: ['3.3.1'] },
  references: { checkov: 'CKV_AWS_276' },
  appliesTo: { subject: 'stage', apiKinds: ['rest', 'websocket'] },
  options: {
    schema: {
      type: 'object',
      properties: { allowInfoLevel: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { allowInfoLevel: true },
  },
  check(stage, ctx) {
    const location =
      ctx.api?.kind === 'websocket'
        ? 'Properties.DefaultRouteSettings'
        : stage.declaredBy === 'deployment'
          ? 'Properties.StageDescription'
          : 'Properties.MethodSettings';
    for (const { override, settings } of stageScopes(stage)) {
      const label = override ? `Method ${override.method} ${override.path}` : 'Stage default';
      const trace = settings.dataTrace;
      if (isUnresolved(trace)) {
        ctx.unknown(`${label}: DataTraceEnabled is unresolved (${trace.because}).`, { location });
      } else if (trace === true) {
        ctx.fail(`${label} turns on data tracing (DataTraceEnabled), which logs full request and response bodies.`, {
          location,
        });
      }
      if (ctx.options.allowInfoLevel) continue;
      const level = settings.loggingLevel;
      if (isUnresolved(level)) {
        ctx.unknown(`${label}: the logging level is unresolved (${level.because}) and the tier forbids INFO.`, {
          location,
        });
      } else if (level?.toUpperCase() === 'INFO') {
        ctx.fail(`${label} logs at INFO level, which tier ${ctx.tier} forbids; use ERROR.`, { location });
      }
    }
  },
});
