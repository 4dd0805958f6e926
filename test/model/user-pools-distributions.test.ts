import { auditUserPools } from '../../lib/model/aws/user-pools';
import type { Api } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';
import { buildYaml } from './helpers';

describe('fromTemplate: Cognito user pools that authorizers name', () => {
  const inventory = buildYaml(`
Parameters:
  PoolArn: { Type: String }
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: staff
      Policies: { PasswordPolicy: { MinimumLength: 14, RequireSymbols: true } }
      MfaConfiguration: ON
      EnabledMfas: [SOFTWARE_TOKEN_MFA]
      UserPoolTier: PLUS
      UserPoolAddOns: { AdvancedSecurityMode: ENFORCED }
  Unused:
    Type: AWS::Cognito::UserPool
    Properties: { UserPoolName: nobody-uses-it }
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: api }
  ByArn:
    Type: AWS::ApiGateway::Authorizer
    Properties: { RestApiId: !Ref Api, Type: COGNITO_USER_POOLS, ProviderARNs: [!GetAtt Pool.Arn], IdentitySource: method.request.header.Authorization }
  BySub:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Type: COGNITO_USER_POOLS
      ProviderARNs: [!Sub 'arn:aws:cognito-idp:\${AWS::Region}:\${AWS::AccountId}:userpool/\${Pool}', 'arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_other']
  ByParameter:
    Type: AWS::ApiGateway::Authorizer
    Properties: { RestApiId: !Ref Api, Type: COGNITO_USER_POOLS, ProviderARNs: [!Ref PoolArn] }
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: http, ProtocolType: HTTP }
  ByIssuer:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Http
      AuthorizerType: JWT
      IdentitySource: [$request.header.Authorization]
      JwtConfiguration: { Audience: [app], Issuer: !Sub 'https://\${Pool.ProviderURL}' }
  OtherIdp:
    Type: AWS::ApiGatewayV2::Authorizer
    Properties:
      ApiId: !Ref Http
      AuthorizerType: JWT
      JwtConfiguration: { Audience: [app], Issuer: https://login.example.com/realms/staff }
`);
  const byId = new Map(inventory.userPools.map((pool) => [pool.id, pool]));

  it('reads the pool an authorizer names by GetAtt Arn, by a Sub-built ARN and by a ProviderURL issuer, once', () => {
    const pool = byId.get('Pool')!;
    expect(pool.external).toBe(false);
    expect(pool.passwordPolicy).toEqual({ minimumLength: 14, requireSymbols: true });
    expect([pool.mfa, pool.enabledMfas, pool.featurePlan, pool.threatProtection]).toEqual([
      'ON',
      ['SOFTWARE_TOKEN_MFA'],
      'PLUS',
      'ENFORCED',
    ]);
    expect(pool.usedBy).toEqual([
      { apiId: 'Api', authorizerId: 'ByArn' },
      { apiId: 'Api', authorizerId: 'BySub' },
      { apiId: 'Http', authorizerId: 'ByIssuer' },
    ]);
  });

  it('models a pool outside the template and one from a parameter as external, every setting unknown', () => {
    const other = byId.get('external:eu-west-1_other')!;
    expect(other.external).toBe(true);
    expect(isUnresolved(other.mfa) && other.mfa.because).toMatch(/eu-west-1_other is not in the template/);
    const fromParameter = [...byId.values()].find((p) => p.id.includes('parameter PoolArn'))!;
    expect(fromParameter.usedBy).toEqual([{ apiId: 'Api', authorizerId: 'ByParameter' }]);
  });

  it('leaves out pools no authorizer names and issuers that are not Cognito', () => {
    expect([...byId.keys()].sort()).toEqual([
      'Pool',
      'external:eu-west-1_other',
      'external:parameter PoolArn has no default',
    ]);
  });
});

