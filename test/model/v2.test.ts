import { isUnresolved } from '../../lib/model/value';
import { apiById, buildYaml } from './helpers';

describe('fromTemplate: HTTP and WebSocket APIs', () => {
  const inventory = buildYaml(`
Resources:
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: http
      ProtocolType: HTTP
      Tags: { owner: team-b }
      CorsConfiguration:
        AllowOrigins: ['*']
        AllowCredentials: true
  Jwt:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Http
      AuthorizerType: JWT
      IdentitySource: [$request.header.Authorization]
      JwtConfiguration:
        Audience: [client-1]
        Issuer: https://issuer.example.com
  Backend:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Http
      IntegrationType: HTTP_PROXY
      IntegrationUri: https://backend.example.com
      ConnectionType: VPC_LINK
  GetOrders:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Http
      RouteKey: GET /orders
      AuthorizationType: JWT
      AuthorizerId: !Ref Jwt
      AuthorizationScopes: [orders.read]
      Target: !Join [/, [integrations, !Ref Backend]]
  Default:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Http
      RouteKey: $default
      Target: !Sub integrations/\${Backend}
  Logs:
    Type: AWS::Logs::LogGroup
    Properties: { LogGroupName: /http/access, RetentionInDays: 30 }
  Stage:
    Type: AWS::ApiGatewayV2::Stage
    Properties:
      ApiId: !Ref Http
      StageName: $default
      DefaultRouteSettings:
        ThrottlingRateLimit: 20
        ThrottlingBurstLimit: 10
        DetailedMetricsEnabled: true
      RouteSettings:
        GET /orders:
          ThrottlingRateLimit: 5
      AccessLogSettings:
        DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:/http/access
        Format: $context.requestId
  Ws:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: ws
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
  Connect:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Ws
      RouteKey: $connect
      AuthorizationType: AWS_IAM
  Quick:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: quick
      ProtocolType: HTTP
      Target: !GetAtt Fn.Arn
  Fn:
    Type: AWS::Lambda::Function
`);

  it('models an HTTP API with CORS, JWT authorizer, routes and integrations', () => {
    const api = apiById(inventory, 'Http');
    expect(api.kind).toBe('http');
    expect(api.endpointTypes).toEqual(['REGIONAL']);
    expect(api.tags).toEqual({ owner: 'team-b' });
    expect(api.cors).toEqual([
      expect.objectContaining({ from: 'v2-config', allowOrigins: ['*'], allowCredentials: true }),
    ]);
    expect(api.authorizers[0]).toEqual(
      expect.objectContaining({
        id: 'Jwt',
        type: 'JWT',
        identitySource: ['$request.header.Authorization'],
        jwtAudience: ['client-1'],
        jwtIssuer: 'https://issuer.example.com',
      }),
    );
    const get = api.operations.find((op) => op.routeKey === 'GET /orders');
    expect(get).toEqual(expect.objectContaining({ method: 'GET', path: '/orders' }));
    expect(get?.auth.type).toBe('JWT');
    expect(get?.auth.scopes).toEqual(['orders.read']);
    expect(get?.auth.authorizer && !isUnresolved(get.auth.authorizer) ? get.auth.authorizer.id : undefined).toBe('Jwt');
    expect(get?.integration).toEqual(
      expect.objectContaining({ type: 'HTTP_PROXY', uri: 'https://backend.example.com', connectionType: 'VPC_LINK' }),
    );
    const fallback = api.operations.find((op) => op.routeKey === '$default');
    expect(fallback).toEqual(expect.objectContaining({ method: 'ANY', path: '$default' }));
    expect(fallback?.integration?.type).toBe('HTTP_PROXY');
  });

  it('models the v2 stage: default route settings, route overrides, access log by literal ARN', () => {
    const stage = apiById(inventory, 'Http').stages[0];
    expect(stage.name).toBe('$default');
    expect(stage.settings).toEqual({ metrics: true, throttle: { rateLimit: 20, burstLimit: 10 } });
    expect(stage.overrides).toEqual([{ path: '/orders', method: 'GET', settings: { throttle: { rateLimit: 5 } } }]);
    const group = stage.accessLog?.logGroup;
    expect(group && !isUnresolved(group) ? group.retentionDays : undefined).toBe(30);
  });

  it('models WebSocket route keys with an empty method', () => {
    const api = apiById(inventory, 'Ws');
    expect(api.kind).toBe('websocket');
    expect(api.operations[0]).toEqual(expect.objectContaining({ method: '', path: '$connect', routeKey: '$connect' }));
    expect(api.operations[0].auth.type).toBe('AWS_IAM');
  });

  it('gives a quick-create API its implicit $default route and stage', () => {
    const api = apiById(inventory, 'Quick');
    expect(api.operations).toEqual([
      expect.objectContaining({
        path: '$default',
        routeKey: '$default',
        integration: expect.objectContaining({ type: 'AWS_PROXY', uri: '${Fn.Arn}' }),
      }),
    ]);
    expect(api.stages.map((stage) => stage.name)).toEqual(['$default']);
    expect(api.stages[0].accessLog).toBeUndefined();
  });

  it('applies ApiGatewayManagedOverrides to the implicit stage and route of a quick-create API', () => {
    const quick = buildYaml(`
Resources:
  Fn:
    Type: AWS::Lambda::Function
  Quick:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: quick, ProtocolType: HTTP, Target: !GetAtt Fn.Arn }
  Logs:
    Type: AWS::Logs::LogGroup
  Overrides:
    Type: AWS::ApiGatewayV2::ApiGatewayManagedOverrides
    Properties:
      ApiId: !Ref Quick
      Route: { AuthorizationType: AWS_IAM }
      Stage:
        AccessLogSettings: { DestinationArn: !GetAtt Logs.Arn, Format: $context.requestId }
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 25 }
`);
    const api = apiById(quick, 'Quick');
    expect(api.operations[0].auth.type).toBe('AWS_IAM');
    expect(api.stages[0].settings.throttle).toEqual({ rateLimit: 50, burstLimit: 25 });
    const group = api.stages[0].accessLog?.logGroup;
    expect(group && !isUnresolved(group) ? group.source.logicalId : group).toBe('Logs');
  });

  it('fails to link a route whose target is not an integration of the template', () => {
    const other = buildYaml(`
Resources:
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: { ProtocolType: HTTP, Name: h }
  Route:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: !Ref Http
      RouteKey: POST /x
      Target: !Sub integrations/\${IntegrationIdParam}
Parameters:
  IntegrationIdParam: { Type: String }
`);
    const type = apiById(other, 'Http').operations[0].integration?.type;
    expect(isUnresolved(type)).toBe(true);
  });
});
