/**
 * Building blocks for the authorization-depth rules of issue 19 (JWT claims, scopes, Lambda identity sources,
 * Cognito user pools, CloudFront in front of HTTP APIs). Same style as fixtures.ts.
 */
import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';

type Props = Record<string, unknown>;

/** The password policy ApiUserPool writes: 14 characters, every class, history 5. */
export const STRONG_PASSWORD_POLICY: Props = {
  MinimumLength: 14,
  RequireLowercase: true,
  RequireUppercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  PasswordHistorySize: 5,
};

/** A user pool with the settings ApiUserPool writes; `props` replace them. */
export function userPool(props: Props = {}, id = 'Pool'): Props {
  return {
    [id]: {
      Type: 'AWS::Cognito::UserPool',
      Properties: {
        Policies: { PasswordPolicy: STRONG_PASSWORD_POLICY },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        ...props,
      },
    },
  };
}

/** REST API whose root GET (HTTP_PROXY) uses a Cognito authorizer naming `providerArns`. */
export function restApiWithPool(providerArns: unknown = [{ 'Fn::GetAtt': ['Pool', 'Arn'] }], apiTags?: Props[]): Props {
  return {
    Api: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: { Name: 'Api', ...(apiTags ? { Tags: apiTags } : {}) },
    },
    Authorizer: {
      Type: 'AWS::ApiGateway::Authorizer',
      Properties: {
        RestApiId: { Ref: 'Api' },
        Name: 'Cognito',
        Type: 'COGNITO_USER_POOLS',
        ProviderARNs: providerArns,
        IdentitySource: 'method.request.header.Authorization',
      },
    },
    Method: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
        HttpMethod: 'GET',
        AuthorizationType: 'COGNITO_USER_POOLS',
        AuthorizerId: { Ref: 'Authorizer' },
        AuthorizationScopes: ['orders/read'],
        Integration: { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'GET', Uri: 'https://orders.example.com' },
      },
    },
  };
}

/** HTTP API with one `GET /orders` route to an HTTP_PROXY integration; `route` props are merged into the route. */
export function httpApiRoute(route: Props = {}, api: Props = {}): Props {
  return {
    HttpApi: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'HttpApi', ProtocolType: 'HTTP', ...api } },
    Integration: {
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'HttpApi' },
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'ANY',
        IntegrationUri: 'https://orders.example.com',
        PayloadFormatVersion: '1.0',
      },
    },
    Route: {
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'HttpApi' },
        RouteKey: 'GET /orders',
        Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'Integration' }]] },
        ...route,
      },
    },
  };
}

/** The issuer of the tokens of the user pool `poolId`, as CDK writes it. */
export function poolIssuer(poolId = 'Pool'): Props {
  return {
    'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: poolId }]],
  };
}

/** The origin domain of an HTTP API's default endpoint, as CDK's HttpOrigin over `api.apiEndpoint` writes it. */
export function executeApiDomain(apiId = 'HttpApi'): Props {
  return { 'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }] }] };
}

/** A CloudFront distribution with one origin (`domainName`), a web ACL unless `webAclId` is null, and headers. */
export function distribution(
  domainName: unknown,
  webAclId: unknown = { 'Fn::GetAtt': ['EdgeAcl', 'Arn'] },
  headers: Record<string, unknown> = {},
  id = 'Distribution',
): Props {
  return {
    [id]: {
      Type: 'AWS::CloudFront::Distribution',
      Properties: {
        DistributionConfig: {
          Enabled: true,
          ...(webAclId !== null ? { WebACLId: webAclId } : {}),
          DefaultCacheBehavior: { TargetOriginId: 'api', ViewerProtocolPolicy: 'https-only' },
          Origins: [
            {
              Id: 'api',
              DomainName: domainName,
              CustomOriginConfig: { OriginProtocolPolicy: 'https-only' },
              ...(Object.keys(headers).length
                ? {
                    OriginCustomHeaders: Object.entries(headers).map(([HeaderName, HeaderValue]) => ({
                      HeaderName,
                      HeaderValue,
                    })),
                  }
                : {}),
            },
          ],
        },
      },
    },
  };
}

/** A CLOUDFRONT-scoped web ACL. */
export function edgeWebAcl(id = 'EdgeAcl'): Props {
  return {
    [id]: {
      Type: 'AWS::WAFv2::WebACL',
      Properties: {
        Name: id,
        Scope: 'CLOUDFRONT',
        DefaultAction: { Allow: {} },
        VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: id },
        Rules: [],
      },
    },
  };
}

/** A CDK REST API whose root GET uses a Cognito authorizer on `pool`, with a scope. */
export function cdkRestApiOnPool(stack: Stack, pool: cognito.IUserPool): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  const authorizer = new apigw.CognitoUserPoolsAuthorizer(stack, 'Authorizer', { cognitoUserPools: [pool] });
  api.root.addMethod('GET', new apigw.HttpIntegration('https://orders.example.com'), {
    authorizer,
    authorizationScopes: ['orders/read'],
  });
}
