import { fromTemplate, fromTemplates, parseTemplate } from '../../lib/model/template';
import { isUnresolved } from '../../lib/model/value';
import { apiById, buildYaml } from './helpers';

function apiNamed(nameExpression: string, extra = ''): unknown {
  const inventory = buildYaml(`
Parameters:
  Env: { Type: String, Default: prod }
  Names: { Type: CommaDelimitedList, Default: 'a, b' }
  Secret: { Type: 'AWS::SSM::Parameter::Value<String>', Default: /api/name }
  NoDefault: { Type: String }
Mappings:
  ByEnv:
    prod: { name: orders-prod }
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: ${nameExpression}
${extra}`);
  return apiById(inventory, 'Api').name;
}

describe('intrinsic resolution', () => {
  it.each([
    ['Ref to a parameter default', '!Ref Env', 'prod'],
    ['FindInMap with a Ref key', '!FindInMap [ByEnv, !Ref Env, name]', 'orders-prod'],
    ['Select of a CommaDelimitedList', '!Select [1, !Ref Names]', 'b'],
    ['Select of Split', "!Select [2, !Split ['-', 'x-y-z']]", 'z'],
    ['Join', "!Join ['-', [api, !Ref Env]]", 'api-prod'],
    ['Sub with escaped ${!Literal}', "!Sub '${!Keep}-${Env}'", '${Keep}-prod'],
    ['Sub with a pseudo parameter (stays symbolic)', "!Sub '${AWS::Region}-api'", '${AWS::Region}-api'],
    ['Sub with a resource attribute (symbolic reference)', "!Sub '${Other.Arn}'", '${Other.Arn}'],
  ])('resolves %s', (_name, expression, expected) => {
    expect(apiNamed(expression, '  Other:\n    Type: AWS::SNS::Topic')).toBe(expected);
  });

  it.each([
    ['a parameter without default', '!Ref NoDefault', 'parameter NoDefault has no default'],
    [
      'an SSM parameter, even with a default',
      '!Ref Secret',
      'parameter Secret is read from SSM Parameter Store at deploy time',
    ],
    ['Sub containing a parameter without default', "!Sub 'api-${NoDefault}'", 'parameter NoDefault has no default'],
    ['an import', '!ImportValue shared-name', 'Fn::ImportValue shared-name comes from another stack'],
    [
      'a Ref to a missing logical id',
      '!Ref Missing',
      'Ref to Missing, which is neither a parameter nor a resource of the template',
    ],
    [
      'FindInMap with a missing key',
      '!FindInMap [ByEnv, dev, name]',
      'Fn::FindInMap ByEnv.dev.name is not in the Mappings',
    ],
    ['GetAZs', "!Select [0, !GetAZs '']", 'Fn::GetAZs is only known at deploy time'],
  ])('fails to resolve %s (unresolved with the reason)', (_name, expression, because) => {
    expect(apiNamed(expression)).toEqual({ unresolved: true, because });
  });
});

describe('fromTemplates: several stacks', () => {
  const shared = parseTemplate(
    `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: shared }
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties: { Scope: REGIONAL, DefaultAction: { Allow: {} }, Rules: [] }
Outputs:
  ApiId:
    Value: !Ref Api
    Export: { Name: !Sub '\${AWS::StackName}-ApiId' }
  AclArn:
    Value: !GetAtt Acl.Arn
    Export: { Name: shared-acl }
`,
    'shared.yaml',
  );
  const consumer = parseTemplate(
    `
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !ImportValue SharedStack-ApiId
      StageName: prod
  Association:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      WebACLArn: !ImportValue shared-acl
      ResourceArn: !Sub
        - arn:aws:apigateway:\${AWS::Region}::/restapis/\${ApiId}/stages/prod
        - ApiId: !ImportValue SharedStack-ApiId
`,
    'consumer.yaml',
  );

  it('resolves Fn::ImportValue against the other inputs and stack-qualifies ids', () => {
    const inventory = fromTemplates([
      { template: shared, templatePath: 'shared.yaml', stackName: 'SharedStack' },
      { template: consumer, templatePath: 'consumer.yaml', stackName: 'ConsumerStack' },
    ]);
    expect(inventory.apis.map((api) => api.id)).toEqual(['SharedStack/Api']);
    const stage = inventory.apis[0].stages[0];
    expect(stage.source.stackName).toBe('ConsumerStack');
    const acl = stage.waf?.webAcl;
    expect(acl && !isUnresolved(acl) ? acl.id : acl).toBe('SharedStack/Acl');
    expect(inventory.origins).toEqual(['shared.yaml', 'consumer.yaml']);
  });

  it('keeps two inputs with the same stack name apart', () => {
    const inventory = fromTemplates([
      { template: shared, stackName: 'SharedStack' },
      { template: shared, stackName: 'SharedStack' },
    ]);
    expect(inventory.apis.map((api) => api.id)).toEqual(['SharedStack/Api', 'SharedStack#2/Api']);
  });

  it('fails to resolve the import when the exporting stack is not an input (external API)', () => {
    const inventory = fromTemplate(consumer, { templatePath: 'consumer.yaml', stackName: 'ConsumerStack' });
    expect(inventory.apis[0].external).toBe(true);
    // The association may protect this stage: unknown, neither linked nor absent.
    const acl = inventory.apis[0].stages[0].waf?.webAcl;
    expect(isUnresolved(acl) && acl.because).toMatch(
      /^WAF association Association may protect this stage: the API id in its ResourceArn is unresolved \(.*SharedStack-ApiId.*\)$/,
    );
  });
});

describe('notices', () => {
  it('models a SAM API (lib/model/sam) beside plain API Gateway resources, with no not-evaluable notice', () => {
    const inventory = buildYaml(`
Transform: AWS::Serverless-2016-10-31
Resources:
  SamApi:
    Type: AWS::Serverless::Api
    Properties: { StageName: prod }
  Plain:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: plain }
`);
    expect(inventory.notices.map((n) => [n.level, n.code])).toEqual([]);
    expect(inventory.apis.map((a) => a.id).sort()).toEqual(['Plain', 'SamApi']);
  });

  it('fails with E_NOT_CLOUDFORMATION when fromTemplate gets something that is not a template', () => {
    expect(() => fromTemplate({ foo: 1 })).toThrow(/E_NOT_CLOUDFORMATION/);
    expect(() => fromTemplate('text')).toThrow(/got string/);
  });
});
