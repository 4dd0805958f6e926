import { fromTemplate, parseTemplate } from '../../../lib/model/template';
import type { Operation } from '../../../lib/model/types';
import { isUnresolved } from '../../../lib/model/value';

const build = (yaml: string) => fromTemplate(parseTemplate(`Transform: AWS::Serverless-2016-10-31\n${yaml}`, 't.yaml'));
const auth = (op: Operation | undefined) => ({
  type: op?.auth.type,
  scopes: op?.auth.scopes,
  apiKey: op?.auth.apiKeyRequired,
  authorizer: op?.auth.authorizer && !isUnresolved(op.auth.authorizer) ? op.auth.authorizer.type : undefined,
});

describe('SAM Auth as the transform applies it', () => {
  const rest = build(`Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        DefaultAuthorizer: Pool
        Authorizers:
          Pool: { UserPoolArn: arn:aws:cognito-idp:eu-west-1:111111111111:userpool/p, AuthorizationScopes: [read] }
          Token: { FunctionArn: arn:aws:lambda:eu-west-1:111111111111:function:auth, Identity: { ReauthorizeEvery: 60 } }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Default: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /default, Method: get } }
        Open: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /open, Method: get, Auth: { Authorizer: NONE } } }
        Lambda: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /lambda, Method: get, Auth: { Authorizer: Token } } }
        Iam: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /iam, Method: post, Auth: { Authorizer: AWS_IAM } } }
`);
  const op = (path: string) => rest.apis[0].operations.find((o) => o.path === path);

  it('passes a method without its own Auth: the DefaultAuthorizer with its AuthorizationScopes', () => {
    expect(auth(op('/default'))).toEqual({
      type: 'COGNITO_USER_POOLS',
      scopes: ['read'],
      apiKey: false,
      authorizer: 'COGNITO_USER_POOLS',
    });
  });

  it('fails a method whose event says Authorizer: NONE: it is open, as on the transformed template', () => {
    // SAM leaves its { NONE: [] } marker in the method's security; the OpenAPI reader reads it as "no
    // authorizer", so rest-method-authorization fails it on the SAM input and on the transform's output alike.
    expect(op('/open')?.auth.type).toBe('NONE');
    expect(op('/open')?.auth.authorizer).toBeUndefined();
  });

  it('uses the event authorizer over the default, with its caching TTL', () => {
    expect(auth(op('/lambda'))).toEqual({ type: 'CUSTOM', scopes: [], apiKey: false, authorizer: 'TOKEN' });
    const token = rest.apis[0].authorizers.find((a) => a.name === 'Token');
    expect(token?.resultTtlSeconds).toBe(60);
    expect(auth(op('/iam')).type).toBe('AWS_IAM');
  });

  const http = build(`Resources:
  Api:
    Type: AWS::Serverless::HttpApi
    Properties:
      Auth:
        DefaultAuthorizer: Jwt
        Authorizers:
          Jwt:
            AuthorizationScopes: [base]
            JwtConfiguration: { issuer: https://issuer.example.com, audience: [app] }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Default: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /a, Method: get } }
        Scoped: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /b, Method: get, Auth: { AuthorizationScopes: [admin] } } }
`);
  const route = (path: string) => http.apis[0].operations.find((o) => o.path === path);

  it('passes HTTP routes with the JWT DefaultAuthorizer, scopes from the authorizer or the event', () => {
    expect(auth(route('/a'))).toEqual({ type: 'JWT', scopes: ['base'], apiKey: false, authorizer: 'JWT' });
    expect(auth(route('/b'))).toEqual({ type: 'JWT', scopes: ['admin'], apiKey: false, authorizer: 'JWT' });
    const jwt = http.apis[0].authorizers[0];
    expect({ issuer: jwt.jwtIssuer, audience: jwt.jwtAudience }).toEqual({
      issuer: 'https://issuer.example.com',
      audience: ['app'],
    });
  });

  it('fails an HTTP API without Auth: its routes have authorization NONE', () => {
    const open = build(`Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Any: { Type: HttpApi }
`);
    expect(open.apis.map((a) => a.id)).toEqual(['ServerlessHttpApi']);
    expect(auth(open.apis[0].operations[0])).toEqual({
      type: 'NONE',
      scopes: [],
      apiKey: false,
      authorizer: undefined,
    });
    expect(open.apis[0].operations[0].path).toBe('$default');
  });
});
