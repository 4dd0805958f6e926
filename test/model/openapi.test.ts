import { isUnresolved } from '../../lib/model/value';
import { apiById, buildYaml } from './helpers';

describe('fromTemplate: inline OpenAPI Body (REST)', () => {
  const inventory = buildYaml(`
Resources:
  Fn:
    Type: AWS::Lambda::Function
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        info: { title: body-api }
        x-amazon-apigateway-request-validators:
          all: { validateRequestBody: true, validateRequestParameters: true }
          none: { validateRequestBody: false, validateRequestParameters: false }
        x-amazon-apigateway-request-validator: all
        x-amazon-apigateway-policy:
          Version: '2012-10-17'
          Statement:
            - { Effect: Allow, Principal: '*', Action: execute-api:Invoke, Resource: execute-api:/* }
        x-amazon-apigateway-gateway-responses:
          DEFAULT_4XX:
            responseParameters:
              gatewayresponse.header.Access-Control-Allow-Origin: "'*'"
        security:
          - cognito: [orders/read]
        components:
          securitySchemes:
            cognito:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: cognito_user_pools
              x-amazon-apigateway-authorizer:
                type: cognito_user_pools
                providerARNs: [arn:aws:cognito-idp:eu-west-1:1:userpool/p]
            api_key: { type: apiKey, name: x-api-key, in: header }
            lambda:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: custom
              x-amazon-apigateway-authorizer:
                type: token
                authorizerUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
                authorizerResultTtlInSeconds: 3600
                identitySource: method.request.header.Authorization
          schemas:
            Order: { type: object, additionalProperties: false }
        paths:
          /orders:
            post:
              requestBody:
                content:
                  application/json: { schema: { $ref: '#/components/schemas/Order' } }
              x-amazon-apigateway-integration:
                type: aws_proxy
                httpMethod: POST
                uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
            get:
              security: [{ lambda: [] , api_key: [] }]
              x-amazon-apigateway-request-validator: none
              parameters:
                - { name: limit, in: query, required: true }
            options:
              security: []
              x-amazon-apigateway-integration:
                type: mock
                responses:
                  default:
                    responseParameters:
                      method.response.header.Access-Control-Allow-Origin: "'https://a.example.com'"
          /public:
            x-amazon-apigateway-any-method:
              security: [{}]
              x-amazon-apigateway-integration: { type: http_proxy, uri: http://plain.example.com }
`);
  const api = apiById(inventory, 'Api');
  const op = (method: string, path: string) => api.operations.find((o) => o.method === method && o.path === path);

  it('reads operations, marks the API as OpenAPI-defined and takes its title', () => {
    expect(api.definedByOpenApi).toBe(true);
    expect(api.name).toBe('body-api');
    expect(api.operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'ANY /public',
      'GET /orders',
      'OPTIONS /orders',
      'POST /orders',
    ]);
    expect(op('POST', '/orders')?.source.pointer).toBe('paths./orders.post');
  });

  it('applies root security with scopes, operation security, API keys and empty security', () => {
    const post = op('POST', '/orders');
    expect(post?.auth.type).toBe('COGNITO_USER_POOLS');
    expect(post?.auth.scopes).toEqual(['orders/read']);
    const get = op('GET', '/orders');
    expect(get?.auth.type).toBe('CUSTOM');
    expect(get?.auth.apiKeyRequired).toBe(true);
    const authorizer = get?.auth.authorizer;
    expect(
      authorizer && !isUnresolved(authorizer)
        ? [authorizer.type, authorizer.resultTtlSeconds, authorizer.identitySource]
        : authorizer,
    ).toEqual(['TOKEN', 3600, ['method.request.header.Authorization']]);
    expect(op('ANY', '/public')?.auth.type).toBe('NONE');
    expect(op('OPTIONS', '/orders')?.auth.type).toBe('NONE');
  });

  it('reads validators (default and per operation), request parameters and models', () => {
    const post = op('POST', '/orders');
    expect(post?.validator && !isUnresolved(post.validator) ? post.validator.name : undefined).toBe('all');
    expect(post?.requestModels).toEqual({ 'application/json': 'Order' });
    const get = op('GET', '/orders');
    expect(get?.validator && !isUnresolved(get.validator) ? get.validator.validateParameters : undefined).toBe(false);
    expect(get?.requestParameters).toEqual({ 'method.request.querystring.limit': true });
    expect(api.models.map((m) => m.name)).toEqual(['Order']);
  });

  it('reads integrations, policy, gateway responses and CORS answers', () => {
    expect(op('POST', '/orders')?.integration).toEqual(
      expect.objectContaining({
        type: 'AWS_PROXY',
        uri: 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
      }),
    );
    expect(op('ANY', '/public')?.integration?.uri).toBe('http://plain.example.com');
    const policy = api.policy;
    expect(policy && !isUnresolved(policy) ? policy.Statement[0].Principal : undefined).toBe('*');
    expect(api.gatewayResponses[0].type).toBe('DEFAULT_4XX');
    expect(api.cors.map((c) => [c.from, c.allowOrigins])).toEqual(
      expect.arrayContaining([
        ['gateway-response', ['*']],
        ['preflight', ['https://a.example.com']],
      ]),
    );
  });

  it('fails to read operations from a Body that is unresolved', () => {
    const other = buildYaml(`
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body: !If [Cond, { openapi: 3.0.1 }, { swagger: '2.0' }]
`);
    expect(apiById(other, 'Api').operationsUnresolved).toMatch(/condition Cond/);
  });
});

