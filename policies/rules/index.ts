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
import domainTls from './domain-tls';
import dualstackSourceIp from './dualstack-source-ip';
import dualstackWafIpSets from './dualstack-waf-ip-sets';
import endpointType from './endpoint-type';
import executionLogging from './execution-logging';
import gatewayResponses from './gateway-responses';
import httpApiWaf from './http-api-waf';
import integrationHttps from './integration-https';
import integrationUriInjection from './integration-uri-injection';
import nonProductionStage from './non-production-stage';
import privateIntegrationTls from './private-integration-tls';
import requestValidation from './request-validation';
import requiredTags from './required-tags';
import resourcePolicy from './resource-policy';
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
  domainTls,
  dualstackSourceIp,
  dualstackWafIpSets,
  endpointType,
  executionLogging,
  gatewayResponses,
  httpApiWaf,
  integrationHttps,
  integrationUriInjection,
  nonProductionStage,
  privateIntegrationTls,
  requestValidation,
  requiredTags,
  resourcePolicy,
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
  v2RouteAuthorization,
  wafLogging,
  wafRules,
];
