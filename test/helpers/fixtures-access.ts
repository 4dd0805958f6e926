/**
 * Building blocks for the access-control rule tables (authorization, API keys, authorizers, CORS, resource
 * policies, validation). Each returns a Resources map fragment, like test/helpers/fixtures.ts.
 */
type Props = Record<string, unknown>;

/** A resource `/pathPart` under the root of the REST API `apiId`. */
export function restResource(pathPart: string, id = 'Resource', apiId = 'Api'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::Resource',
      Properties: {
        RestApiId: { Ref: apiId },
        ParentId: { 'Fn::GetAtt': [apiId, 'RootResourceId'] },
        PathPart: pathPart,
      },
    },
  };
}

/** A method on the resource `resourceId` (a logical id made with `restResource`). */
export function restMethodOn(resourceId: string, props: Props = {}, id = 'Method', apiId = 'Api'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: apiId },
        ResourceId: { Ref: resourceId },
        HttpMethod: 'GET',
        Integration: { Type: 'MOCK' },
        ...props,
      },
    },
  };
}

/** The OPTIONS method CDK writes for `defaultCorsPreflightOptions`: MOCK, answering Access-Control-* headers. */
export function corsPreflightIntegration(origin = "'*'", extra: Record<string, string> = {}): Props {
  return {
    Type: 'MOCK',
    RequestTemplates: { 'application/json': '{ statusCode: 200 }' },
    IntegrationResponses: [
      {
        StatusCode: '204',
        ResponseParameters: {
          'method.response.header.Access-Control-Allow-Headers': "'Content-Type,Authorization'",
          'method.response.header.Access-Control-Allow-Origin': origin,
          'method.response.header.Access-Control-Allow-Methods': "'OPTIONS,GET,POST'",
          ...extra,
        },
      },
    ],
  };
}

export function corsPreflightMethodResponses(extra: string[] = []): Props[] {
  const headers = [
    'Access-Control-Allow-Headers',
    'Access-Control-Allow-Origin',
    'Access-Control-Allow-Methods',
    ...extra,
  ];
  return [
    {
      StatusCode: '204',
      ResponseParameters: Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, true])),
    },
  ];
}

/** A REST authorizer of the API `apiId`. */
export function restAuthorizer(props: Props = {}, id = 'Authorizer', apiId = 'Api'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::Authorizer',
      Properties: {
        RestApiId: { Ref: apiId },
        Name: id,
        Type: 'TOKEN',
        AuthorizerUri:
          'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111111111111:function:auth/invocations',
        IdentitySource: 'method.request.header.Authorization',
        ...props,
      },
    },
  };
}

/** A Cognito user pool authorizer of the API `apiId`. */
export function cognitoAuthorizer(props: Props = {}, id = 'Authorizer', apiId = 'Api'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::Authorizer',
      Properties: {
        RestApiId: { Ref: apiId },
        Name: id,
        Type: 'COGNITO_USER_POOLS',
        ProviderARNs: ['arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_abc'],
        IdentitySource: 'method.request.header.Authorization',
        ...props,
      },
    },
  };
}

/** A v2 authorizer (JWT by default) of the API `apiId`. */
export function v2Authorizer(props: Props = {}, id = 'V2Authorizer', apiId = 'HttpApi'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGatewayV2::Authorizer',
      Properties: {
        ApiId: { Ref: apiId },
        Name: id,
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: ['client-id'],
          Issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
        },
        ...props,
      },
    },
  };
}

/** A v2 Lambda (REQUEST) authorizer. */
export function v2LambdaAuthorizer(props: Props = {}, id = 'V2Authorizer', apiId = 'HttpApi'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGatewayV2::Authorizer',
      Properties: {
        ApiId: { Ref: apiId },
        Name: id,
        AuthorizerType: 'REQUEST',
        AuthorizerUri:
          'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111111111111:function:auth/invocations',
        AuthorizerPayloadFormatVersion: '2.0',
        IdentitySource: ['$request.header.Authorization'],
        ...props,
      },
    },
  };
}

/** A resource policy statement. */
export function statement(props: Props): Props {
  return { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', ...props };
}

export function policyDocument(...statements: Props[]): Props {
  return { Version: '2012-10-17', Statement: statements };
}

/** A REST request validator. */
export function requestValidator(props: Props = {}, id = 'Validator', apiId = 'Api'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::RequestValidator',
      Properties: { RestApiId: { Ref: apiId }, ValidateRequestBody: true, ValidateRequestParameters: true, ...props },
    },
  };
}

/** A REST model (JSON schema). */
export function restModel(name: string, schema: unknown, id = 'Model', apiId = 'Api'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::Model',
      Properties: { RestApiId: { Ref: apiId }, Name: name, ContentType: 'application/json', Schema: schema },
    },
  };
}

/** A REST gateway response. */
export function gatewayResponse(type: string, props: Props = {}, id = `Response${type}`, apiId = 'Api'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::GatewayResponse',
      Properties: { RestApiId: { Ref: apiId }, ResponseType: type, ...props },
    },
  };
}

/** CloudFormation tag list. */
export function tags(map: Record<string, unknown>): Props[] {
  return Object.entries(map).map(([Key, Value]) => ({ Key, Value }));
}

/** A copy of `resources` with property `prop` removed from resource `logicalId`. */
export function withoutProperty(resources: Props, logicalId: string, prop: string): Props {
  const resource = resources[logicalId] as { Type: string; Properties: Props };
  const { [prop]: _removed, ...rest } = resource.Properties;
  return { ...resources, [logicalId]: { ...resource, Properties: rest } };
}
