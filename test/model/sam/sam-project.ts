/** A small but complete SAM project template: REST (explicit + implicit), HTTP and WebSocket APIs. */
export const SAM_PROJECT = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  CertificateArn:
    Type: String
    Default: arn:aws:acm:eu-west-1:111111111111:certificate/abc
Globals:
  Function:
    Runtime: nodejs20.x
    Handler: index.handler
    CodeUri: s3://bucket/code.zip
  Api:
    TracingEnabled: true
    MethodSettings:
      - ResourcePath: /*
        HttpMethod: '*'
        LoggingLevel: ERROR
        MetricsEnabled: true
        ThrottlingRateLimit: 100
        ThrottlingBurstLimit: 50
Resources:
  AccessLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 365
  UserPool:
    Type: AWS::Cognito::UserPool
  OrdersApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      OpenApiVersion: '3.0.1'
      EndpointConfiguration: REGIONAL
      AccessLogSetting:
        DestinationArn: !GetAtt AccessLogs.Arn
        Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp"}'
      Auth:
        DefaultAuthorizer: Cognito
        Authorizers:
          Cognito:
            UserPoolArn: !GetAtt UserPool.Arn
        UsagePlan:
          CreateUsagePlan: PER_API
          Throttle: { RateLimit: 100, BurstLimit: 50 }
          Quota: { Limit: 10000, Period: DAY }
      Domain:
        DomainName: api.example.com
        CertificateArn: !Ref CertificateArn
        SecurityPolicy: TLS_1_2
      Tags:
        data-classification: internal
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        List:
          Type: Api
          Properties: { RestApiId: !Ref OrdersApi, Path: /orders, Method: get }
        Health:
          Type: Api
          Properties: { Path: /health, Method: get }
        Http:
          Type: HttpApi
          Properties:
            ApiId: !Ref ChatHttpApi
            Path: /messages
            Method: post
  ChatHttpApi:
    Type: AWS::Serverless::HttpApi
    Properties:
      AccessLogSettings:
        DestinationArn: !GetAtt AccessLogs.Arn
        Format: '{"requestId":"$context.requestId"}'
      Auth:
        DefaultAuthorizer: Jwt
        Authorizers:
          Jwt:
            IdentitySource: $request.header.Authorization
            JwtConfiguration:
              issuer: https://issuer.example.com
              audience: [chat]
  Socket:
    Type: AWS::Serverless::WebSocketApi
    Properties:
      RouteSelectionExpression: $request.body.action
      Routes:
        $connect:
          FunctionArn: !GetAtt OrdersFunction.Arn
`;
