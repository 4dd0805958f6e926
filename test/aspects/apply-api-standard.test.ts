import { App, PropertyInjectors, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { ApplyApiStandard, REMEDIATION_METADATA_KEY, RestApiDefaults, StageDefaults, TagApis } from '../../aspects';

const ACL = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/org/abc';

function stackWith(build: (stack: Stack) => void, configure?: (app: App) => void): Template {
  const app = new App();
  configure?.(app);
  const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
  build(stack);
  return Template.fromStack(stack);
}

function plainRestApi(stack: Stack, deployOptions: apigw.StageOptions = {}): apigw.RestApi {
  const api = new apigw.RestApi(stack, 'Api', { deployOptions, cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
  return api;
}

function restStage(template: Template): Record<string, unknown> {
  const stages = template.findResources('AWS::ApiGateway::Stage');
  return Object.values(stages)[0] as Record<string, unknown>;
}

describe('ApplyApiStandard on REST APIs', () => {
  it('brings a plain RestApi stage up to the standard and records every change', () => {
    const template = stackWith((stack) => {
      plainRestApi(stack);
      ApplyApiStandard.to(stack, { webAclArn: ACL });
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      MethodSettings: [
        Match.objectLike({
          ResourcePath: '/*',
          HttpMethod: '*',
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
          ThrottlingRateLimit: 100,
          ThrottlingBurstLimit: 200,
        }),
      ],
      AccessLogSetting: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('GuardrailsAccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: ACL });
    const changes = (restStage(template).Metadata as Record<string, string[]>)[REMEDIATION_METADATA_KEY];
    expect(changes).toEqual(
      expect.arrayContaining([
        'execution logging set to ERROR',
        'X-Ray tracing turned on',
        'associated with the organisation web ACL',
        'JSON access logs sent to a new log group with finite retention',
      ]),
    );
  });

  it('never weakens a stricter setting: lower throttle limits, INFO logging and existing tracing stay', () => {
    const template = stackWith((stack) => {
      plainRestApi(stack, {
        throttlingRateLimit: 10,
        throttlingBurstLimit: 5,
        loggingLevel: apigw.MethodLoggingLevel.INFO,
        tracingEnabled: true,
      });
      ApplyApiStandard.to(stack);
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [Match.objectLike({ LoggingLevel: 'INFO', ThrottlingRateLimit: 10, ThrottlingBurstLimit: 5 })],
    });
    const changes = (restStage(template).Metadata as Record<string, string[]>)[REMEDIATION_METADATA_KEY];
    expect(changes.join()).not.toMatch(/throttling|tracing|execution logging/);
  });

  it('fails open limits and unsafe overrides closed: data trace off, OFF raised to ERROR, limits capped', () => {
    const template = stackWith((stack) => {
      plainRestApi(stack, {
        throttlingRateLimit: 5000,
        dataTraceEnabled: true,
        methodOptions: {
          '/*/GET': { loggingLevel: apigw.MethodLoggingLevel.OFF, throttlingRateLimit: 9000, dataTraceEnabled: true },
        },
      });
      ApplyApiStandard.to(stack);
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: [
        Match.objectLike({ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 100, DataTraceEnabled: false }),
        Match.objectLike({
          HttpMethod: 'GET',
          LoggingLevel: 'ERROR',
          ThrottlingRateLimit: 100,
          DataTraceEnabled: false,
        }),
      ],
    });
  });

  it('is idempotent: applied twice, it adds one log group and one association and records no second change', () => {
    const template = stackWith((stack) => {
      plainRestApi(stack);
      ApplyApiStandard.to(stack, { webAclArn: ACL });
      ApplyApiStandard.to(stack, { webAclArn: ACL });
    });
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    const changes = (restStage(template).Metadata as Record<string, string[]>)[REMEDIATION_METADATA_KEY];
    expect(new Set(changes).size).toBe(changes.length);
  });

  it('adds no second association when the stage already has one (a duplicate would fail deployment)', () => {
    const template = stackWith((stack) => {
      const api = plainRestApi(stack);
      new wafv2.CfnWebACLAssociation(stack, 'Existing', {
        resourceArn: api.deploymentStage.stageArn,
        webAclArn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/team/x',
      });
      ApplyApiStandard.to(stack, { webAclArn: ACL });
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: Match.stringLikeRegexp('team') });
  });
});

describe('ApplyApiStandard on HTTP and WebSocket APIs', () => {
  it('gives HTTP stages access logs and throttling, and no execution-logging settings (HTTP APIs have none)', () => {
    const template = stackWith((stack) => {
      new apigwv2.HttpApi(stack, 'Http');
      ApplyApiStandard.to(stack);
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: { Format: Match.stringLikeRegexp('routeKey') },
    });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
      Properties: { DefaultRouteSettings: Record<string, unknown> };
    };
    expect(stage.Properties.DefaultRouteSettings.LoggingLevel).toBeUndefined();
  });

  it('gives WebSocket stages execution logging at ERROR', () => {
    const template = stackWith((stack) => {
      const api = new apigwv2.WebSocketApi(stack, 'Ws');
      new apigwv2.WebSocketStage(stack, 'Prod', { webSocketApi: api, stageName: 'prod', autoDeploy: true });
      ApplyApiStandard.to(stack);
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ LoggingLevel: 'ERROR' }),
      AccessLogSettings: { Format: Match.stringLikeRegexp('connectionId') },
    });
  });
});

describe('TagApis', () => {
  it('adds owner and classification tags, never overwriting a tag the API has', () => {
    const template = stackWith((stack) => {
      const api = plainRestApi(stack);
      (api.node.defaultChild as apigw.CfnRestApi).tags.setTag('owner', 'payments');
      ApplyApiStandard.to(stack, { tags: { owner: 'platform', dataClassification: 'internal' } });
    });
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      Tags: Match.arrayWith([{ Key: 'owner', Value: 'payments' }]),
    });
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      Tags: Match.arrayWith([{ Key: 'data-classification', Value: 'internal' }]),
    });
  });

  it('fails with E_TAG_VALUE on an empty owner, naming the value received', () => {
    expect(() => new TagApis({ owner: ' ', dataClassification: 'internal' })).toThrow(
      /E_TAG_VALUE: TagApis: owner must be a non-empty string, received " "/,
    );
  });
});

describe('property injectors', () => {
  it('inject the stage defaults into every RestApi stage, and REGIONAL endpoints', () => {
    const template = stackWith(
      (stack) => plainRestApi(stack),
      (app) => PropertyInjectors.of(app).add(new StageDefaults(), new RestApiDefaults()),
    );
    template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      AccessLogSetting: Match.objectLike({ Format: Match.stringLikeRegexp('principal') }),
      MethodSettings: [Match.objectLike({ LoggingLevel: 'ERROR', DataTraceEnabled: false, ThrottlingRateLimit: 100 })],
    });
  });

  it('let explicit user props win (the rules judge them)', () => {
    const template = stackWith(
      (stack) => plainRestApi(stack, { tracingEnabled: false }),
      (app) => PropertyInjectors.of(app).add(new StageDefaults()),
    );
    template.hasResourceProperties('AWS::ApiGateway::Stage', { TracingEnabled: false });
  });
});
