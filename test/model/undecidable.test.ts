import { evaluate } from '../../lib/engine/evaluate';
import { fromTemplates, parseTemplate } from '../../lib/model/template';
import type { Inventory, Stage } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';
import { resolveStandard } from '../../lib/standard';
import { apiById, buildYaml } from './helpers';

/** A REST API with one stage whose '*' '*' method setting has `LoggingLevel: <level>`. */
function loggingTemplate(level: string, apiProps = 'Name: api'): string {
  return `
Parameters:
  NoDefault: { Type: String }
Conditions:
  IsProd: !Equals [!Ref NoDefault, prod]
Mappings:
  Endpoints:
    prod: { config: { Types: [PRIVATE] } }
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      ${apiProps}
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: d1
      StageName: prod
      MethodSettings:
        - { ResourcePath: '/*', HttpMethod: '*', LoggingLevel: ${level}, DataTraceEnabled: false }
`;
}

function statusOf(inventory: Inventory, ruleId: string): string[] {
  const { findings } = evaluate(inventory, { standard: resolveStandard() });
  return findings.filter((f) => f.ruleId === ruleId).map((f) => f.status);
}

function onlyStage(inventory: Inventory): Stage {
  const [stage] = apiById(inventory, 'Api').stages;
  return stage;
}

describe('dynamic references are unresolved values, wherever they appear', () => {
  it.each([
    ['ssm', "'{{resolve:ssm:/api/level}}'", 'SSM Parameter Store'],
    ['ssm-secure', "'{{resolve:ssm-secure:/api/level:3}}'", 'SSM Parameter Store (SecureString)'],
    ['secretsmanager', "'{{resolve:secretsmanager:api:SecretString:level}}'", 'Secrets Manager'],
    ['a reference built with Fn::Sub', "!Sub '{{resolve:ssm:/api/${AWS::Region}/level}}'", 'SSM Parameter Store'],
    ['a reference built with Fn::Join', "!Join ['', ['{{resolve:ssm:', '/api/level}}']]", 'SSM Parameter Store'],
  ])('fails to know a LoggingLevel read through %s (unknown, not the literal text)', (_name, level, store) => {
    const level0 = onlyStage(buildYaml(loggingTemplate(level))).settings.loggingLevel;
    expect(isUnresolved(level0) && level0.because).toMatch(
      new RegExp(
        `^dynamic reference \\{\\{resolve:.*\\}\\} is read from ${store.replace(/[()]/g, '\\$&')} at deploy time$`,
      ),
    );
  });

  it('fails to know a string with a dynamic reference inside it (the whole string is unknown)', () => {
    const inventory = buildYaml(loggingTemplate('INFO', "Name: 'orders-{{resolve:ssm:/api/suffix}}'"));
    const name = apiById(inventory, 'Api').name;
    expect(isUnresolved(name) && name.reference).toBe('{{resolve:ssm:/api/suffix}}');
  });

  it('fails to know a parameter whose default is a dynamic reference', () => {
    const text = loggingTemplate('!Ref Level').replace(
      'Parameters:\n',
      "Parameters:\n  Level: { Type: String, Default: '{{resolve:ssm:/api/level}}' }\n",
    );
    expect(isUnresolved(onlyStage(buildYaml(text)).settings.loggingLevel)).toBe(true);
  });

  it('fails data-trace and execution-logging to unknown, never pass, when the level is a dynamic reference', () => {
    const inventory = buildYaml(loggingTemplate("'{{resolve:ssm:/api/level}}'"));
    expect(statusOf(inventory, 'data-trace')).toEqual(['unknown']);
    expect(statusOf(inventory, 'execution-logging')).toEqual(['unknown']);
  });

  it('fails data-trace on a literal INFO level (known), and reads text that merely looks like braces', () => {
    const inventory = buildYaml(loggingTemplate('INFO', "Name: '{{not-a-reference}}'"));
    expect(onlyStage(inventory).settings.loggingLevel).toBe('INFO');
    expect(apiById(inventory, 'Api').name).toBe('{{not-a-reference}}');
    expect(statusOf(inventory, 'data-trace')).toEqual(['fail']);
  });
});

