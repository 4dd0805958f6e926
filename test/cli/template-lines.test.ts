import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeLocations, userFrame } from '../../lib/cli/code-locations';
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

describe('code locations from a cloud assembly', () => {
  it('takes the first frame in the user code of the trace CDK recorded, skipping node_modules and Node itself', () => {
    expect(
      userFrame([
        'new RestApi (/app/node_modules/aws-cdk-lib/aws-apigateway/lib/restapi.js:1:2)',
        'node:internal/modules/cjs/loader:1:1',
        'new ShopStack (/app/lib/shop-stack.ts:31:7)',
        'Object.<anonymous> (/app/bin/app.ts:5:1)',
      ]),
    ).toEqual({ file: '/app/lib/shop-stack.ts', line: 31, column: 7 });
  });

  it('fails to find a location in a trace of library frames only, or no trace (undefined, never a guess)', () => {
    expect(userFrame(['new RestApi (/app/node_modules/aws-cdk-lib/x.js:1:2)'])).toBeUndefined();
    expect(userFrame(undefined)).toBeUndefined();
    expect(userFrame('at x (/a.ts:1:1)')).toBeUndefined();
  });

  it('reads the traces of a stack metadata file beside its template, by logical id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apig-trace-'));
    try {
      const template = join(dir, 'Shop.template.json');
      writeFileSync(template, '{}');
      writeFileSync(
        join(dir, 'Shop.metadata.json'),
        JSON.stringify({
          '/Shop/Api/Resource': [
            { type: 'aws:cdk:logicalId', data: 'Api49610EDF', trace: ['new ShopStack (/app/lib/shop.ts:9:3)'] },
          ],
          '/Shop/Stage/Resource': [
            { type: 'aws:cdk:logicalId', data: 'Stage0661E4AC' },
            { type: 'aws:cdk:creationStack', data: ['new ShopStack (/app/lib/shop.ts:14:5)'] },
          ],
          '/Shop/Untraced/Resource': [{ type: 'aws:cdk:logicalId', data: 'Untraced' }],
        }),
      );
      expect(Object.fromEntries(codeLocations(template))).toEqual({
        Api49610EDF: { file: '/app/lib/shop.ts', line: 9, column: 3 },
        Stage0661E4AC: { file: '/app/lib/shop.ts', line: 14, column: 5 },
      });
      expect(codeLocations(join(dir, 'Other.template.json')).size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
