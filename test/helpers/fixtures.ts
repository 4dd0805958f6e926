/**
 * Small CloudFormation building blocks for rule tables. Each returns a Resources map fragment; spread
 * several into one object: `{ ...restApi(), ...restStage({ TracingEnabled: true }) }`.
 */
type Props = Record<string, unknown>;

export function restApi(props: Props = {}, id = 'Api'): Props {
  return { [id]: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: id, ...props } } };
}

export function restDeployment(id = 'Deployment', apiId = 'Api', props: Props = {}): Props {
  return { [id]: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: apiId }, ...props } } };
}

/** A stage (with its deployment) of the REST API `apiId`. */
export function restStage(props: Props = {}, id = 'Stage', apiId = 'Api'): Props {
  return {
    ...restDeployment(`${id}Deployment`, apiId),
    [id]: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: { RestApiId: { Ref: apiId }, DeploymentId: { Ref: `${id}Deployment` }, StageName: 'prod', ...props },
    },
  };
}

/** A method on the root resource of `apiId`. */
export function restMethod(props: Props = {}, id = 'Method', apiId = 'Api'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: apiId },
        ResourceId: { 'Fn::GetAtt': [apiId, 'RootResourceId'] },
        HttpMethod: 'GET',
        Integration: { Type: 'MOCK' },
        ...props,
      },
    },
  };
}

export function httpApi(props: Props = {}, id = 'HttpApi'): Props {
  return { [id]: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: id, ProtocolType: 'HTTP', ...props } } };
}

export function webSocketApi(props: Props = {}, id = 'WsApi'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: id, ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action', ...props },
    },
  };
}

export function v2Stage(props: Props = {}, id = 'V2Stage', apiId = 'HttpApi'): Props {
  return {
    [id]: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: { Ref: apiId }, StageName: '$default', ...props } },
  };
}

export function v2Route(routeKey: string, props: Props = {}, id = 'Route', apiId = 'HttpApi'): Props {
  return {
    [id]: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: apiId }, RouteKey: routeKey, ...props } },
  };
}

/** Stage-wide REST method settings ('/*', '*'). */
export function allMethods(settings: Props): Props[] {
  return [{ ResourcePath: '/*', HttpMethod: '*', ...settings }];
}