describe('an EndpointConfiguration that cannot be known is unresolved, not EDGE', () => {
  it.each([
    ['a Ref to a parameter without default', 'EndpointConfiguration: !Ref NoDefault'],
    ['Fn::FindInMap with an unresolved key', 'EndpointConfiguration: !FindInMap [Endpoints, !Ref NoDefault, config]'],
    [
      'Fn::If between PRIVATE and REGIONAL',
      'EndpointConfiguration: !If [IsProd, {Types: [PRIVATE]}, {Types: [REGIONAL]}]',
    ],
    ['a dynamic reference', "EndpointConfiguration: '{{resolve:ssm:/api/endpoint}}'"],
  ])('fails to know the endpoint types for %s', (_name, endpoint) => {
    const inventory = buildYaml(loggingTemplate('INFO', `Name: api\n      ${endpoint}`));
    const api = apiById(inventory, 'Api');
    expect(isUnresolved(api.endpointTypes)).toBe(true);
    expect(isUnresolved(api.vpcEndpointIds)).toBe(true);
    expect(statusOf(inventory, 'endpoint-type')).toEqual(['unknown']);
    expect(statusOf(inventory, 'resource-policy')).toEqual(['unknown']);
  });

  it('defaults to EDGE only when EndpointConfiguration is absent, and reads a literal one', () => {
    expect(apiById(buildYaml(loggingTemplate('INFO')), 'Api').endpointTypes).toEqual(['EDGE']);
    const literal = buildYaml(loggingTemplate('INFO', 'Name: api\n      EndpointConfiguration: {Types: [REGIONAL]}'));
    expect(apiById(literal, 'Api').endpointTypes).toEqual(['REGIONAL']);
  });
});

describe('an unresolvable Deployment.StageDescription leaves every stage setting unknown', () => {
  const deployment = (description: string): string => `
Parameters:
  NoDefault: { Type: String }
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: api }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
      StageName: prod
      StageDescription: ${description}
`;

  it.each([
    ['a dynamic reference', "'{{resolve:ssm:/api/stage}}'"],
    ['a Ref to a parameter without default', '!Ref NoDefault'],
    ['a string, which is not a StageDescription at all', "'cache everything'"],
  ])('fails cache-encryption to unknown, never pass, for %s', (_name, description) => {
    const inventory = buildYaml(deployment(description));
    expect(isUnresolved(onlyStage(inventory).settings.cacheDataEncrypted)).toBe(true);
    expect(statusOf(inventory, 'cache-encryption')).toEqual(['unknown']);
  });

  it('passes cache-encryption for a literal StageDescription that encrypts the cache', () => {
    const inventory = buildYaml(deployment('{ CachingEnabled: true, CacheDataEncrypted: true }'));
    expect(statusOf(inventory, 'cache-encryption')).toEqual(['pass']);
  });
});

describe('an unknown in one template does not spread to unrelated templates', () => {
  const restApi = (name: string): string => `
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: ${name} }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: { RestApiId: !Ref Api, DeploymentId: d1, StageName: prod }
`;
  const withAmbiguousWaf = `${restApi('guarded')}  Association:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/acl/1
      ResourceArn: !Ref TargetArn
Parameters:
  TargetArn: { Type: String }
`;

  it('fails stage-waf to unknown only in the template of the ambiguous association', () => {
    const inventory = fromTemplates([
      { template: parseTemplate(withAmbiguousWaf, 'a.yaml'), templatePath: 'a.yaml' },
      { template: parseTemplate(restApi('plain'), 'b.yaml'), templatePath: 'b.yaml' },
    ]);
    const wafOf = (id: string): unknown => apiById(inventory, id).stages[0].waf?.webAcl;
    expect(isUnresolved(wafOf('a.yaml/Api'))).toBe(true);
    expect(wafOf('b.yaml/Api')).toBeUndefined();
    const byApi = evaluate(inventory, { standard: resolveStandard() })
      .findings.filter((f) => f.ruleId === 'stage-waf')
      .map((f) => [f.resource.apiId, f.status]);
    expect(byApi).toEqual(
      expect.arrayContaining([
        ['a.yaml/Api', 'unknown'],
        ['b.yaml/Api', 'fail'],
      ]),
    );
  });
});
