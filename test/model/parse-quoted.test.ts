import { parseTemplate } from '../../lib/model/template/parse';
import { TemplateError } from '../../lib/model/template/errors';

/**
 * Multi-line quoted scalars whose continuation lines sit at their key's indentation (or less). YAML 1.2
 * wants them indented more than the key and the `yaml` package refuses them ("Missing closing quote");
 * PyYAML (cfn-lint) and CloudFormation accept them. Expected values are what PyYAML 6.0.3 loads.
 */
const api = (properties: string): string =>
  `Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n${properties}`;

const propertiesOf = (text: string): Record<string, unknown> =>
  (parseTemplate(text, 'quoted.yaml').Resources as { Api: { Properties: Record<string, unknown> } }).Api.Properties;

describe('YAML quoted scalars continued at their key’s indentation', () => {
  test.each([
    [
      'a double-quoted value continued at the key’s column',
      '      Description: "Orders API, reachable only\n      through the VPC endpoint"\n      Name: orders\n',
      { Description: 'Orders API, reachable only through the VPC endpoint', Name: 'orders' },
    ],
    [
      'a single-quoted value continued left of the key, with a doubled quote inside',
      "      Description: 'it''s the orders\n  API'\n      Name: orders\n",
      { Description: "it's the orders API", Name: 'orders' },
    ],
    [
      'a !Sub value in a sequence item, continued at the item key’s column',
      "      Tags:\n      - Key: owner\n        Value: !Sub 'team-${AWS::Region}\n        -orders'\n",
      { Tags: [{ Key: 'owner', Value: { 'Fn::Sub': 'team-${AWS::Region} -orders' } }] },
    ],
    [
      'a double-quoted value with an escaped quote and a blank line, in a CRLF file',
      '      Description: "say \\"hi\r\n\r\n      there\\""\r\n      Name: orders\r\n',
      { Description: 'say "hi\nthere"', Name: 'orders' },
    ],
    [
      'two such values in one template',
      '      Description: "one\n      two"\n      Name: "three\n      four"\n',
      { Description: 'one two', Name: 'three four' },
    ],
  ])('passes %s, with the value PyYAML reads', (_name, properties, expected) => {
    expect(propertiesOf(api(properties))).toEqual(expected);
  });

  test('passes a quoted value indented as YAML 1.2 wants unchanged (the repair never runs)', () => {
    expect(propertiesOf(api('      Description: "one\n        two"\n'))).toEqual({ Description: 'one two' });
  });

  test('fails a quote that is never closed with E_TEMPLATE_PARSE naming the line', () => {
    const text = api('      Description: "never closed\n      Name: orders\n');
    expect(() => parseTemplate(text, 'quoted.yaml')).toThrow(TemplateError);
    expect(() => parseTemplate(text, 'quoted.yaml')).toThrow(
      /E_TEMPLATE_PARSE: cannot parse the template as YAML at line \d+, column \d+: Missing closing "quote.*quoted\.yaml/,
    );
  });
});
