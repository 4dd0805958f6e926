import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { MockIntegration } from 'aws-cdk-lib/aws-apigateway';
import { REST_ACCESS_LOG_FIELDS, RestApiAuthorization, SecureRestApi } from '../../lib/constructs';
import { OWNERSHIP, newStack, restApiStack, userPool } from './fixtures';

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
    // The construct exposes the ARN of the web ACL it created, the one the association names.
    const [webAclId] = Object.keys(template.findResources('AWS::WAFv2::WebACL'));
    expect(association.Properties.WebACLArn).toEqual({ 'Fn::GetAtt': [webAclId, 'Arn'] });
    expect(stack.resolve(api.webAclArn)).toEqual({ 'Fn::GetAtt': [webAclId, 'Arn'] });
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
