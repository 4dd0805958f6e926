import { App, Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpMethod, HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  HTTP_ACCESS_LOG_FIELDS,
  HttpApiAuthorization,
  SecureHttpApi,
  SecureWebSocketApi,
  WEBSOCKET_ACCESS_LOG_FIELDS,
  WebSocketApiAuthorization,
} from '../../lib/constructs';
import { OWNERSHIP, authorizerFunction, httpApiStack, newStack, userPool, webSocketApiStack } from './fixtures';
import { acknowledgedOn, constructError } from './helpers';

/** HTTP APIs cannot attach a web ACL: where the tier requires one, the tests say how the API is protected. */
const HTTP_OWNERSHIP = {
  ...OWNERSHIP,
  relax: { noWaf: { reason: 'Fronted by CloudFront with the org web ACL (distribution E2ABC)' } },
};

describe('SecureHttpApi defaults', () => {
  const stack = newStack();
  httpApiStack(stack);
  const template = Template.fromStack(stack);

  test('Cognito JWT authorizer (audience = app client) with scopes on every route', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Audience: [{ Ref: Match.stringLikeRegexp('MachineClient') }], Issuer: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'GET /events',
      AuthorizationType: 'JWT',
      AuthorizationScopes: ['orders/read'],
    });
  });

  test('stage: auto-deploy, default throttle, detailed metrics, JSON access logs to a retained group', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200, DetailedMetricsEnabled: true },
    });
    expect(JSON.parse(stage.AccessLogSettings.Format)).toEqual(HTTP_ACCESS_LOG_FIELDS);
    template.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ RetentionInDays: 365 }),
    });
  });

  test('tags, no CORS configuration, no account role (HTTP APIs have no execution logs)', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      Tags: { owner: 'team-orders', 'data-classification': 'confidential' },
      CorsConfiguration: Match.absent(),
    });
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
  });
});

