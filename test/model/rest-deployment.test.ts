import { isUnresolved } from '../../lib/model/value';
import { apiById, buildYaml } from './helpers';

describe('fromTemplate: Deployment stages and external APIs', () => {
  it('creates a stage from Deployment StageName + StageDescription', () => {
    const inventory = buildYaml(`
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: a }
  Dep:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
      StageName: v1
      StageDescription:
        LoggingLevel: INFO
        MetricsEnabled: true
        CachingEnabled: true
        CacheDataEncrypted: false
        TracingEnabled: false
        MethodSettings:
          - ResourcePath: /*
            HttpMethod: '*'
            ThrottlingRateLimit: 10
        AccessLogSetting:
          DestinationArn: !Sub arn:aws:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:external-group
`);
    const stage = apiById(inventory, 'Api').stages[0];
    expect(stage.declaredBy).toBe('deployment');
    expect(stage.name).toBe('v1');
    expect(stage.settings).toEqual({
      loggingLevel: 'INFO',
      metrics: true,
      caching: true,
      cacheDataEncrypted: false,
      throttle: { rateLimit: 10 },
    });
    expect(stage.tracing).toBe(false);
    expect(stage.accessLog?.destinationArn).toBe(
      'arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:external-group',
    );
    expect(stage.accessLog?.logGroup).toEqual({
      unresolved: true,
      because: 'log group external-group is not in the template',
    });
  });

  it('fails to resolve an imported RestApiId: the stage belongs to an external API with unresolved fields', () => {
    const inventory = buildYaml(`
Resources:
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !ImportValue shared-api-id
      StageName: prod
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !ImportValue shared-api-id
      ResourceId: !ImportValue shared-root
      HttpMethod: GET
`);
    expect(inventory.apis).toHaveLength(1);
    const api = inventory.apis[0];
    expect(api.external).toBe(true);
    expect(isUnresolved(api.endpointTypes)).toBe(true);
    expect(api.operationsUnresolved).toMatch(/not in the template/);
    expect(api.stages).toHaveLength(1);
    expect(api.operations).toHaveLength(1);
  });

  it('fails to decide a value behind Fn::If with different branches, but keeps equal branches', () => {
    const inventory = buildYaml(`
Conditions:
  IsProd: !Equals [prod, prod]
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: !If [IsProd, same, same]
      DisableExecuteApiEndpoint: !If [IsProd, true, !Ref AWS::NoValue]
`);
    const api = apiById(inventory, 'Api');
    expect(api.name).toBe('same');
    expect(api.disableExecuteApiEndpoint).toEqual({
      unresolved: true,
      because: 'the value depends on condition IsProd',
    });
  });

  it('removes a property set to AWS::NoValue (AWS default applies)', () => {
    const inventory = buildYaml(`
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: x
      EndpointConfiguration:
        Types: !Ref AWS::NoValue
`);
    expect(apiById(inventory, 'Api').endpointTypes).toEqual(['EDGE']);
  });

  it('marks operations unresolved for BodyS3Location', () => {
    const inventory = buildYaml(`
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: { Bucket: b, Key: k }
`);
    expect(apiById(inventory, 'Api').operationsUnresolved).toMatch(/BodyS3Location/);
  });
});
