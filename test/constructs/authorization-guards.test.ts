import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { MockIntegration } from 'aws-cdk-lib/aws-apigateway';
import {
  GuardrailsConstructError,
  HttpApiAuthorization,
  RestApiAuthorization,
  SecureHttpApi,
  SecureRestApi,
  SecureWebSocketApi,
  WebSocketApiAuthorization,
} from '../../lib/constructs';
import { authorizerFunction, newStack, OWNERSHIP } from './fixtures';

const NO_WAF = { noWaf: { reason: 'Fronted by CloudFront with the org web ACL (distribution E2ABC)' } };

function thrown(build: () => void): GuardrailsConstructError {
  try {
    build();
  } catch (error) {
    if (error instanceof GuardrailsConstructError) return error;
    throw error;
  }
  throw new Error('expected a GuardrailsConstructError');
}

function httpApi(authorization: HttpApiAuthorization): void {
  const api = new SecureHttpApi(newStack(), 'Events', { ...OWNERSHIP, authorization, relax: NO_WAF });
  api.addRoutes({
    path: '/events',
    methods: [HttpMethod.GET],
    integration: new HttpUrlIntegration('Events', 'https://events.example.com'),
  });
}

describe('authorization defaults that the issue-19 rules check', () => {
  it('fails to build a JWT authorizer whose issuer is not https (jwt-authorizer-claims)', () => {
    const error = thrown(() =>
      httpApi(
        HttpApiAuthorization.jwt({ issuer: 'http://idp.example.com', audience: ['app'], scopes: ['events/read'] }),
      ),
    );
    expect(error.code).toBe('E_JWT_ISSUER');
    expect(error.received).toBe('"http://idp.example.com"');
  });

  it('builds a JWT authorizer with an https issuer, audience and scopes', () => {
    expect(() =>
      httpApi(
        HttpApiAuthorization.jwt({ issuer: 'https://idp.example.com', audience: ['app'], scopes: ['events/read'] }),
      ),
    ).not.toThrow();
  });

  it('fails to build an HTTP Lambda authorizer with an empty identity source (lambda-authorizer-identity-source)', () => {
    const stack = newStack();
    const error = thrown(
      () =>
        new SecureHttpApi(stack, 'Events', {
          ...OWNERSHIP,
          authorization: HttpApiAuthorization.lambda({ handler: authorizerFunction(stack), identitySource: [] }),
          relax: NO_WAF,
        }),
    );
    expect(error.code).toBe('E_IDENTITY_SOURCE');
  });

  it('fails to build a REST Lambda authorizer with an empty identity source', () => {
    const stack = newStack();
    const error = thrown(() => {
      const api = new SecureRestApi(stack, 'Orders', {
        ...OWNERSHIP,
        authorization: RestApiAuthorization.lambda({
          handler: authorizerFunction(stack),
          type: 'request',
          identitySources: [],
        }),
      });
      api.root.addMethod('GET', new MockIntegration());
    });
    expect(error.code).toBe('E_IDENTITY_SOURCE');
  });

  it('fails to build a WebSocket $connect authorizer with an empty identity source', () => {
    const stack = newStack();
    const error = thrown(
      () =>
        new SecureWebSocketApi(stack, 'Live', {
          ...OWNERSHIP,
          authorization: WebSocketApiAuthorization.lambda({ handler: authorizerFunction(stack), identitySource: [] }),
          connectIntegration: new WebSocketMockIntegration('Connect'),
        }),
    );
    expect(error.code).toBe('E_IDENTITY_SOURCE');
    expect(error.fix).toMatch(/Authorization header/);
  });
});
