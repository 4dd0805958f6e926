import type { FakeDistribution } from './cloudfront';

/**
 * What the loopback fake of API Gateway / WAFv2 / CloudWatch Logs serves, written in each service's wire
 * format (what the real service sends, before the SDK deserializes it):
 * - apigateway (REST-JSON): camelCase fields, lists under `item` with a `position` token;
 * - apigatewayv2 (REST-JSON): camelCase fields, lists under `items` with `nextToken`;
 * - wafv2 (JSON 1.1): PascalCase fields;
 * - logs (JSON 1.1): camelCase fields, `logGroups` with `nextToken`.
 */
export type Wire = Record<string, unknown>;

export interface FakeRestApi {
  readonly api: Wire;
  readonly stages: Wire[];
  /** Resources with `resourceMethods` filled (served whole when embed=methods is asked for). */
  readonly resources: Wire[];
  readonly authorizers: Wire[];
  readonly validators: Wire[];
  readonly models: Wire[];
  readonly gatewayResponses: Wire[];
}

export interface FakeV2Api {
  readonly api: Wire;
  readonly stages: Wire[];
  readonly routes: Wire[];
  readonly authorizers: Wire[];
  readonly integrations: Wire[];
}

export interface FakeState {
  restApis: FakeRestApi[];
  v2Apis: FakeV2Api[];
  usagePlans: Wire[];
  /** `routingRules`: what ListRoutingRules (apigatewayv2, by domain name) answers for the domain. */
  restDomains: { domain: Wire; mappings: Wire[]; routingRules?: Wire[] }[];
  v2Domains: { domain: Wire; mappings: Wire[]; routingRules?: Wire[] }[];
  /** GetDomainNameAccessAssociations. */
  accessAssociations: Wire[];
  account: Wire;
  /** By web ACL ARN: GetWebACL's WebACL and, when set, GetLoggingConfiguration's LoggingConfiguration. */
  webAcls: Record<string, { webAcl: Wire; logging?: Wire }>;
  /** By IP set ARN: GetIPSet's IPSet. */
  ipSets?: Record<string, Wire>;
  logGroups: Wire[];
  /** Cognito user pools by id: DescribeUserPool's UserPool (PascalCase, JSON 1.1). */
  userPools?: Record<string, Wire>;
  /** GetUserPoolMfaConfig answers by pool id; a pool without one answers only its MfaConfiguration. */
  userPoolMfa?: Record<string, Wire>;
  /** ListDistributions (CloudFront, REST-XML): the account's distributions. */
  distributions?: FakeDistribution[];
  /** ListPortals items (camelCase). */
  portals?: Wire[];
  /** ListPortalProducts items, each with what ListProductRestEndpointPages answers for it. */
  portalProducts?: { product: Wire; restEndpointPages: Wire[] }[];
}

export function emptyState(): FakeState {
  return {
    restApis: [],
    v2Apis: [],
    usagePlans: [],
    restDomains: [],
    v2Domains: [],
    accessAssociations: [],
    account: {},
    webAcls: {},
    logGroups: [],
  };
}

export function restApi(api: Wire, parts: Partial<Omit<FakeRestApi, 'api'>> = {}): FakeRestApi {
  return {
    api,
    stages: [],
    resources: [],
    authorizers: [],
    validators: [],
    models: [],
    gatewayResponses: [],
    ...parts,
  };
}

export function v2Api(api: Wire, parts: Partial<Omit<FakeV2Api, 'api'>> = {}): FakeV2Api {
  return { api, stages: [], routes: [], authorizers: [], integrations: [], ...parts };
}