describe('fromTemplate: CloudFront distributions in front of APIs', () => {
  const inventory = buildYaml(`
Resources:
  Http:
    Type: AWS::ApiGatewayV2::Api
    Properties: { Name: http, ProtocolType: HTTP }
  Domain:
    Type: AWS::ApiGatewayV2::DomainName
    Properties: { DomainName: api.example.com, DomainNameConfigurations: [{ EndpointType: REGIONAL }] }
  Acl:
    Type: AWS::WAFv2::WebACL
    Properties: { Name: edge, Scope: CLOUDFRONT, DefaultAction: { Allow: {} }, Rules: [] }
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        WebACLId: !GetAtt Acl.Arn
        Origins:
          - Id: default
            DomainName: !Select [2, !Split ['/', !GetAtt Http.ApiEndpoint]]
            OriginCustomHeaders: [{ HeaderName: X-Origin-Verify, HeaderValue: '{{resolve:secretsmanager:verify}}' }]
          - { Id: sub, DomainName: !Sub '\${Http}.execute-api.\${AWS::Region}.amazonaws.com' }
          - { Id: domain, DomainName: api.example.com }
          - { Id: other, DomainName: shop.example.org }
`);
  const [cdn] = inventory.distributions;

  it('links origins to the API (GetAtt ApiEndpoint split, Sub) and to its custom domain, with lower-case headers', () => {
    expect(cdn.webAcl?.id).toBe('Acl');
    expect(cdn.origins.map((o) => [o.id, o.apiId, o.domainId])).toEqual([
      ['default', 'Http', undefined],
      ['sub', 'Http', undefined],
      ['domain', undefined, 'Domain'],
      ['other', undefined, undefined],
    ]);
    const header = cdn.origins[0].customHeaders['x-origin-verify'];
    expect(isUnresolved(header) && header.reference).toBe('{{resolve:secretsmanager:verify}}');
  });
});

describe('fromAwsSnapshot: user pools', () => {
  it('names each pool the audited authorizers use, once, unknown when the audit did not read it', () => {
    const api = {
      id: 'a1',
      authorizers: [
        {
          id: 'z1',
          type: 'COGNITO_USER_POOLS',
          providerArns: ['arn:aws:cognito-idp:eu-west-1:1:userpool/eu-west-1_a'],
        },
        {
          id: 'z2',
          type: 'JWT',
          providerArns: [],
          jwtIssuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_a',
        },
      ],
    } as unknown as Api;
    const [pool] = auditUserPools([api]);
    expect(pool.id).toBe('external:eu-west-1_a');
    expect(pool.usedBy.map((u) => u.authorizerId)).toEqual(['z1', 'z2']);
    expect(isUnresolved(pool.passwordPolicy) && pool.passwordPolicy.because).toMatch(/was not read/);
  });
});

describe('SAM: the user pool of a Cognito authorizer and a TOKEN authorizer’s header', () => {
  const inventory = buildYaml(`Transform: AWS::Serverless-2016-10-31
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties: { MfaConfiguration: OPTIONAL }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        DefaultAuthorizer: Users
        Authorizers:
          Users: { UserPoolArn: !GetAtt Pool.Arn, AuthorizationScopes: [read] }
          Token: { FunctionArn: arn:aws:lambda:eu-west-1:111111111111:function:auth }
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      InlineCode: exports.handler = async () => ({})
      Events:
        Get: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /orders, Method: get } }
        Token: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /token, Method: get, Auth: { Authorizer: Token } } }
`);

  it('links the pool named in the OpenAPI body SAM writes', () => {
    const pool = inventory.userPools.find((p) => p.id === 'Pool');
    expect([pool?.external, pool?.mfa, pool?.usedBy.length]).toEqual([false, 'OPTIONAL', 1]);
  });

  it('reads a TOKEN authorizer’s identity source from its security scheme header (SAM writes no identitySource)', () => {
    const token = inventory.apis[0].authorizers.find((a) => a.name === 'Token');
    expect(token?.identitySource).toEqual(['method.request.header.Authorization']);
  });
});
