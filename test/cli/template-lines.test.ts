import { TemplateLines } from '../../lib/cli/template-lines';

describe('TemplateLines', () => {
  it('finds resource keys under Resources in JSON and YAML, not references elsewhere', () => {
    const lines = new TemplateLines();
    lines.add(
      'a.json',
      JSON.stringify(
        {
          Parameters: { Stage: { Type: 'String' } },
          Resources: { Api: { Type: 'X', DependsOn: ['Stage'] }, Stage: { Type: 'Y' } },
          Outputs: { Other: {} },
        },
        null,
        1,
      ),
    );
    lines.add(
      'b.yaml',
      'Parameters:\n  Stage:\n    Type: String\nResources:\n  Api:\n    Type: X\n    Properties:\n      Stage: !Ref Stage\n  Stage:\n    Type: Y\nOutputs:\n  Other:\n    Value: 1\n',
    );
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

describe('TemplateLines on synthesized templates', () => {
  it('gives the line of every resource of a large CDK template, as a line-by-line reading does', () => {
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++)
      resources[`Api${i}Stage${i.toString(16).toUpperCase()}`] = {
        Type: 'AWS::ApiGateway::Stage',
        Properties: { StageName: 'prod', Tags: [{ Key: 'owner', Value: 'x' }] },
      };
    const text = JSON.stringify(
      { Parameters: { Api0Stage0: { Type: 'String' } }, Resources: resources, Outputs: { Api1Stage1: { Value: 'x' } } },
      null,
      1,
    ).replace(/\n/g, '\r\n');
    const lines = new TemplateLines();
    lines.add('big.json', text);
    const rows = text.split('\r\n');
    const resourcesRow = rows.indexOf(' "Resources": {');
    for (const id of Object.keys(resources)) {
      const expected = rows.findIndex((row, i) => i > resourcesRow && row.startsWith(`  "${id}": {`)) + 1;
      expect(lines.lineOf('big.json', id)).toBe(expected);
    }
    expect(lines.lineOf('big.json', 'Api0Stage0')).toBeGreaterThan(resourcesRow + 1); // the resource, not the parameter of that name
    expect(lines.lineOf('big.json', 'Api1Stage1')).toBeLessThan(rows.indexOf(' "Outputs": {') + 1); // nor the output
  });
});
