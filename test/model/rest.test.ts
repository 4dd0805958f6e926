import { isUnresolved } from '../../lib/model/value';
import { apiById, buildYaml } from './helpers';

const REST = `
Parameters:
  StageName:
    Type: String
    Default: prod
  Audience:
    Type: String
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Metadata:
      aws:cdk:path: App/Api/Resource
    Properties:
      Name: !Sub '\${AWS::StackName}-orders'
      EndpointConfiguration:
        Types: [REGIONAL]
      Tags:
        - Key: owner
          Value: team-a
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !GetAtt Api.RootResourceId
      PathPart: orders
  OrderId:
    Type: AWS::ApiGateway::Resource
    Properties:
      RestApiId: !Ref Api
      ParentId: !Ref Orders
      PathPart: '{id}'
  Pool:
    Type: AWS::Cognito::UserPool
  Auth:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Type: COGNITO_USER_POOLS
      IdentitySource: method.request.header.Authorization
      ProviderARNs: [!GetAtt Pool.Arn]
  BodyValidator:
    Type: AWS::ApiGateway::RequestValidator
    Properties:
      RestApiId: !Ref Api
      ValidateRequestBody: true
  GetOrder:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref OrderId
      HttpMethod: get
      AuthorizationType: COGNITO_USER_POOLS
      AuthorizerId: !Ref Auth
      AuthorizationScopes: [orders/read]
      RequestValidatorId: !Ref BodyValidator
      RequestParameters:
        method.request.path.id: true
      Integration:
        Type: HTTP_PROXY
        Uri: https://backend.example.com/orders/{id}
        IntegrationHttpMethod: GET
  RootAny:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: ANY
      ApiKeyRequired: true
      Integration:
        Type: MOCK
  Preflight:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref Orders
      HttpMethod: OPTIONS
      Integration:
        Type: MOCK
        IntegrationResponses:
          - StatusCode: '204'
            ResponseParameters:
              method.response.header.Access-Control-Allow-Origin: "'*'"
              method.response.header.Access-Control-Allow-Credentials: "'true'"
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties:
      RestApiId: !Ref Api
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 90
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: !Ref StageName
      TracingEnabled: true
      Variables:
        backend: !Ref Audience
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: '*'
          LoggingLevel: error
          ThrottlingRateLimit: 100
          ThrottlingBurstLimit: 50
        - ResourcePath: /~1orders~1{id}
          HttpMethod: GET
          DataTraceEnabled: true
      AccessLogSetting:
        DestinationArn: !GetAtt Logs.Arn
        Format: '{"requestId":"$context.requestId"}'
  Unauthorized:
    Type: AWS::ApiGateway::GatewayResponse
    Properties:
      RestApiId: !Ref Api
      ResponseType: UNAUTHORIZED
      ResponseParameters:
        gatewayresponse.header.Access-Control-Allow-Origin: "'https://app.example.com'"
  Account:
    Type: AWS::ApiGateway::Account
    Properties:
      CloudWatchRoleArn: arn:aws:iam::123456789012:role/apigw-logs
`;

describe('fromTemplate: REST resources', () => {
  const inventory = buildYaml(REST, 'OrdersStack');
  const api = apiById(inventory, 'Api');

  it('models the API with its source, endpoint types and tags', () => {
    expect(api.kind).toBe('rest');
    expect(api.external).toBe(false);
    expect(api.name).toBe('OrdersStack-orders');
    expect(api.endpointTypes).toEqual(['REGIONAL']);
    expect(api.tags).toEqual({ owner: 'team-a' });
    expect(api.disableExecuteApiEndpoint).toBe(false);
    expect(api.source).toEqual({
      logicalId: 'Api',
      resourceType: 'AWS::ApiGateway::RestApi',
      templatePath: 'test.yaml',
      stackName: 'OrdersStack',
      constructPath: 'App/Api/Resource',
    });
  });

  it('builds full resource paths and method auth, validators and integrations', () => {
    const get = api.operations.find((op) => op.method === 'GET');
    expect(get?.path).toBe('/orders/{id}');
    expect(get?.auth.type).toBe('COGNITO_USER_POOLS');
    expect(get?.auth.scopes).toEqual(['orders/read']);
    const authorizer = get?.auth.authorizer;
    expect(authorizer && !isUnresolved(authorizer) ? authorizer.id : undefined).toBe('Auth');
    expect(api.authorizers[0].identitySource).toEqual(['method.request.header.Authorization']);
    expect(api.authorizers[0].providerArns).toEqual(['${Pool.Arn}']);
    expect(get?.validator && !isUnresolved(get.validator) ? get.validator.validateBody : undefined).toBe(true);
    expect(get?.requestParameters).toEqual({ 'method.request.path.id': true });
    expect(get?.integration?.type).toBe('HTTP_PROXY');
    expect(get?.integration?.uri).toBe('https://backend.example.com/orders/{id}');
    const any = api.operations.find((op) => op.method === 'ANY');
    expect(any?.path).toBe('/');
    expect(any?.auth).toEqual({ type: 'NONE', scopes: [], apiKeyRequired: true });
  });

  it('reads CORS from preflight integration responses and gateway responses', () => {
    expect(api.cors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'preflight', allowOrigins: ['*'], allowCredentials: true }),
        expect.objectContaining({ from: 'gateway-response', allowOrigins: ['https://app.example.com'] }),
      ]),
    );
    expect(api.gatewayResponses[0].type).toBe('UNAUTHORIZED');
  });

  it('models the stage: parameter default name, settings, overrides, access log to the log group', () => {
    expect(api.stages).toHaveLength(1);
    const stage = api.stages[0];
    expect(stage.name).toBe('prod');
    expect(stage.declaredBy).toBe('stage');
    expect(stage.tracing).toBe(true);
    expect(stage.settings.loggingLevel).toBe('ERROR');
    expect(stage.settings.throttle).toEqual({ rateLimit: 100, burstLimit: 50 });
    expect(stage.overrides).toEqual([
      { path: '/orders/{id}', method: 'GET', settings: { dataTrace: true, throttle: {} } },
    ]);
    expect(stage.accessLog?.format).toBe('{"requestId":"$context.requestId"}');
    const group = stage.accessLog?.logGroup;
    expect(group && !isUnresolved(group) ? group.retentionDays : undefined).toBe(90);
    expect(stage.waf).toBeUndefined();
  });

  it('fails to know a stage variable from a parameter without default (unresolved, not a guess)', () => {
    const backend = api.stages[0].variables.backend;
    expect(isUnresolved(backend) && backend.because).toBe('parameter Audience has no default');
  });

  it('models the account logging role', () => {
    expect(inventory.account?.cloudWatchRoleArn).toBe('arn:aws:iam::123456789012:role/apigw-logs');
    expect(inventory.notices).toEqual([]);
  });
});