describe('fromTemplate: inline OpenAPI Body (HTTP API)', () => {
  it('reads JWT authorizers, routes and x-amazon-apigateway-cors', () => {
    const inventory = buildYaml(`
Resources:
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Body:
        openapi: 3.0.1
        info: { title: http-body }
        x-amazon-apigateway-cors: { allowOrigins: ['https://a.example.com'], allowCredentials: true }
        components:
          securitySchemes:
            jwt:
              type: oauth2
              x-amazon-apigateway-authorizer:
                type: jwt
                identitySource: $request.header.Authorization
                jwtConfiguration: { audience: [aud], issuer: https://issuer }
        paths:
          /items:
            get:
              security: [{ jwt: [items.read] }]
              x-amazon-apigateway-integration: { type: http_proxy, uri: https://backend, payloadFormatVersion: '1.0' }
`);
    const api = apiById(inventory, 'Http');
    expect(api.kind).toBe('http');
    expect(api.name).toBe('http-body');
    const get = api.operations[0];
    expect(get.routeKey).toBe('GET /items');
    expect(get.auth.type).toBe('JWT');
    expect(get.auth.scopes).toEqual(['items.read']);
    const authorizer = get.auth.authorizer;
    expect(
      authorizer && !isUnresolved(authorizer)
        ? [authorizer.jwtAudience, authorizer.jwtIssuer, authorizer.identitySource]
        : authorizer,
    ).toEqual([['aud'], 'https://issuer', ['$request.header.Authorization']]);
    expect(api.cors).toEqual([
      expect.objectContaining({ from: 'v2-config', allowOrigins: ['https://a.example.com'], allowCredentials: true }),
    ]);
  });
});

describe('fromTemplate: OpenAPI operations the toolkit cannot read', () => {
  const build = (paths: string) =>
    apiById(
      buildYaml(`
Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Body:
        openapi: '3.0'
        info: { title: t }
        paths:
${paths}
`),
      'Http',
    );
  const op = (uri: string) =>
    `{ x-amazon-apigateway-integration: { type: http_proxy, httpMethod: POST, uri: '${uri}', payloadFormatVersion: '1.0' } }`;

  it('makes the operations unresolved, naming the path, when a path item is an Fn::If whose branches differ', () => {
    const api = build(`          /get:
            get: ${op('https://c.example/')}
          /post:
            Fn::If: [IsProd, { post: ${op('https://a.example/')} }, { post: ${op('https://b.example/')} }]`);
    // The readable path is still modelled; the other one must not vanish silently.
    expect(api.operations.map((o) => o.routeKey)).toEqual(['GET /get']);
    expect(api.operationsUnresolved).toBe(
      'path /post in the OpenAPI Body is unresolved (the value depends on condition IsProd)',
    );
  });

  it('names the operation when one verb is an Fn::If', () => {
    const api = build(`          /post:
            post:
              Fn::If: [IsProd, ${op('https://a.example/')}, ${op('https://b.example/')}]`);
    expect(api.operations).toEqual([]);
    expect(api.operationsUnresolved).toBe(
      'operation POST /post in the OpenAPI Body is unresolved (the value depends on condition IsProd)',
    );
  });

  it('reads an Fn::If whose branches are the same as that value', () => {
    const api = build(`          /post:
            Fn::If: [IsProd, { post: ${op('https://a.example/')} }, { post: ${op('https://a.example/')} }]`);
    expect(api.operations.map((o) => o.routeKey)).toEqual(['POST /post']);
    expect(api.operationsUnresolved).toBeUndefined();
  });
});
