import type { AnyRule } from '../../lib/engine/rule';
import accessLogFormat from './access-log-format';
import accessLogRetention from './access-log-retention';
import accountLoggingRole from './account-logging-role';
import apiKeyNotSoleAuth from './api-key-not-sole-auth';
import authorizerQuality from './authorizer-quality';
import backendCertificate from './backend-certificate';
import cacheEncryption from './cache-encryption';
import corsOrigins from './cors-origins';
import dataTrace from './data-trace';
import defaultEndpoint from './default-endpoint';
import detailedMetrics from './detailed-metrics';
import domainMtls from './domain-mtls';
import domainRoutingRules from './domain-routing-rules';
import domainTls from './domain-tls';
import dualstackSourceIp from './dualstack-source-ip';
import dualstackWafIpSets from './dualstack-waf-ip-sets';
import endpointType from './endpoint-type';
import executionLogging from './execution-logging';
import gatewayResponses from './gateway-responses';
import httpApiWaf from './http-api-waf';
import integrationHttps from './integration-https';
import integrationUriInjection from './integration-uri-injection';
import jwtAuthorizerClaims from './jwt-authorizer-claims';
import lambdaAuthorizerIdentitySource from './lambda-authorizer-identity-source';
import mtlsOwnershipVerification from './mtls-ownership-verification';
import mtlsTruststoreConsistency from './mtls-truststore-consistency';
import mtlsTruststoreVersion from './mtls-truststore-version';
import nonProductionStage from './non-production-stage';
import operationScopes from './operation-scopes';
import portalAccessControl from './portal-access-control';
import portalPublishedApis from './portal-published-apis';
import privateDomainAccess from './private-domain-access';
import privateDomainPolicy from './private-domain-policy';
import privateIntegrationTls from './private-integration-tls';
import requestValidation from './request-validation';
import requiredTags from './required-tags';
import resourcePolicy from './resource-policy';
import restApiTls from './rest-api-tls';
import restMethodAuthorization from './rest-method-authorization';
import retiredStageMapping from './retired-stage-mapping';
import stageAccessLogging from './stage-access-logging';
import stageDescription from './stage-description';
import stageThrottling from './stage-throttling';
import stageVariableSecrets from './stage-variable-secrets';
import stageWaf from './stage-waf';
import streamingProtection from './streaming-protection';
import streamingTimeout from './streaming-timeout';
import thirdPartyIntegrations from './third-party-integrations';
import tracing from './tracing';
import usagePlanLimits from './usage-plan-limits';
import userPoolMfa from './user-pool-mfa';
import userPoolPasswordPolicy from './user-pool-password-policy';
import userPoolThreatProtection from './user-pool-threat-protection';
import v2RouteAuthorization from './v2-route-authorization';
import wafLogging from './waf-logging';
import wafRules from './waf-rules';

/**
 * Every rule the toolkit ships, sorted by id, one per line. A repository test checks that each file in this
 * folder is listed here in order, has a test file, a docs page and complete metadata.
 */
export const allRules: readonly AnyRule[] = [
  accessLogFormat,
  accessLogRetention,
  accountLoggingRole,
  apiKeyNotSoleAuth,
  authorizerQuality,
  backendCertificate,
  cacheEncryption,
  corsOrigins,
  dataTrace,
  defaultEndpoint,
  detailedMetrics,
  domainMtls,
  domainRoutingRules,
  domainTls,
  dualstackSourceIp,
  dualstackWafIpSets,
  endpointType,
  executionLogging,
  gatewayResponses,
  httpApiWaf,
  integrationHttps,
  integrationUriInjection,
  jwtAuthorizerClaims,
  lambdaAuthorizerIdentitySource,
  mtlsOwnershipVerification,
  mtlsTruststoreConsistency,
  mtlsTruststoreVersion,
  nonProductionStage,
  operationScopes,
  portalAccessControl,
  portalPublishedApis,
  privateDomainAccess,
  privateDomainPolicy,
  privateIntegrationTls,
  requestValidation,
  requiredTags,
  resourcePolicy,
  restApiTls,
  restMethodAuthorization,
  retiredStageMapping,
  stageAccessLogging,
  stageDescription,
  stageThrottling,
  stageVariableSecrets,
  stageWaf,
  streamingProtection,
  streamingTimeout,
  thirdPartyIntegrations,
  tracing,
  usagePlanLimits,
  userPoolMfa,
  userPoolPasswordPolicy,
  userPoolThreatProtection,
  v2RouteAuthorization,
  wafLogging,
  wafRules,
];
