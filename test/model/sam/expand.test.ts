import { expandSam } from '../../../lib/model/sam';
import { mergeGlobal } from '../../../lib/model/sam/globals';
import { fromTemplate, parseTemplate } from '../../../lib/model/template';
import { isUnresolved } from '../../../lib/model/value';

const build = (yaml: string) => fromTemplate(parseTemplate(yaml, 'template.yaml'), { templatePath: 'template.yaml' });
const codes = (yaml: string): string[] => build(yaml).notices.map((n) => `${n.level} ${n.code}`);

const API = `
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
`;

describe('SAM transform detection', () => {
  it('expands a template with the Transform line as a string or in a list, with no notice', () => {
    for (const transform of ['AWS::Serverless-2016-10-31', '[AWS::Serverless-2016-10-31]']) {
      const inventory = build(`Transform: ${transform}\nResources:${API}`);
      expect(inventory.notices).toEqual([]);
      expect(inventory.apis.map((a) => a.id)).toEqual(['Api']);
    }
  });

  it('fails a template with AWS::Serverless::* but no Transform line with a warning, and still models it', () => {
    const inventory = build(`Resources:${API}`);
    expect(inventory.notices.map((n) => `${n.level} ${n.code}`)).toEqual(['warning SAM_TRANSFORM_MISSING']);
    expect(inventory.apis.map((a) => a.id)).toEqual(['Api']);
  });

  it('keeps other transforms unknown as before (AWS::LanguageExtensions beside SAM)', () => {
    expect(codes(`Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources:${API}`)).toEqual([
      'warning TRANSFORM_NOT_APPLIED',
    ]);
  });

  it('leaves a plain CloudFormation template alone (no copy, no notice)', () => {
    const template = { Resources: { Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} } } };
    expect(expandSam(template)).toBeUndefined();
  });

  it('never edits the template it is given', () => {
    const template = parseTemplate(`Transform: AWS::Serverless-2016-10-31\nResources:${API}`, 't.yaml');
    const before = JSON.stringify(template);
    expandSam(template);
    expect(JSON.stringify(template)).toBe(before);
  });
});

describe('SAM expansion: what is modelled', () => {
  it('names resources as the transform does: RestApi, <Api><Stage>Stage, hashed stage ids (as the SAM fixture api_with_incompatible_stage_name shows), ServerlessRestApi', () => {
    const sam = expandSam(
      parseTemplate(
        `Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: hoge-fuga }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: { Type: Api, Properties: { Path: /, Method: get } }
        Http: { Type: HttpApi }
`,
        't.yaml',
      ),
    );
    const types = Object.entries(sam?.template.Resources as Record<string, { Type: string }>)
      .filter(([, r]) => r.Type.includes('ApiGateway'))
      .map(([id, r]) => `${id} ${r.Type}`);
    expect(types).toEqual(
      expect.arrayContaining([
        'Api AWS::ApiGateway::RestApi',
        'ApiStage0c8ecc62cb AWS::ApiGateway::Stage',
        'ServerlessRestApi AWS::ApiGateway::RestApi',
        'ServerlessRestApiProdStage AWS::ApiGateway::Stage',
        'ServerlessHttpApi AWS::ApiGatewayV2::Api',
        'ServerlessHttpApiApiGatewayDefaultStage AWS::ApiGatewayV2::Stage',
      ]),
    );
  });

  it('applies Globals: maps merge (the resource wins), lists are the global items then the resource items', () => {
    expect(mergeGlobal({ a: 1, b: { c: 1 } }, { b: { d: 2 } })).toEqual({ a: 1, b: { c: 1, d: 2 } });
    expect(mergeGlobal(['x'], ['y'])).toEqual(['x', 'y']);
    expect(mergeGlobal('global', 'local')).toBe('local');
    expect(mergeGlobal({ a: 1 }, { Ref: 'P' })).toEqual({ Ref: 'P' });
  });

  it('passes a stage whose TracingEnabled comes from Globals, and fails one that turns it off', () => {
    const inventory = build(`Globals:
  Api: { TracingEnabled: true }
Resources:
  On: { Type: AWS::Serverless::Api, Properties: { StageName: prod } }
  Off: { Type: AWS::Serverless::Api, Properties: { StageName: prod, TracingEnabled: false } }
`);
    const tracing = Object.fromEntries(
      inventory.apis.map((a) => [a.id, a.stages.find((s) => s.name === 'prod')?.tracing]),
    );
    expect(tracing).toEqual({ On: true, Off: false });
  });

  it('copies the SAM Condition onto what it generates', () => {
    const sam = expandSam(
      parseTemplate(
        `Conditions: { IsProd: !Equals [a, a] }\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Condition: IsProd\n    Properties: { StageName: prod }\n`,
        't.yaml',
      ),
    );
    const resources = sam?.template.Resources as Record<string, { Condition?: string }>;
    expect(resources.Api.Condition).toBe('IsProd');
    expect(resources.ApiprodStage.Condition).toBe('IsProd');
  });
});

