import { checkTemplateShape, MAX_DEPTH, MAX_EXPANDED_VALUES } from '../../lib/model/template/limits';
import { TemplateError } from '../../lib/model/template';

/** The error checkTemplateShape throws for a value, or undefined when it accepts it. */
function refusal(template: unknown): TemplateError | undefined {
  try {
    checkTemplateShape(template, 't.yaml');
    return undefined;
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
}

/** A chain of `depth` nested objects under Resources.A.Properties. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { Leaf: 1 };
  for (let i = 0; i < depth; i++) value = { N: value };
  return { Resources: { A: { Type: 'AWS::ApiGateway::RestApi', Properties: value } } };
}

describe('checkTemplateShape', () => {
  it('accepts a plain tree, nested lists and a value shared many times without multiplying', () => {
    const shared = { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'x' } };
    const resources = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`A${i}`, shared]));
    expect(refusal({ Resources: resources, Outputs: { L: { Value: [[1, [2, [3]]]] } } })).toBeUndefined();
    expect(refusal(nested(MAX_DEPTH - 10))).toBeUndefined();
  });

  it('refuses a value that contains itself (a YAML self-alias), naming the path of the alias', () => {
    const a: Record<string, unknown> = { Type: 'AWS::ApiGateway::RestApi', Properties: {} };
    (a.Properties as Record<string, unknown>).Self = a;
    const error = refusal({ Resources: { A: a } });
    expect(error?.code).toBe('E_TEMPLATE_CYCLE');
    expect(error?.message).toContain('the value at Resources.A.Properties.Self contains itself');
    expect(error?.file).toBe('t.yaml');
  });

  it('refuses nesting deeper than MAX_DEPTH as too deep, not as a cycle', () => {
    const error = refusal(nested(MAX_DEPTH + 5));
    expect(error?.code).toBe('E_TEMPLATE_TOO_DEEP');
    expect(error?.message).toMatch(
      /E_TEMPLATE_TOO_DEEP: the template nests more than 1000 levels deep at Resources\.A\.Properties\.N/,
    );
  });

  it('refuses aliases that multiply past MAX_EXPANDED_VALUES (an alias bomb)', () => {
    let layer: unknown[] = ['lol'];
    for (let i = 0; i < 8; i++) layer = Array.from({ length: 10 }, () => layer); // 10^8 values once expanded
    const error = refusal({ Resources: { A: { Type: 'AWS::ApiGateway::RestApi', Properties: { Bomb: layer } } } });
    expect(error?.code).toBe('E_TEMPLATE_TOO_LARGE');
    expect(error?.message).toContain(`more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values at Resources.A`);
  });

  it('ignores scalars and null at the top (the caller says what a template must be)', () => {
    expect(refusal(null)).toBeUndefined();
    expect(refusal('text')).toBeUndefined();
  });
});
