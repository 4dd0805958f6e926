import { App, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AuthorizationType, EndpointType, MockIntegration } from 'aws-cdk-lib/aws-apigateway';
import { InterfaceVpcEndpoint, InterfaceVpcEndpointAwsService, Vpc } from 'aws-cdk-lib/aws-ec2';
import { Key } from 'aws-cdk-lib/aws-kms';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { REST_ACCESS_LOG_FIELDS, RestApiAuthorization, SecureRestApi } from '../../lib/constructs';
import { OWNERSHIP, authorizerFunction, newStack, restApiStack, userPool } from './fixtures';
import { acknowledgedOn, constructError } from './helpers';

function cognitoApi(extra: Partial<ConstructorParameters<typeof SecureRestApi>[2]> = {}, app = new App()) {
  const stack = newStack(app);
  const pool = userPool(stack);
  const api = new SecureRestApi(stack, 'Orders', {
    ...OWNERSHIP,
    authorization: RestApiAuthorization.cognito({ userPools: [pool.userPool], scopes: [pool.scopeId('read')] }),
    ...extra,
  });
  api.root.addResource('orders').addMethod('GET', new MockIntegration());
  return { stack, api, template: () => Template.fromStack(stack) };
}

describe('SecureRestApi defaults', () => {
  const stack = newStack();
  const api = restApiStack(stack);
  const template = Template.fromStack(stack);

  test('REGIONAL endpoint and owner / data-classification tags', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['REGIONAL'] },
      Tags: Match.arrayWith([
        { Key: 'data-classification', Value: 'confidential' },
        { Key: 'owner', Value: 'team-orders' },
      ]),
    });
  });

  test('stage: ERROR execution logs, no data trace, metrics, X-Ray and the default throttle', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      Description: Match.stringLikeRegexp('cdk-api-guardrails'),
      MethodSettings: [
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
          MetricsEnabled: true,
          ThrottlingRateLimit: 100,
          ThrottlingBurstLimit: 200,
        }),
      ],
    });
  });

  test('JSON access logs with the extended field set to a dedicated, retained log group', () => {
    const stage = Object.values(template.findResources('AWS::ApiGateway::Stage'))[0];
    const format = JSON.parse(stage.Properties.AccessLogSetting.Format);
    expect(format).toEqual(REST_ACCESS_LOG_FIELDS);
    expect(Object.values(format)).toEqual(
      expect.arrayContaining([
        '$context.requestId',
        '$context.identity.sourceIp',
        '$context.authorizer.principalId',
        '$context.wafResponseCode',
      ]),
    );
    const [logicalId] = stage.Properties.AccessLogSetting.DestinationArn['Fn::GetAtt'];
    const group = template.toJSON().Resources[logicalId];
    expect(group).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      DeletionPolicy: 'Retain',
      Properties: { RetentionInDays: 365 },
    });
  });

  test('confidential tier: the access log group gets its own rotated KMS key (standard requireKmsKey)', () => {
    const stage = Object.values(template.findResources('AWS::ApiGateway::Stage'))[0];
    const [logicalId] = stage.Properties.AccessLogSetting.DestinationArn['Fn::GetAtt'];
    const [keyId] = template.toJSON().Resources[logicalId].Properties.KmsKeyId['Fn::GetAtt'];
    expect(template.toJSON().Resources[keyId]).toMatchObject({
      Type: 'AWS::KMS::Key',
      Properties: { EnableKeyRotation: true },
    });
  });

  test('one account CloudWatch role, retained, and the stage depends on it (no per-API role)', () => {
    template.resourceCountIs('AWS::ApiGateway::Account', 1);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResource('AWS::ApiGateway::Account', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::IAM::Role', { DeletionPolicy: 'Retain' });
    const [accountId] = Object.keys(template.findResources('AWS::ApiGateway::Account'));
    template.hasResource('AWS::ApiGateway::Stage', { DependsOn: Match.arrayWith([accountId]) });
  });

  test('a WAF web ACL is created and associated with the stage', () => {
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    const [stageId] = Object.keys(template.findResources('AWS::ApiGateway::Stage'));
    const association = Object.values(template.findResources('AWS::WAFv2::WebACLAssociation'))[0];
    expect(JSON.stringify(association.Properties.ResourceArn)).toContain(stageId);
    expect(api.webAclArn).toBeDefined();
  });

  test('every method: Cognito authorizer with scopes and the body+parameters request validator', () => {
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
    const [validatorId] = Object.keys(template.findResources('AWS::ApiGateway::RequestValidator'));
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'GET',
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizationScopes: ['orders/read'],
      RequestValidatorId: { Ref: validatorId },
    });
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      AuthorizerResultTtlInSeconds: 300,
    });
  });

  test('no CORS: no OPTIONS method; 4XX/5XX gateway responses are JSON', () => {
    expect(
      Object.values(template.findResources('AWS::ApiGateway::Method')).map((m) => m.Properties.HttpMethod),
    ).toEqual(['GET']);
    template.resourceCountIs('AWS::ApiGateway::GatewayResponse', 2);
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'DEFAULT_5XX',
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('requestId') },
    });
  });

  test('two APIs in one stack share one account role', () => {
    const app = new App();
    const s = newStack(app);
    const pool = userPool(s);
    for (const id of ['A', 'B']) {
      const a = new SecureRestApi(s, id, {
        ...OWNERSHIP,
        authorization: RestApiAuthorization.cognito({ userPools: [pool.userPool], scopes: ['orders/read'] }),
      });
      a.root.addMethod('GET', new MockIntegration());
    }
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::ApiGateway::Account', 1);
    t.resourceCountIs('AWS::ApiGateway::Stage', 2);
  });
});

