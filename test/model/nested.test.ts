import { fromTemplates, nestedStackTemplates, type TemplateInput } from '../../lib/model/template';
import { isUnresolved } from '../../lib/model/value';
import { hasToken } from './helpers';

/** A parent with a web ACL and a CDK nested stack that receives the ACL's ARN as a parameter. */
const parent = {
  Parameters: { Env: { Type: 'String', Default: 'prod' } },
  Resources: {
    Acl: { Type: 'AWS::WAFv2::WebACL', Properties: { Scope: 'REGIONAL', DefaultAction: { Allow: {} } } },
    ApisStack: {
      Type: 'AWS::CloudFormation::Stack',
      Properties: {
        TemplateURL: 'https://example.com/nested.json',
        Parameters: {
          AclArn: { 'Fn::GetAtt': ['Acl', 'Arn'] },
          StageName: { Ref: 'Env' },
          Skipped: { Ref: 'AWS::NoValue' },
        },
      },
      Metadata: {
        'aws:asset:path': 'ParentApis.nested.template.json',
        'aws:cdk:path': 'Parent/Apis.NestedStack/Apis.NestedStackResource',
      },
    },
  },
};

const nested = {
  Parameters: {
    AclArn: { Type: 'String' },
    StageName: { Type: 'String' },
    Skipped: { Type: 'String', Default: 'kept' },
    Unpassed: { Type: 'String' },
  },
  Resources: {
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: { 'Fn::Sub': '${Skipped}-${Unpassed}' } } },
    Stage: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: { RestApiId: { Ref: 'Api' }, StageName: { Ref: 'StageName' }, DeploymentId: 'd1' },
    },
    Assoc: {
      Type: 'AWS::WAFv2::WebACLAssociation',
      Properties: {
        ResourceArn: { 'Fn::Sub': 'arn:aws:apigateway:eu-west-1::/restapis/${Api}/stages/prod' },
        WebACLArn: { Ref: 'AclArn' },
      },
    },
  },
};

const parentInput: TemplateInput = { template: parent, templatePath: 'out/Parent.template.json', stackName: 'Parent' };
const nestedInput: TemplateInput = {
  template: nested,
  templatePath: 'out/ParentApis.nested.template.json',
  stackName: 'Parent/ApisStack',
  nestedIn: { templatePath: 'out/Parent.template.json', logicalId: 'ApisStack' },
};

describe('nestedStackTemplates', () => {
  it('names the template file of each CDK nested stack, from its aws:asset:path metadata', () => {
    expect(nestedStackTemplates(parent)).toEqual([
      { logicalId: 'ApisStack', fileName: 'ParentApis.nested.template.json' },
    ]);
  });

  it('takes only a bare JSON file name beside the parent, never a path elsewhere', () => {
    const stack = (assetPath: unknown): unknown => ({
      Resources: { S: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': assetPath } } },
    });
    expect(nestedStackTemplates(stack('../secrets.json'))).toEqual([]);
    expect(nestedStackTemplates(stack('/etc/x.json'))).toEqual([]);
    expect(nestedStackTemplates(stack('dir\\x.json'))).toEqual([]);
    expect(nestedStackTemplates(stack('asset.zip'))).toEqual([]);
    expect(nestedStackTemplates(stack(42))).toEqual([]);
    expect(nestedStackTemplates(stack('Ok.nested.template.json'))).toEqual([
      { logicalId: 'S', fileName: 'Ok.nested.template.json' },
    ]);
  });

  it('ignores other resource types, Stack resources without metadata, and input that is not a template', () => {
    expect(
      nestedStackTemplates({
        Resources: {
          L: { Type: 'AWS::Lambda::Function', Metadata: { 'aws:asset:path': 'a.json' } },
          S: { Type: 'AWS::CloudFormation::Stack' },
        },
      }),
    ).toEqual([]);
    expect(nestedStackTemplates(null)).toEqual([]);
    expect(nestedStackTemplates({ Resources: [] })).toEqual([]);
  });
});

describe('a nested stack among the inputs', () => {
  const inventory = fromTemplates([parentInput, nestedInput]);
  const api = inventory.apis[0];

  it("resolves the parameters its parent passes in the parent's template", () => {
    expect(inventory.apis).toHaveLength(1);
    // StageName is the parent's Env default; the WAF association's web ACL is the parent's Acl.
    expect(api.stages.map((s) => s.name)).toEqual(['prod']);
    const waf = api.stages[0].waf?.webAcl;
    expect(waf && !isUnresolved(waf) ? waf.id : waf).toBe('Parent/Acl');
    expect(inventory.webAcls.map((w) => w.id)).toEqual(['Parent/Acl']);
    expect(hasToken(JSON.stringify(inventory))).toBe(false);
  });

  it('keeps the default when the parent passes AWS::NoValue, and a parameter nobody passes stays unresolved', () => {
    expect(api.name).toEqual({ unresolved: true, because: 'parameter Unpassed has no default' });
    const withDefaultOnly = fromTemplates([
      parentInput,
      {
        ...nestedInput,
        template: {
          ...nested,
          Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: { Ref: 'Skipped' } } } },
        },
      },
    ]);
    expect(withDefaultOnly.apis[0].name).toBe('kept');
  });

  it('drops the NESTED_STACK_NOT_EVALUATED warning, which stays when the nested template is not an input', () => {
    expect(inventory.notices.map((n) => n.code)).not.toContain('NESTED_STACK_NOT_EVALUATED');
    const alone = fromTemplates([parentInput]);
    expect(alone.notices.map((n) => [n.code, n.source.logicalId])).toEqual([
      ['NESTED_STACK_NOT_EVALUATED', 'ApisStack'],
    ]);
    expect(alone.notices[0].message).toMatch(/aws:asset:path/);
  });

  it("without a parent among the inputs, the nested template's parameters are unresolved and the parent's stack still warns", () => {
    const orphan = fromTemplates([
      { ...nestedInput, nestedIn: { templatePath: 'elsewhere.json', logicalId: 'ApisStack' } },
      { ...parentInput },
    ]);
    expect(orphan.apis[0].stages[0].name).toEqual({ unresolved: true, because: 'parameter StageName has no default' });
    expect(orphan.notices.map((n) => n.code)).toContain('NESTED_STACK_NOT_EVALUATED');
  });
});
