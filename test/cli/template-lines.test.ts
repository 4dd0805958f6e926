import { TemplateLines } from '../../lib/cli/template-lines';

describe('TemplateLines', () => {
  it('finds resource keys under Resources in JSON and YAML, not references elsewhere', () => {
    const lines = new TemplateLines();
    lines.add('a.json', JSON.stringify({ Parameters: { Stage: { Type: 'String' } }, Resources: { Api: { Type: 'X', DependsOn: ['Stage'] }, Stage: { Type: 'Y' } }, Outputs: { Other: {} } }, null, 1));
    lines.add('b.yaml', 'Parameters:\n  Stage:\n    Type: String\nResources:\n  Api:\n    Type: X\n    Properties:\n      Stage: !Ref Stage\n  Stage:\n    Type: Y\nOutputs:\n  Other:\n    Value: 1\n');
    expect(lines.lineOf('a.json', 'Stage')).toBe(14);
    expect(lines.lineOf('b.yaml', 'Api')).toBe(5);
    expect(lines.lineOf('b.yaml', 'Stage')).toBe(9);
  });

  it('fails to find what is not a resource (undefined, never a guess)', () => {
    const lines = new TemplateLines();
    lines.add('b.yaml', 'Resources:\n  Api:\n    Type: X\nOutputs:\n  Other:\n    Value: 1\n');
    expect(lines.lineOf('b.yaml', 'Other')).toBeUndefined();
    expect(lines.lineOf('missing.yaml', 'Api')).toBeUndefined();
  });
});
