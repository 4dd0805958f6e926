import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AuthorizationType, EndpointType, MockIntegration } from 'aws-cdk-lib/aws-apigateway';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { RestApiAuthorization, SecureRestApi } from '../../lib/constructs';
import { OWNERSHIP, authorizerFunction, newStack, userPool } from './fixtures';
import { constructError } from './helpers';
import { cognitoApi } from './rest-api-helpers';

describe('SecureRestApi guards', () => {
  const cognito = () => {
    const stack = newStack();
    const pool = userPool(stack);
    return { stack, auth: RestApiAuthorization.cognito({ userPools: [pool.userPool], scopes: ['orders/read'] }) };
  };

  test.each([
    ['fails without an owner', { owner: ' ' }, 'E_OWNER_REQUIRED'],
    ['fails with an unknown data classification', { dataClassification: 'secret' }, 'E_DATA_CLASSIFICATION'],
    ['fails on a relaxation without a reason', { relax: { tracingOff: { reason: '' } } }, 'E_ACK_REASON_REQUIRED'],
    ['fails on PRIVATE without VPC endpoints', { endpointType: EndpointType.PRIVATE }, 'E_PRIVATE_ENDPOINT'],
    [
      'fails on a shared web ACL together with noWaf',
      { webAcl: { webAclArn: 'arn' }, relax: { noWaf: { reason: 'x' } } },
      'E_CONFLICTING_PROPS',
    ],
    [
      'fails on a throttle above the tier bound',
      { throttle: { rateLimit: 50_000, burstLimit: 100 } },
      'E_THROTTLE_INVALID',
    ],
    ['fails on a negative throttle', { throttle: { rateLimit: -1, burstLimit: 10 } }, 'E_THROTTLE_INVALID'],
    [
      'fails on throttle together with throttlingOff',
      { throttle: { rateLimit: 10, burstLimit: 10 }, relax: { throttlingOff: { reason: 'x' } } },
      'E_CONFLICTING_PROPS',
    ],
    ['fails on a wildcard CORS origin', { cors: { allowOrigins: ['*'] } }, 'E_CORS_ORIGINS'],
    [
      'fails on infinite access log retention',
      { accessLogs: { retention: RetentionDays.INFINITE } },
      'E_LOG_RETENTION',
    ],
    [
      'fails on access log retention below the tier minimum',
      { accessLogs: { retention: RetentionDays.ONE_MONTH } },
      'E_LOG_RETENTION',
    ],
    [
      'fails on an EDGE API in the confidential tier (the standard allows REGIONAL and PRIVATE)',
      { endpointType: EndpointType.EDGE },
      'E_ENDPOINT_TYPES',
    ],
    [
      'fails on INFO execution logs in the restricted tier',
      { dataClassification: 'restricted', loggingLevel: 'INFO' },
      'E_CONFLICTING_PROPS',
    ],
    ['fails without an authorization choice', { authorization: undefined }, 'E_AUTHORIZATION_REQUIRED'],
    [
      'fails on loggingLevel together with executionLoggingOff',
      { loggingLevel: 'INFO', relax: { executionLoggingOff: { reason: 'x' } } },
      'E_CONFLICTING_PROPS',
    ],
  ])('%s', (_name, extra, code) => {
    const { stack, auth } = cognito();
    const error = constructError(
      () => new SecureRestApi(stack, 'Api', { ...OWNERSHIP, authorization: auth, ...(extra as object) }),
    );
    expect(error.code).toBe(code);
    expect(error.message).toContain('Received:');
    expect(error.message).toContain('Fix:');
  });

  test('fails on Cognito authorization without scopes', () => {
    const stack = newStack();
    const pool = userPool(stack);
    const error = constructError(
      () =>
        new SecureRestApi(stack, 'Api', {
          ...OWNERSHIP,
          authorization: RestApiAuthorization.cognito({ userPools: [pool.userPool], scopes: [] }),
        }),
    );
    expect(error.code).toBe('E_COGNITO_SCOPES_REQUIRED');
  });

  test('fails on an authorizer cache longer than the tier allows', () => {
    const stack = newStack();
    const error = constructError(
      () =>
        new SecureRestApi(stack, 'Api', {
          owner: 'o',
          dataClassification: 'restricted',
          authorization: RestApiAuthorization.lambda({
            handler: authorizerFunction(stack),
            resultsCacheTtl: Duration.minutes(5),
          }),
        }),
    );
    expect(error.code).toBe('E_AUTHORIZER_CACHE_TTL');
    expect(error.received).toBe('"300 s"');
  });

  test('fails on public access without a reason', () => {
    const stack = newStack();
    expect(
      constructError(
        () =>
          new SecureRestApi(stack, 'Api', {
            ...OWNERSHIP,
            authorization: RestApiAuthorization.publicAccess({ reason: '  ' }),
          }),
      ).code,
    ).toBe('E_ACK_REASON_REQUIRED');
  });

  test('fails synth when a method opts out of authorization (deny by default)', () => {
    const { stack, api } = cognitoApi();
    api.root
      .addResource('open')
      .addMethod('GET', new MockIntegration(), { authorizationType: AuthorizationType.NONE, authorizer: undefined });
    expect(() => Template.fromStack(stack)).toThrow(/E_UNAUTHORIZED_METHOD.*GET \/open/);
  });
});
