import { evaluate } from '../../lib/engine/evaluate';
import { fromTemplate } from '../../lib/model/template';
import { buildReport } from '../../lib/reporters/report';
import { renderText } from '../../lib/reporters/text';
import { resolveStandard } from '../../lib/standard';
import { TOOL } from './fixture';

const api = (tags?: Record<string, unknown>) => ({
  Type: 'AWS::ApiGateway::RestApi',
  Properties: {
    Name: 'orders',
    ...(tags ? { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
  },
});

function perApi(tags?: Record<string, unknown>) {
  const standard = resolveStandard();
  const inventory = fromTemplate({ Parameters: { Tier: { Type: 'String' } }, Resources: { Api: api(tags) } });
  const report = buildReport({ evaluation: evaluate(inventory, { standard }), standard, failOn: 'error', tool: TOOL });
  return { summary: report.inventory.perApi[0], text: renderText(report) };
}

describe('an API evaluated at the strictest tier because of its classification tag', () => {
  it.each([
    [undefined, 'no data-classification tag'],
    [{ 'data-classification': { Ref: 'Tier' } }, 'data-classification tag unresolved'],
    [{ 'data-classification': 'top-secret' }, 'data-classification tag "top-secret" is not a tier'],
  ])('with tags %j says why: %s', (tags, why) => {
    const { summary, text } = perApi(tags);
    expect(summary.tier).toBe('restricted');
    expect(summary.tierDefaultedBecause).toBe(why);
    expect(text.replace(/\s+/g, ' ')).toContain(`tier restricted (${why}: the strictest)`);
  });

  it('says nothing when the tag names a tier, even the strictest', () => {
    for (const tier of ['internal', 'restricted']) {
      const { summary, text } = perApi({ 'data-classification': tier });
      expect(summary.tier).toBe(tier);
      expect(summary.tierDefaultedBecause).toBeUndefined();
      expect(text).not.toContain('the strictest)');
    }
  });
});
