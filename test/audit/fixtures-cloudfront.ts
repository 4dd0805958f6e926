import type { FakeDistribution } from './fake-aws/cloudfront';
import { emptyState, v2Api, type FakeState } from './fake-aws/state';
import { ACCOUNT, REGION } from './fixture-ids';

export const CF_API_ID = 'cf0api';
export const CF_DOMAIN = 'api.example.com';
/** The host API Gateway gives the custom domain (an origin may name the domain by it). */
export const CF_DOMAIN_HOST = 'd-abc123.execute-api.eu-west-1.amazonaws.com';
export const WEB_ACL_ARN = `arn:aws:wafv2:us-east-1:${ACCOUNT}:global/webacl/edge/1111-2222`;

/**
 * An account with one HTTP API whose only route needs a Lambda (REQUEST) authorizer naming the
 * X-Origin-Verify header, mapped on custom domain CF_DOMAIN, and the given CloudFront distributions.
 */
export function cloudFrontFixture(distributions: FakeDistribution[]): FakeState {
  const state = emptyState();
  state.v2Apis = [
    v2Api(
      { apiId: CF_API_ID, name: 'edge-catalog', protocolType: 'HTTP', disableExecuteApiEndpoint: false, tags: {} },
      {
        stages: [{ stageName: '$default', autoDeploy: true }],
        routes: [
          {
            routeId: 'r1',
            routeKey: 'GET /items',
            authorizationType: 'CUSTOM',
            authorizerId: 'lam1',
            target: 'integrations/i1',
          },
        ],
        authorizers: [
          {
            authorizerId: 'lam1',
            name: 'origin-verify',
            authorizerType: 'REQUEST',
            identitySource: ['$request.header.X-Origin-Verify'],
            authorizerUri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:verify/invocations`,
            authorizerPayloadFormatVersion: '2.0',
            enableSimpleResponses: true,
          },
        ],
        integrations: [
          { integrationId: 'i1', integrationType: 'HTTP_PROXY', integrationUri: 'https://catalog.example.com' },
        ],
      },
    ),
  ];
  state.v2Domains = [
    {
      domain: {
        domainName: CF_DOMAIN,
        domainNameConfigurations: [
          { apiGatewayDomainName: CF_DOMAIN_HOST, endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
        ],
      },
      mappings: [{ apiMappingId: 'm1', apiId: CF_API_ID, stage: '$default' }],
    },
  ];
  state.distributions = distributions;
  return state;
}

/** A distribution whose one origin is `host`, with the origin-verify header and (or not) a web ACL. */
export function distribution(id: string, host: string, webAclId: string, headers = true): FakeDistribution {
  return {
    id,
    webAclId,
    origins: [{ id: 'api', domainName: host, headers: headers ? { 'X-Origin-Verify': 's3cr3t' } : {} }],
  };
}

export const EXECUTE_API_HOST = `${CF_API_ID}.execute-api.${REGION}.amazonaws.com`;
