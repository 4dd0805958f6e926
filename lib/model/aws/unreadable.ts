import type { Source } from '../source';
import type { ApiModel, Authorizer, MethodSettings, Stage } from '../types';
import { unresolved, type Value } from '../value';

/**
 * Stand-ins for a list the audit could not read (GetStages or GetAuthorizers denied or failed). An empty
 * list would make every control on its items vanish, and the API-level controls that read them (e.g.
 * required-tags on stage tags) would pass on data never read. One item whose every field is unresolved
 * makes each control that depends on the call `unknown` once, naming the call and why it failed.
 */
export function unreadableStage(apiSource: Source, apiTags: Record<string, Value<string>>, because: string): Stage {
  const why = unresolved(because);
  const settings: MethodSettings = {
    loggingLevel: why,
    dataTrace: why,
    metrics: why,
    throttle: { rateLimit: why, burstLimit: why },
    caching: why,
    cacheDataEncrypted: why,
    cacheTtlSeconds: why,
    requireAuthorizationForCacheControl: why,
  };
  const stageType =
    apiSource.resourceType === 'AWS::ApiGatewayV2::Api' ? 'AWS::ApiGatewayV2::Stage' : 'AWS::ApiGateway::Stage';
  const source: Source = { arn: `${apiSource.arn ?? ''}/stages`, resourceType: stageType };
  return {
    source,
    name: why,
    description: why,
    settings,
    overrides: [],
    accessLog: { destinationArn: why, format: why, logGroup: why },
    tracing: why,
    cacheClusterEnabled: why,
    waf: { source, webAcl: why },
    clientCertificateId: why,
    variables: {},
    // Stages usually carry the API's tags: each of them is unknown on the stage, never "present".
    tags: Object.fromEntries(Object.keys(apiTags).map((key) => [key, why])),
    usagePlanIds: [],
    declaredBy: 'deployed',
    unreadable: because,
  };
}

/** An authorizer of the API that could not be read: type, identity sources and caching unknown. */
export function unreadableAuthorizer(apiSource: Source, because: string): Authorizer {
  const why = unresolved(because);
  const authorizerType =
    apiSource.resourceType === 'AWS::ApiGatewayV2::Api'
      ? 'AWS::ApiGatewayV2::Authorizer'
      : 'AWS::ApiGateway::Authorizer';
  return {
    id: '(authorizers not readable)',
    source: { arn: `${apiSource.arn ?? ''}/authorizers`, resourceType: authorizerType },
    name: why,
    type: why,
    identitySource: why,
    resultTtlSeconds: why,
    providerArns: why,
    jwtAudience: why,
    jwtIssuer: why,
  };
}

/** The models of an API that could not be read (GetModels failed): a schema looked up by name is unknown. */
export function unreadableModel(apiSource: Source, because: string): ApiModel {
  const why = unresolved(because);
  return {
    source: { arn: `${apiSource.arn ?? ''}/models`, resourceType: 'AWS::ApiGateway::Model' },
    name: why,
    schema: why,
  };
}
