import { App, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EndpointType, MockIntegration } from 'aws-cdk-lib/aws-apigateway';
import { InterfaceVpcEndpoint, InterfaceVpcEndpointAwsService, Vpc } from 'aws-cdk-lib/aws-ec2';
import { Key } from 'aws-cdk-lib/aws-kms';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { RestApiAuthorization, SecureRestApi } from '../../lib/constructs';
import { OWNERSHIP, authorizerFunction, newStack, userPool } from './fixtures';
import { acknowledgedOn } from './helpers';
import { cognitoApi } from './rest-api-helpers';

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
    const { api, template } = cognitoApi({
      webAcl: { webAclArn: 'arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/org/abc' },
    });
    const t = template();
    t.resourceCountIs('AWS::WAFv2::WebACL', 0);
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: 'arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/org/abc',
    });
    expect(api.webAclArn).toBe('arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/org/abc');
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
