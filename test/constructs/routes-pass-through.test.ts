import { Template } from 'aws-cdk-lib/assertions';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  HttpApiAuthorization,
  RestApiAuthorization,
  SecureHttpApi,
  SecureRestApi,
  SecureWebSocketApi,
  WebSocketApiAuthorization,
  type SecureRestApiProps,
} from '../../lib/constructs';
import { OWNERSHIP, authorizerFunction, newStack } from './fixtures';
import { constructError } from './helpers';
import { HTTP_NO_WAF } from './matrix-fixtures';

describe('SecureHttpApi.addRoutes', () => {
  it('adds routes that inherit the API authorizer (IAM here)', () => {
    const stack = newStack();
    const api = new SecureHttpApi(stack, 'Api', {
      ...OWNERSHIP,
      ...HTTP_NO_WAF,
      authorization: HttpApiAuthorization.iam(),
    });
    const routes = api.addRoutes({
      path: '/orders',
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration: new HttpUrlIntegration('Backend', 'https://backend.example.com'),
    });
    expect(routes).toHaveLength(2);
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /orders',
      AuthorizationType: 'AWS_IAM',
    });
  });
});

describe('SecureWebSocketApi.addRoute', () => {
  it('adds a message route on the authorized connection', () => {
    const stack = newStack();
    const api = new SecureWebSocketApi(stack, 'Live', {
      ...OWNERSHIP,
      authorization: WebSocketApiAuthorization.lambda({ handler: authorizerFunction(stack) }),
      connectIntegration: new WebSocketMockIntegration('Connect'),
    });
    api.addRoute('subscribe', { integration: new WebSocketMockIntegration('Subscribe') });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'subscribe' });
  });
});

describe('apiProps pass-through', () => {
  function restApi(apiProps: unknown): SecureRestApi {
    return new SecureRestApi(newStack(), 'Api', {
      ...OWNERSHIP,
      authorization: RestApiAuthorization.iam(),
      apiProps: apiProps as SecureRestApiProps['apiProps'],
    });
  }

  it('passes plain props with no security meaning to the RestApi', () => {
    const api = restApi({ binaryMediaTypes: ['image/png'], minCompressionSize: undefined });
    api.root.addMethod('GET');
    Template.fromStack(api.api.stack).hasResourceProperties('AWS::ApiGateway::RestApi', {
      BinaryMediaTypes: ['image/png'],
    });
  });

  it.each([
    ['policy', { policy: {} }, /endpointType: EndpointType.PRIVATE/],
    ['deployOptions', { deployOptions: { tracingEnabled: false } }, /relax/],
    ['defaultMethodOptions', { defaultMethodOptions: {} }, /authorization/],
    ['cloudWatchRole', { cloudWatchRole: true }, /accountCloudWatchRole/],
  ])('fails with E_PLAIN_PROP_REFUSED for the security-relevant %s, naming the construct prop', (_key, props, way) => {
    const error = constructError(() => restApi(props));
    expect(error.code).toBe('E_PLAIN_PROP_REFUSED');
    expect(error.fix).toMatch(way);
  });

  it('fails with E_UNKNOWN_PROP on a mistyped pass-through prop, naming the nearest', () => {
    const error = constructError(() => restApi({ binaryMediaType: ['image/png'] }));
    expect(error.code).toBe('E_UNKNOWN_PROP');
    expect(error.fix).toContain('apiProps.binaryMediaTypes');
  });

  it('fails for an HTTP API given corsPreflight, pointing at cors', () => {
    const error = constructError(
      () =>
        new SecureHttpApi(newStack(), 'Api', {
          ...OWNERSHIP,
          ...HTTP_NO_WAF,
          authorization: HttpApiAuthorization.iam(),
          apiProps: { corsPreflight: { allowOrigins: ['*'] } } as never,
        }),
    );
    expect(error.code).toBe('E_PLAIN_PROP_REFUSED');
    expect(error.fix).toBe('Set it through cors.');
  });
});