describe('SecureRestApi options', () => {
  test('CORS allowlist: OPTIONS preflight unauthenticated, other methods keep authorization', () => {
    const t = cognitoApi({ cors: { allowOrigins: ['https://app.example.com'] } }).template();
    const methods = Object.values(t.findResources('AWS::ApiGateway::Method')).map((m) => [
      m.Properties.HttpMethod,
      m.Properties.AuthorizationType,
    ]);
    expect(methods).toEqual(
      expect.arrayContaining([
        ['OPTIONS', 'NONE'],
        ['GET', 'COGNITO_USER_POOLS'],
      ]),
    );
    expect(JSON.stringify(t.toJSON())).toContain("'https://app.example.com'");
  });

  test('PRIVATE endpoint gets a resource policy limited to its VPC endpoints', () => {
    const app = new App();
    const stack = newStack(app);
    const vpc = new Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const endpoint = new InterfaceVpcEndpoint(stack, 'ExecuteApi', {
      vpc,
      service: InterfaceVpcEndpointAwsService.APIGATEWAY,
    });
    const api = new SecureRestApi(stack, 'Internal', {
      ...OWNERSHIP,
      authorization: RestApiAuthorization.iam(),
      endpointType: EndpointType.PRIVATE,
      vpcEndpoints: [endpoint],
    });
    api.root.addMethod('GET', new MockIntegration());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: [{ Ref: Match.anyValue() }] },
      Policy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpce': Match.anyValue() } } }),
          Match.objectLike({ Effect: 'Allow', Condition: { StringEquals: { 'aws:SourceVpce': Match.anyValue() } } }),
        ]),
      },
    });
    t.hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'AWS_IAM' });
    expect(acknowledgedOn(api)['AwsSolutions-COG4']).toMatch(/IAM/);
  });

  test('a shared web ACL is associated instead of creating one', () => {
    const { stack, template } = cognitoApi({
      webAcl: { webAclArn: 'arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/org/abc' },
    });
    const t = template();
    t.resourceCountIs('AWS::WAFv2::WebACL', 0);
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: 'arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/org/abc',
    });
    expect(stack).toBeDefined();
  });

  test('access logs: customer-managed KMS key, custom retention and removal policy', () => {
    const app = new App();
    const stack = newStack(app);
    const key = new Key(stack, 'LogsKey');
    const pool = userPool(stack);
    const api = new SecureRestApi(stack, 'Orders', {
      ...OWNERSHIP,
      authorization: RestApiAuthorization.cognito({ userPools: [pool.userPool], scopes: ['orders/read'] }),
      accessLogs: { encryptionKey: key, retention: RetentionDays.TWO_YEARS, removalPolicy: RemovalPolicy.DESTROY },
    });
    api.root.addMethod('GET', new MockIntegration());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Logs::LogGroup', {
      RetentionInDays: 731,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('LogsKey'), 'Arn'] },
    });
    const policy = JSON.stringify(Object.values(t.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy);
    expect(policy).toContain('logs.eu-west-1.');
    expect(policy).toContain('kms:EncryptionContext:aws:logs:arn');
  });

  test('Lambda authorizer in the restricted tier: cache TTL capped at 60 s, default throttle within the tier bound', () => {
    const app = new App();
    const stack = newStack(app);
    const api = new SecureRestApi(stack, 'Pay', {
      owner: 'team-pay',
      dataClassification: 'restricted',
      authorization: RestApiAuthorization.lambda({ handler: authorizerFunction(stack) }),
    });
    api.root.addMethod('GET', new MockIntegration());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::Authorizer', { Type: 'TOKEN', AuthorizerResultTtlInSeconds: 60 });
    t.hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'CUSTOM' });
    t.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 })],
    });
  });

  test('each relaxation turns its default off and records an acknowledgement with the reason', () => {
    const reason = 'Load test stage, ticket SEC-42';
    const { api, template } = cognitoApi({
      relax: {
        tracingOff: { reason },
        dataTraceOn: { reason },
        noWaf: { reason },
        accessLoggingOff: { reason },
        throttlingOff: { reason },
      },
    });
    const t = template();
    const stage = Object.values(t.findResources('AWS::ApiGateway::Stage'))[0].Properties;
    expect(stage.TracingEnabled).toBe(false);
    expect(stage.AccessLogSetting).toBeUndefined();
    expect(stage.MethodSettings[0].DataTraceEnabled).toBe(true);
    expect(stage.MethodSettings[0].ThrottlingRateLimit).toBeUndefined();
    t.resourceCountIs('AWS::WAFv2::WebACLAssociation', 0);
    const acks = acknowledgedOn(api);
    for (const rule of ['tracing', 'data-trace', 'stage-waf', 'stage-access-logging', 'stage-throttling'])
      expect(acks[`ApiGuardrails::${rule}`]).toBe(reason);
    expect(acks['AwsSolutions-APIG3']).toBe(reason);
  });

  test('execution logging off and public access are acknowledged', () => {
    const app = new App();
    const stack = newStack(app);
    const api = new SecureRestApi(stack, 'Open', {
      ...OWNERSHIP,
      authorization: RestApiAuthorization.publicAccess({ reason: 'Public catalogue, approved by CISO' }),
      relax: { executionLoggingOff: { reason: 'cost, SEC-7' } },
    });
    api.root.addMethod('GET', new MockIntegration());
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'NONE' });
    t.hasResourceProperties('AWS::ApiGateway::Stage', { MethodSettings: [Match.objectLike({ LoggingLevel: 'OFF' })] });
    const acks = acknowledgedOn(api);
    expect(acks['ApiGuardrails::rest-method-authorization']).toBe('Public catalogue, approved by CISO');
    expect(acks['ApiGuardrails::execution-logging']).toBe('cost, SEC-7');
  });
});

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