describe('SecureHttpApi options and guards', () => {
  test('CORS allowlist and relaxations with acknowledgements', () => {
    const stack = newStack();
    const api = new SecureHttpApi(stack, 'Api', {
      ...HTTP_OWNERSHIP,
      authorization: HttpApiAuthorization.jwt({
        issuer: 'https://issuer.example.com',
        audience: ['client-1'],
        scopes: ['events/read'],
      }),
      cors: { allowOrigins: ['https://app.example.com'] },
      relax: {
        noWaf: { reason: 'Behind CloudFront + WAF (dist E123)' },
        throttlingOff: { reason: 'Throttled at CloudFront' },
      },
    });
    api.api.addRoutes({
      path: '/x',
      methods: [HttpMethod.GET],
      integration: new HttpUrlIntegration('I', 'https://b.example.com'),
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://app.example.com'], AllowCredentials: false },
    });
    const stage = Object.values(t.findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
    expect(stage.DefaultRouteSettings?.ThrottlingRateLimit).toBeUndefined();
    const acks = acknowledgedOn(api);
    expect(acks['ApiGuardrails::http-api-waf']).toBe('Behind CloudFront + WAF (dist E123)');
    expect(acks['ApiGuardrails::stage-throttling']).toBe('Throttled at CloudFront');
  });

  test('public HTTP API is acknowledged as v2-route-authorization', () => {
    const stack = newStack();
    const api = new SecureHttpApi(stack, 'Api', {
      ...HTTP_OWNERSHIP,
      authorization: HttpApiAuthorization.publicAccess({ reason: 'Open data' }),
    });
    api.api.addRoutes({
      path: '/x',
      methods: [HttpMethod.GET],
      integration: new HttpUrlIntegration('I', 'https://b.example.com'),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { AuthorizationType: 'NONE' });
    expect(acknowledgedOn(api)['ApiGuardrails::v2-route-authorization']).toBe('Open data');
  });

  test('fails on a JWT authorizer without scopes', () => {
    const stack = newStack();
    const error = constructError(
      () =>
        new SecureHttpApi(stack, 'Api', {
          ...HTTP_OWNERSHIP,
          authorization: HttpApiAuthorization.jwt({ issuer: 'https://i', audience: ['a'], scopes: [] }),
        }),
    );
    expect(error.code).toBe('E_COGNITO_SCOPES_REQUIRED');
  });

  test('fails on a Cognito authorizer without app clients', () => {
    const stack = newStack();
    const pool = userPool(stack);
    const error = constructError(
      () =>
        new SecureHttpApi(stack, 'Api', {
          ...HTTP_OWNERSHIP,
          authorization: HttpApiAuthorization.cognito({
            userPool: pool.userPool,
            userPoolClients: [],
            scopes: ['orders/read'],
          }),
        }),
    );
    expect(error.code).toBe('E_COGNITO_SCOPES_REQUIRED');
  });

  test('fails on a CORS origin with a path', () => {
    const stack = newStack();
    const error = constructError(
      () =>
        new SecureHttpApi(stack, 'Api', {
          ...HTTP_OWNERSHIP,
          authorization: HttpApiAuthorization.iam(),
          cors: { allowOrigins: ['https://app.example.com/path'] },
        }),
    );
    expect(error.code).toBe('E_CORS_ORIGINS');
  });

  test('fails on a Lambda authorizer cache beyond the tier maximum', () => {
    const stack = newStack();
    const error = constructError(
      () =>
        new SecureHttpApi(stack, 'Api', {
          ...HTTP_OWNERSHIP,
          authorization: HttpApiAuthorization.lambda({
            handler: authorizerFunction(stack),
            resultsCacheTtl: Duration.hours(1),
          }),
        }),
    );
    expect(error.code).toBe('E_AUTHORIZER_CACHE_TTL');
  });

  test('fails where the tier requires a WAF and no relax.noWaf says how the HTTP API is protected', () => {
    const error = constructError(
      () =>
        new SecureHttpApi(newStack(), 'Api', {
          owner: 'o',
          dataClassification: 'internal',
          authorization: HttpApiAuthorization.iam(),
        }),
    );
    expect(error.code).toBe('E_WAF_REQUIRED');
    expect(error.fix).toMatch(/relax: \{ noWaf/);
  });

  test('an internal-tier HTTP API is allowed (REGIONAL) once relax.noWaf says how it is protected', () => {
    const api = new SecureHttpApi(newStack(), 'Api', {
      owner: 'o',
      dataClassification: 'internal',
      authorization: HttpApiAuthorization.iam(),
      relax: { noWaf: { reason: 'Fronted by CloudFront with the org web ACL' } },
    });
    expect(acknowledgedOn(api)['ApiGuardrails::http-api-waf']).toBe('Fronted by CloudFront with the org web ACL');
  });

  test('fails synth when a route opts out of the authorizer (deny by default)', () => {
    const stack = newStack(new App());
    const api = new SecureHttpApi(stack, 'Api', { ...HTTP_OWNERSHIP, authorization: HttpApiAuthorization.iam() });
    api.api.addRoutes({
      path: '/open',
      methods: [HttpMethod.GET],
      integration: new HttpUrlIntegration('I', 'https://b.example.com'),
      authorizer: new HttpNoneAuthorizer(),
    });
    expect(() => Template.fromStack(stack)).toThrow(/E_UNAUTHORIZED_METHOD.*GET \/open/);
  });
});

describe('SecureWebSocketApi', () => {
  const stack = newStack();
  const api = webSocketApiStack(stack);
  const template = Template.fromStack(stack);

  test('$connect carries the Lambda REQUEST authorizer; other routes ride on the connection', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.header.Authorization'],
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'CUSTOM' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$disconnect', AuthorizationType: 'NONE' });
    expect(acknowledgedOn(api.api)['AwsSolutions-APIG4']).toMatch(/only \$connect/);
  });

  test('stage: ERROR execution logs, no data trace, throttle, metrics, JSON access logs, account role dependency', () => {
    const [stageId, stage] = Object.entries(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      LoggingLevel: 'ERROR',
      DataTraceEnabled: false,
      DetailedMetricsEnabled: true,
      ThrottlingRateLimit: 100,
      ThrottlingBurstLimit: 200,
    });
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toEqual(WEBSOCKET_ACCESS_LOG_FIELDS);
    const [accountId] = Object.keys(template.findResources('AWS::ApiGateway::Account'));
    expect(template.toJSON().Resources[stageId].DependsOn).toEqual(expect.arrayContaining([accountId]));
  });

  test('INFO logging and relaxations', () => {
    const s = newStack();
    const ws = new SecureWebSocketApi(s, 'Ws', {
      ...OWNERSHIP,
      authorization: WebSocketApiAuthorization.iam(),
      connectIntegration: new WebSocketMockIntegration('C'),
      loggingLevel: 'INFO',
      relax: { dataTraceOn: { reason: 'Debug window SEC-9' }, accessLoggingOff: { reason: 'SEC-9' } },
    });
    const stage = Object.values(Template.fromStack(s).findResources('AWS::ApiGatewayV2::Stage'))[0].Properties;
    expect(stage.DefaultRouteSettings).toMatchObject({ LoggingLevel: 'INFO', DataTraceEnabled: true });
    expect(stage.AccessLogSettings).toBeUndefined();
    expect(acknowledgedOn(ws)['ApiGuardrails::data-trace']).toBe('Debug window SEC-9');
  });

  test('fails without a $connect integration', () => {
    const s = newStack();
    const error = constructError(
      () =>
        new SecureWebSocketApi(s, 'Ws', {
          ...OWNERSHIP,
          authorization: WebSocketApiAuthorization.iam(),
          connectIntegration: undefined as never,
        }),
    );
    expect(error.code).toBe('E_WEBSOCKET_AUTHORIZATION');
  });

  test('fails on data trace together with execution logging off', () => {
    const s = newStack();
    const error = constructError(
      () =>
        new SecureWebSocketApi(s, 'Ws', {
          ...OWNERSHIP,
          authorization: WebSocketApiAuthorization.iam(),
          connectIntegration: new WebSocketMockIntegration('C'),
          relax: { dataTraceOn: { reason: 'a' }, executionLoggingOff: { reason: 'b' } },
        }),
    );
    expect(error.code).toBe('E_CONFLICTING_PROPS');
  });
});

describe('SecureHttpApi without an authorization choice', () => {
  it('fails with E_AUTHORIZATION_REQUIRED naming the factories', () => {
    const error = constructError(
      () =>
        new SecureHttpApi(newStack(), 'Http', { ...OWNERSHIP } as unknown as ConstructorParameters<
          typeof SecureHttpApi
        >[2]),
    );
    expect(error.code).toBe('E_AUTHORIZATION_REQUIRED');
    expect(error.fix).toContain('HttpApiAuthorization.');
  });
});
