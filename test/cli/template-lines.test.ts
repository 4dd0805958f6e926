import { resourceLocations } from '../../lib/cli/template-lines';

/** The line resourceLocations gives a logical id in `text`. */
function lineIn(text: string | undefined, logicalId: string): number | undefined {
  return text === undefined ? undefined : resourceLocations(text).get(logicalId)?.line;
}

describe('resource lines', () => {
  it('finds resource keys under Resources in JSON and YAML, not references elsewhere', () => {
    const texts: Record<string, string> = {};
    texts['a.json'] = JSON.stringify(
      {
        Parameters: { Stage: { Type: 'String' } },
        Resources: { Api: { Type: 'X', DependsOn: ['Stage'] }, Stage: { Type: 'Y' } },
        Outputs: { Other: {} },
      },
      null,
      1,
    );
    texts['b.yaml'] =
      'Parameters:\n  Stage:\n    Type: String\nResources:\n  Api:\n    Type: X\n    Properties:\n      Stage: !Ref Stage\n  Stage:\n    Type: Y\nOutputs:\n  Other:\n    Value: 1\n';
    expect(lineIn(texts['a.json'], 'Stage')).toBe(14);
    expect(lineIn(texts['b.yaml'], 'Api')).toBe(5);
    expect(lineIn(texts['b.yaml'], 'Stage')).toBe(9);
  });

  it('fails to find what is not a resource (undefined, never a guess)', () => {
    const texts: Record<string, string> = {};
    texts['b.yaml'] = 'Resources:\n  Api:\n    Type: X\nOutputs:\n  Other:\n    Value: 1\n';
    expect(lineIn(texts['b.yaml'], 'Other')).toBeUndefined();
    expect(lineIn(texts['missing.yaml'], 'Api')).toBeUndefined();
  });
});

describe('resource lines of synthesized templates', () => {
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
    const texts: Record<string, string> = { 'big.json': text };
    const rows = text.split('\r\n');
    const resourcesRow = rows.indexOf(' "Resources": {');
    for (const id of Object.keys(resources)) {
      const expected = rows.findIndex((row, i) => i > resourcesRow && row.startsWith(`  "${id}": {`)) + 1;
      expect(lineIn(texts['big.json'], id)).toBe(expected);
    }
    expect(lineIn(texts['big.json'], 'Api0Stage0')).toBeGreaterThan(resourcesRow + 1); // the resource, not the parameter of that name
    expect(lineIn(texts['big.json'], 'Api1Stage1')).toBeLessThan(rows.indexOf(' "Outputs": {') + 1); // nor the output
  });
});
