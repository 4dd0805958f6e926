import { App, Stack, aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { fromTemplate } from '../../lib/model/template';
import type { Api } from '../../lib/model/types';
import { apiById, buildYaml } from './helpers';

const wsApi = `
  Ws:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: ws, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action }`;

const route = (id: string, key: string, extra = ''): string => `
  ${id}:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: !Ref Ws, RouteKey: ${key}${extra} }`;

const connectOps = (api: Api) => api.operations.filter((op) => op.routeKey === '$connect');

describe('fromTemplate: the implicit $connect route of a WebSocket API', () => {
  it('fails open like AWS: a WebSocket API without $connect gets an implicit $connect with authorization NONE', () => {
    const api = apiById(
      buildYaml(`Resources:${wsApi}${route('Send', 'sendMessage')}${route('Default', '$default')}`),
      'Ws',
    );
    const [implicit] = connectOps(api);
    expect(implicit).toEqual(
      expect.objectContaining({
        method: '',
        path: '$connect',
        routeKey: '$connect',
        implicit: true,
        auth: { type: 'NONE', scopes: [], apiKeyRequired: false },
      }),
    );
    expect(implicit.source).toEqual({ ...api.source, pointer: 'implicit $connect route (none declared)' });
    expect(implicit.integration).toBeUndefined();
    expect(api.operations).toHaveLength(3);
  });

  it('adds nothing when the API declares $connect', () => {
    const api = apiById(
      buildYaml(`Resources:${wsApi}${route('Connect', '$connect', ', AuthorizationType: AWS_IAM')}`),
      'Ws',
    );
    expect(connectOps(api)).toEqual([expect.objectContaining({ auth: expect.objectContaining({ type: 'AWS_IAM' }) })]);
    expect(connectOps(api)[0].implicit).toBeUndefined();
  });

  it('adds nothing when a route key is unresolved (that route may be $connect)', () => {
    const api = apiById(
      buildYaml(`Parameters: { Key: { Type: String } }\nResources:${wsApi}${route('Any', '!Ref Key')}`),
      'Ws',
    );
    expect(api.operations.some((op) => op.implicit)).toBe(false);
  });

  it('adds nothing to HTTP APIs or to WebSocket APIs outside the template', () => {
    const inventory = buildYaml(`
Resources:
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: http, ProtocolType: HTTP }
  Ext:
    Type: AWS::ApiGatewayV2::Route
    Properties: { ApiId: abc123, RouteKey: $disconnect }`);
    expect(apiById(inventory, 'Http').operations).toEqual([]);
    const external = apiById(inventory, 'external:abc123');
    expect(external.kind).toBe('websocket');
    expect(external.operations.map((op) => op.routeKey)).toEqual(['$disconnect']);
  });

  it('models a CDK WebSocketApi without connectRouteOptions with the implicit $connect, and one with it without', () => {
    const synth = (withConnect: boolean): Api => {
      const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
      const stack = new Stack(app, 'WsStack');
      const api = new apigwv2.WebSocketApi(
        stack,
        'Ws',
        withConnect ? { connectRouteOptions: { integration: new WebSocketMockIntegration('Connect') } } : {},
      );
      if (!withConnect) api.addRoute('sendMessage', { integration: new WebSocketMockIntegration('Send') });
      return fromTemplate(Template.fromStack(stack).toJSON(), { stackName: 'WsStack' }).apis[0];
    };
    const open = connectOps(synth(false));
    expect(open).toEqual([
      expect.objectContaining({
        implicit: true,
        source: expect.objectContaining({ constructPath: 'WsStack/Ws/Resource' }),
      }),
    ]);
    const declared = connectOps(synth(true));
    expect(declared).toEqual([
      expect.objectContaining({ source: expect.objectContaining({ resourceType: 'AWS::ApiGatewayV2::Route' }) }),
    ]);
    expect(declared[0].implicit).toBeUndefined();
  });
});
