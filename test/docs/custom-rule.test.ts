import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { defineRule } from '../../lib/engine/rule';
import { allRules } from '../../policies/rules';
import { defaultStandard, resolveStandard } from '../../lib/standard';
import { fromTemplate } from '../../lib/model/template';
import { evaluate } from '../../lib/engine/evaluate';
import { allMethods, restApi, restStage } from '../helpers/fixtures';

// The README's "Writing your own rule" example, verbatim in shape: it must compile without casts and run.
const cacheTtl = defineRule<'stage', { maxTtl: number }>({
  id: 'cache-ttl',
  title: 'Cached responses expire within the standard TTL',
  rationale: 'Stale cached responses can leak data after a permission change.',
  fix: { cdk: 'Lower deployOptions.cacheTtl.', cloudFormation: 'Lower CacheTtlInSeconds in MethodSettings.' },
  severity: 'warning',
  owasp: ['API3:2023'],
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ['rest'] },
  options: { schema: { type: 'object', properties: { maxTtl: { type: 'number' } } }, defaults: { maxTtl: 300 } },
  check(stage, ctx) {
    if (stage.settings.cacheTtlSeconds === undefined) return;
    const ttl = ctx.need(stage.settings.cacheTtlSeconds, 'the cache TTL');
    if (ttl > ctx.options.maxTtl) ctx.fail(`Cache TTL is ${ttl} s; the standard allows ${ctx.options.maxTtl} s.`);
  },
});

describe('a custom rule next to the shipped ones', () => {
  it('is accepted by the plugin and the standard, and fails a TTL above the option', () => {
    expect(() => new ApiGuardrails({ rules: [...allRules, cacheTtl], summary: false })).not.toThrow();
    const standard = resolveStandard({ ...defaultStandard(), rules: { 'cache-ttl': { options: { maxTtl: 60 } } } }, [
      ...allRules,
      cacheTtl,
    ]);
    const inventory = fromTemplate({
      Resources: {
        ...restApi(),
        ...restStage({ MethodSettings: allMethods({ CachingEnabled: true, CacheTtlInSeconds: 120 }) }),
      },
    });
    const findings = evaluate(inventory, { standard }).findings.filter((f) => f.ruleId === 'cache-ttl');
    expect(findings.map((f) => [f.status, f.message])).toEqual([
      ['fail', 'Cache TTL is 120 s; the standard allows 60 s.'],
    ]);
  });
});