describe('SAM expansion: what is unknown', () => {
  it('fails with an error notice naming a SAM property the builder does not model', () => {
    const inventory = build(
      `Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties: { StageName: prod, FancyNewThing: 1 }\n`,
    );
    const notice = inventory.notices.find((n) => n.code === 'SAM_PROPERTY_NOT_MODELLED');
    expect(notice?.level).toBe('error');
    expect(notice?.message).toContain('FancyNewThing');
    expect(notice?.source.logicalId).toBe('Api');
  });

  it('makes the operations unknown when the definition is in S3 or in a local file, naming DefinitionUri', () => {
    const inventory = build(`Resources:
  S3: { Type: AWS::Serverless::Api, Properties: { StageName: prod, DefinitionUri: s3://bucket/api.yaml } }
  Local: { Type: AWS::Serverless::Api, Properties: { StageName: prod, DefinitionUri: ./api.yaml } }
`);
    const byId = Object.fromEntries(inventory.apis.map((a) => [a.id, a.operationsUnresolved]));
    expect(byId.S3).toMatch(/S3/);
    expect(byId.Local).toMatch(/DefinitionUri of Local names a local file/);
  });

  it('makes the operations unknown when DefinitionBody is an AWS::Include (or any intrinsic), never an empty API', () => {
    const include = "{ 'Fn::Transform': { Name: AWS::Include, Parameters: { Location: s3://bucket/api.yaml } } }";
    const inventory = build(`Resources:
  Rest: { Type: AWS::Serverless::Api, Properties: { StageName: prod, DefinitionBody: ${include} } }
  Http: { Type: AWS::Serverless::HttpApi, Properties: { DefinitionBody: ${include} } }
`);
    for (const api of inventory.apis) expect(api.operationsUnresolved).toMatch(/Fn::Transform/);
  });

  it('fails an event that attaches to an API the template does not declare, with an error notice', () => {
    expect(
      codes(`Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get: { Type: Api, Properties: { RestApiId: !ImportValue shared-api, Path: /, Method: get } }
`),
    ).toEqual(['warning SAM_TRANSFORM_MISSING', 'error SAM_EVENT_API_UNKNOWN']);
  });

  it('fails an event whose Path is not a string, and one with a property the builder does not read', () => {
    expect(
      codes(`Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Computed: { Type: Api, Properties: { Path: !Sub '/\${AWS::Region}', Method: get } }
        Extra: { Type: Api, Properties: { Path: /x, Method: get, Auth: { OverrideApiAuth: true } } }
`),
    ).toEqual(['error SAM_INVALID', 'error SAM_PROPERTY_NOT_MODELLED']);
  });

  it('fails an HttpApi Auth key SAM does not know, a WebSocket route key the builder does not read, and warns on nested applications', () => {
    expect(
      codes(`Transform: AWS::Serverless-2016-10-31
Resources:
  Http: { Type: AWS::Serverless::HttpApi, Properties: { Auth: { Defaults: x } } }
  Ws:
    Type: AWS::Serverless::WebSocketApi
    Properties:
      RouteSelectionExpression: $request.body.action
      Routes: { $connect: { FunctionArn: arn, Throttle: 1 } }
  Nested: { Type: AWS::Serverless::Application, Properties: { Location: ./app.yaml } }
`),
    ).toEqual(['error SAM_INVALID', 'error SAM_PROPERTY_NOT_MODELLED', 'warning SAM_APPLICATION_NOT_EVALUATED']);
  });

  it('keeps an unresolved StageName unknown rather than guessing it', () => {
    const inventory = build(`Parameters: { Stage: { Type: String } }
Resources:
  Api: { Type: AWS::Serverless::Api, Properties: { StageName: !Ref Stage } }
`);
    const stage = inventory.apis[0].stages.find((s) => s.declaredBy === 'stage');
    expect(isUnresolved(stage?.name)).toBe(true);
  });
});
