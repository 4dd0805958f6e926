import { CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { MockIntegration } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiUserPool,
  HttpApiAuthorization,
  RestApiAuthorization,
  SecureHttpApi,
  SecureRestApi,
  type SecureRestApiProps,
} from '../../lib/constructs';
import { OWNERSHIP, newStack } from './fixtures';
import { HTTP_NO_WAF } from './matrix-fixtures';
import { constructError } from './helpers';

/** Issue 14 item 7: construct props that synthesized (or crashed with a TypeError) are refused with the fix. */
function restApi(extra: Partial<SecureRestApiProps>): SecureRestApi {
  return new SecureRestApi(newStack(), 'Api', { ...OWNERSHIP, authorization: RestApiAuthorization.iam(), ...extra });
}

describe('cors.allowOrigins', () => {
  it('fails with E_CORS_ORIGINS (not a TypeError) when it is a string, and shows it wrapped in an array', () => {
    const error = constructError(() => restApi({ cors: { allowOrigins: 'https://a.com' as unknown as string[] } }));
    expect(error.code).toBe('E_CORS_ORIGINS');
    expect(error.received).toBe('"https://a.com"');
    expect(error.fix).toContain('allowOrigins: ["https://a.com"]');
  });

  it.each(['confidential', 'restricted'] as const)('fails on an http:// origin in the %s tier', (tier) => {
    const error = constructError(() =>
      restApi({
        dataClassification: tier,
        cors: { allowOrigins: ['https://app.example.com', 'http://app.example.com'] },
      }),
    );
    expect(error.code).toBe('E_CORS_ORIGINS');
    expect(error.received).toBe('["http://app.example.com"]');
    expect(error.fix).toContain('"https://app.example.com"');
  });

  it('fails on an http:// origin of a confidential HTTP API too', () => {
    const error = constructError(
      () =>
        new SecureHttpApi(newStack(), 'Api', {
          ...OWNERSHIP,
          ...HTTP_NO_WAF,
          authorization: HttpApiAuthorization.iam(),
          cors: { allowOrigins: ['http://localhost:3000'] },
        }),
    );
    expect(error.code).toBe('E_CORS_ORIGINS');
  });

  it.each(['public', 'internal'] as const)('accepts an http:// origin in the %s tier', (tier) => {
    const api = restApi({ dataClassification: tier, cors: { allowOrigins: ['http://localhost:3000'] } });
    api.root.addMethod('GET', new MockIntegration());
    Template.fromStack(Stack.of(api)).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'OPTIONS' });
  });
});

describe('throttle', () => {
  it('fails with E_THROTTLE_INVALID when burstLimit is below rateLimit, naming the bound', () => {
    const error = constructError(() => restApi({ throttle: { rateLimit: 500, burstLimit: 10 } }));
    expect(error.code).toBe('E_THROTTLE_INVALID');
    expect(error.message).toContain('at least rateLimit (500)');
    expect(error.fix).toMatch(/burstLimit between 500 and \d+/);
  });

  it('accepts a burst equal to the rate', () => {
    const api = restApi({ throttle: { rateLimit: 50, burstLimit: 50 } });
    api.root.addMethod('GET', new MockIntegration());
    Template.fromStack(Stack.of(api)).hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 50 })]),
    });
  });
});

describe('dataClassification', () => {
  it('fails with E_DATA_CLASSIFICATION when it is a token (a CfnParameter): the tier would be unknowable', () => {
    const stack = newStack();
    const tier = new CfnParameter(stack, 'Tier', { default: 'public' }).valueAsString;
    const error = constructError(
      () =>
        new SecureRestApi(stack, 'Api', {
          owner: 'team',
          dataClassification: tier as 'public',
          authorization: RestApiAuthorization.iam(),
        }),
    );
    expect(error.code).toBe('E_DATA_CLASSIFICATION');
    expect(error.fix).toMatch(/literal tier/);
  });

  it('fails on a token classification of the user pool construct too', () => {
    const stack = newStack();
    const tier = new CfnParameter(stack, 'Tier').valueAsString;
    const error = constructError(
      () =>
        new ApiUserPool(stack, 'Users', {
          owner: 'team',
          dataClassification: tier as 'public',
          resourceServerIdentifier: 'orders',
          scopes: [{ name: 'read', description: 'Read' }],
        }),
    );
    expect(error.code).toBe('E_DATA_CLASSIFICATION');
  });

  it('fails on a misspelt tier, naming the nearest one', () => {
    const error = constructError(() => restApi({ dataClassification: 'confidental' as 'confidential' }));
    expect(error.code).toBe('E_DATA_CLASSIFICATION');
    expect(error.fix).toContain("Did you mean 'confidential'?");
  });
});
