import { record, type Json } from './common';
import type { Generated } from './domains';
import { passthrough, reportUnknown, type SamResourceIn } from './rest-api';

const KNOWN = new Set([
  'Name', 'Description', 'Routes', 'RouteSelectionExpression', 'Auth', 'StageName', 'StageVariables',
  'AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'Tags', 'DisableExecuteApiEndpoint',
  'DisableSchemaValidation', 'ApiKeySelectionExpression', 'PropagateTags', 'IpAddressType',
]); // prettier-ignore
const KNOWN_AUTH = new Set(['AuthType', 'AuthArn', 'IdentitySource', 'InvokeRole', 'Name']);
const KNOWN_ROUTE = new Set([
  'FunctionArn', 'ApiKeyRequired', 'IntegrationTimeout', 'ModelSelectionExpression', 'OperationName',
  'RequestModels', 'RequestParameters', 'RouteResponseSelectionExpression',
]); // prettier-ignore
const SPECIAL = new Set(['$connect', '$disconnect', '$default']);

function routeName(key: string): string {
  const clean = SPECIAL.has(key) ? key.slice(1) : key;
  return clean.charAt(0).toUpperCase() + clean.slice(1).toLowerCase();
}

/** AWS::Serverless::WebSocketApi → ApiGatewayV2 Api (WEBSOCKET), a route + integration per Routes entry, Stage. */
export function expandWebSocketApi(input: SamResourceIn): Generated {
  const { logicalId: id, resource } = input;
  const props = record(resource.Properties);
  reportUnknown(input, props, KNOWN);
  reportUnknown(input, record(props.Auth), KNOWN_AUTH, 'Auth.');
  for (const [key, spec] of Object.entries(record(props.Routes)))
    reportUnknown(input, record(spec), KNOWN_ROUTE, `Routes.${key}.`);
  const attributes = passthrough(resource);
  const routes = record(props.Routes);
  if (Object.keys(routes).length === 0) {
    input.notices.push({
      level: 'error',
      code: 'SAM_INVALID',
      message: `AWS::Serverless::WebSocketApi ${id} has no Routes: the SAM transform rejects it ("WebSocket API must have at least one route"). Add a Routes map with at least $connect.`,
      logicalId: id,
    });
  }
  const api: Json = {
    Name: props.Name ?? id,
    ProtocolType: 'WEBSOCKET',
    RouteSelectionExpression: props.RouteSelectionExpression,
    Tags: { 'websocketapi:createdBy': 'SAM', ...record(props.Tags) },
  };
  for (const key of [
    'Description',
    'DisableExecuteApiEndpoint',
    'DisableSchemaValidation',
    'ApiKeySelectionExpression',
  ])
    if (props[key] !== undefined) api[key] = props[key];
  const out: Generated = { [id]: { Type: 'AWS::ApiGatewayV2::Api', ...attributes, Properties: api } };
  const auth = record(props.Auth);
  for (const [key, raw] of Object.entries(routes)) {
    const spec = record(raw);
    const base = `${id}${routeName(key)}`;
    const route: Json = {
      ApiId: { Ref: id },
      RouteKey: key,
      Target: { 'Fn::Join': ['/', ['integrations', { Ref: `${base}Integration` }]] },
    };
    for (const field of ['ApiKeyRequired', 'ModelSelectionExpression', 'OperationName', 'RequestModels'])
      if (spec[field] !== undefined) route[field] = spec[field];
    if (spec.RequestParameters !== undefined) route.RequestParameters = spec.RequestParameters;
    if (key === '$connect' && auth.AuthType !== undefined) {
      route.AuthorizationType = auth.AuthType === 'CUSTOM' || auth.AuthType === 'AWS_IAM' ? auth.AuthType : 'NONE';
      if (auth.AuthType === 'CUSTOM') {
        const authorizerId = `${id}ConnectAuthorizer`;
        route.AuthorizerId = { Ref: authorizerId };
        out[authorizerId] = {
          Type: 'AWS::ApiGatewayV2::Authorizer',
          ...attributes,
          Properties: {
            ApiId: { Ref: id },
            AuthorizerType: 'REQUEST',
            Name: auth.Name ?? authorizerId,
            ...(auth.IdentitySource !== undefined ? { IdentitySource: auth.IdentitySource } : {}),
            ...(auth.AuthArn !== undefined
              ? {
                  AuthorizerUri: {
                    'Fn::Sub': [
                      'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthArn}/invocations',
                      { AuthArn: auth.AuthArn },
                    ],
                  },
                }
              : {}),
          },
        };
      }
    }
    out[`${base}Route`] = { Type: 'AWS::ApiGatewayV2::Route', ...attributes, Properties: route };
    out[`${base}Integration`] = {
      Type: 'AWS::ApiGatewayV2::Integration',
      ...attributes,
      Properties: {
        ApiId: { Ref: id },
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: {
          'Fn::Sub': [
            'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations',
            { FunctionArn: spec.FunctionArn },
          ],
        },
      },
    };
  }
  const stageName = props.StageName ?? 'default';
  const prefix = typeof stageName === 'string' ? stageName : '';
  const stageId = prefix === 'default' ? `${id}DefaultStage` : `${id}${prefix}Stage`;
  const stage: Json = {
    ApiId: { Ref: id },
    StageName: stageName,
    AutoDeploy: true,
    Tags: { 'websocketapi:createdBy': 'SAM' },
  };
  for (const key of ['StageVariables', 'AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings'])
    if (props[key] !== undefined) stage[key] = props[key];
  out[stageId] = { Type: 'AWS::ApiGatewayV2::Stage', ...attributes, Properties: stage };
  return out;
}
