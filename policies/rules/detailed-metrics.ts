import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import { stageScopes } from '../../lib/model/stage-scopes';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Also fail method/route overrides that turn metrics off. @default true */
  readonly checkOverrides: boolean;
}

export default defineRule<'stage', Options>({
  id: 'detailed-metrics',
  title: 'Stages publish detailed CloudWatch metrics',
  rationale:
    'Per-method (REST) or per-route (v2) metrics show error and latency spikes on the operation being abused, ' +
    'which stage-level totals average away; alarms on them detect enumeration and scraping early.',
  fix: {
    cdk:
      'SecureRestApi, SecureHttpApi and SecureWebSocketApi publish them by default; on plain stages set ' +
      "`deployOptions: { metricsEnabled: true }` (REST) or `detailedMetricsEnabled: true` on the v2 stage's " +
      'default route settings.',
    cloudFormation:
      "MethodSettings [{ ResourcePath: '/*', HttpMethod: '*', MetricsEnabled: true }] or " +
      '`DefaultRouteSettings.DetailedMetricsEnabled: true`.',
    sam:
      '`MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", MetricsEnabled: true }]` ' +
      '(AWS::Serverless::Api) or `DefaultRouteSettings.DetailedMetricsEnabled: true` ' +
      '(AWS::Serverless::HttpApi).',
  },
  severity: 'warning',
  owasp: ['API4:2023', 'API8:2023'],
  controls: { nist80053: ['CA-7', 'SI-4'], pciDss4: [] },
  references: {
    awsConfig: 'api-gwv2-stage-default-route-detailed-metrics-enabled',
    kics: 'CloudWatch Metrics Disabled',
  },
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: { checkOverrides: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { checkOverrides: true },
  },
  check(stage, ctx) {
    const location = ctx.api?.kind === 'rest' ? 'Properties.MethodSettings' : 'Properties.DefaultRouteSettings';
    const [defaults, ...overrides] = stageScopes(stage);
    const metrics = defaults.settings.metrics;
    if (metrics === undefined) {
      ctx.fail(
        'Stage does not enable detailed metrics (MetricsEnabled / DetailedMetricsEnabled unset, default false).',
        { location },
      );
    } else if (!ctx.need(metrics, 'the stage metrics setting')) {
      ctx.fail('Stage turns detailed metrics off.', { location });
    }
    if (!ctx.options.checkOverrides) return;
    // An override that leaves metrics unset inherits the stage default, judged above.
    for (const { override, settings } of overrides) {
      const value = settings.metrics;
      const what = `${override.method ? `${override.method} ` : ''}${override.path}`;
      if (isUnresolved(value))
        ctx.unknown(`Metrics setting for ${what} is unresolved (${value.because}).`, { location });
      else if (value === false) ctx.fail(`Override for ${what} turns detailed metrics off.`, { location });
    }
  },
});
