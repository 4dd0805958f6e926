import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { TemplateError, parseTemplate, readTemplateFile } from '../../lib/model/template';

describe('parseTemplate: CloudFormation YAML short forms', () => {
  const parsed = parseTemplate(
    `
Resources:
  R:
    Type: X
    Properties:
      Ref: !Ref Thing
      GetAtt: !GetAtt Thing.Arn
      GetAttNested: !GetAtt Thing.Endpoint.Address
      GetAttList: !GetAtt [Thing, Arn]
      Sub: !Sub 'a-\${Thing}'
      SubList: !Sub ['\${X}', { X: !Ref Thing }]
      Join: !Join [',', [a, !Ref Thing]]
      If: !If [Cond, 1, 2]
      Select: !Select [0, !Split [',', 'a,b']]
      FindInMap: !FindInMap [M, k1, k2]
      ImportValue: !ImportValue exported
      Base64: !Base64 text
      Cidr: !Cidr [10.0.0.0/16, 2, 8]
      GetAZs: !GetAZs ''
      Equals: !Equals [a, b]
      And: !And [!Condition A, !Not [!Condition B]]
      Or: !Or [!Condition A, !Condition B]
      Transform: !Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }
`,
    'short.yaml',
  );
  const props = (parsed.Resources as Record<string, { Properties: Record<string, unknown> }>).R.Properties;

  it.each([
    ['Ref', { Ref: 'Thing' }],
    ['GetAtt', { 'Fn::GetAtt': ['Thing', 'Arn'] }],
    ['GetAttNested', { 'Fn::GetAtt': ['Thing', 'Endpoint.Address'] }],
    ['GetAttList', { 'Fn::GetAtt': ['Thing', 'Arn'] }],
    ['Sub', { 'Fn::Sub': 'a-${Thing}' }],
    ['SubList', { 'Fn::Sub': ['${X}', { X: { Ref: 'Thing' } }] }],
    ['Join', { 'Fn::Join': [',', ['a', { Ref: 'Thing' }]] }],
    ['If', { 'Fn::If': ['Cond', 1, 2] }],
    ['Select', { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] }],
    ['FindInMap', { 'Fn::FindInMap': ['M', 'k1', 'k2'] }],
    ['ImportValue', { 'Fn::ImportValue': 'exported' }],
    ['Base64', { 'Fn::Base64': 'text' }],
    ['Cidr', { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }],
    ['GetAZs', { 'Fn::GetAZs': '' }],
    ['Equals', { 'Fn::Equals': ['a', 'b'] }],
    ['And', { 'Fn::And': [{ Condition: 'A' }, { 'Fn::Not': [{ Condition: 'B' }] }] }],
    ['Or', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['Transform', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
  ])('turns !%s into the long form', (key, expected) => {
    expect(props[key]).toEqual(expected);
  });

  it('parses JSON templates', () => {
    expect(parseTemplate('{"Resources": {"A": {"Type": "X"}}}', 'a.json')).toEqual({ Resources: { A: { Type: 'X' } } });
  });
});

describe('parseTemplate / readTemplateFile errors', () => {
  function error(run: () => unknown): TemplateError {
    try {
      run();
    } catch (caught) {
      if (caught instanceof TemplateError) return caught;
      throw caught;
    }
    throw new Error('expected a TemplateError');
  }

  it('fails with E_TEMPLATE_PARSE on invalid YAML, naming the line and the file', () => {
    const e = error(() => parseTemplate('Resources:\n  A: [unclosed\n', 'bad.yaml'));
    expect(e.code).toBe('E_TEMPLATE_PARSE');
    expect(e.file).toBe('bad.yaml');
    expect(e.message).toMatch(/line \d+/);
    expect(e.fix).toMatch(/valid JSON or YAML/);
  });

  it('fails with E_TEMPLATE_PARSE on invalid JSON', () => {
    expect(error(() => parseTemplate('{"Resources": {', 'bad.json')).code).toBe('E_TEMPLATE_PARSE');
  });

  it('fails with E_NOT_CLOUDFORMATION when there is no Resources map, saying what was received', () => {
    const e = error(() => parseTemplate('name: my-package\nversion: 1\n', 'package.yaml'));
    expect(e.code).toBe('E_NOT_CLOUDFORMATION');
    expect(e.message).toMatch(/an object without a Resources map/);
    expect(error(() => parseTemplate('- a\n- b\n', 'list.yaml')).message).toMatch(/got a list/);
  });

  it('fails with E_TEMPLATE_READ for a missing file', () => {
    expect(error(() => readTemplateFile('/nonexistent/template.yaml')).code).toBe('E_TEMPLATE_READ');
  });

  it('reads a template file from disk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tpl-'));
    const file = path.join(dir, 'stack.template.json');
    writeFileSync(file, JSON.stringify({ Resources: { A: { Type: 'AWS::ApiGateway::RestApi' } } }));
    expect(readTemplateFile(file).Resources).toEqual({ A: { Type: 'AWS::ApiGateway::RestApi' } });
  });
});
