import type { AnyRule } from '../../lib/engine/rule';
import thirdPartyIntegrations from './third-party-integrations';
import integrationUriInjection from './integration-uri-injection';
import integrationHttps from './integration-https';
import privateIntegrationTls from './private-integration-tls';
import backendCertificate from './backend-certificate';
import stageDescription from './stage-description';
import accountLoggingRole from './account-logging-role';
import stageVariableSecrets from './stage-variable-secrets';
import gatewayResponses from './gateway-responses';
import requestValidation from './request-validation';
import detailedMetrics from './detailed-metrics';
import corsOrigins from './cors-origins';
import resourcePolicy from './resource-policy';
import authorizerQuality from './authorizer-quality';
import usagePlanLimits from './usage-plan-limits';
import accessLogRetention from './access-log-retention';
import apiKeyNotSoleAuth from './api-key-not-sole-auth';
import requiredTags from './required-tags';
import endpointType from './endpoint-type';
import defaultEndpoint from './default-endpoint';
import domainMtls from './domain-mtls';
import httpApiWaf from './http-api-waf';
import v2RouteAuthorization from './v2-route-authorization';
import dataTrace from './data-trace';
import tracing from './tracing';
import wafLogging from './waf-logging';
import wafRules from './waf-rules';
import restMethodAuthorization from './rest-method-authorization';
import domainTls from './domain-tls';
import cacheEncryption from './cache-encryption';
import stageThrottling from './stage-throttling';
import accessLogFormat from './access-log-format';
import stageWaf from './stage-waf';
import executionLogging from './execution-logging';
import stageAccessLogging from './stage-access-logging';

/**
 * Every rule the toolkit ships, in id order. A repository test checks that each file in this folder
 * is listed here, has a test file and complete metadata.
 */
export const allRules: readonly AnyRule[] = [
  thirdPartyIntegrations as AnyRule,
  integrationUriInjection as AnyRule,
  integrationHttps as AnyRule,
  privateIntegrationTls as AnyRule,
  backendCertificate as AnyRule,
  stageDescription as AnyRule,
  accountLoggingRole as AnyRule,
  stageVariableSecrets as AnyRule,
  gatewayResponses as AnyRule,
  requestValidation as AnyRule,
  detailedMetrics as AnyRule,
  corsOrigins as AnyRule,
  resourcePolicy as AnyRule,
  authorizerQuality as AnyRule,
  usagePlanLimits as AnyRule,
  accessLogRetention as AnyRule,
  apiKeyNotSoleAuth as AnyRule,
  requiredTags as AnyRule,
  endpointType as AnyRule,
  defaultEndpoint as AnyRule,
  domainMtls as AnyRule,
  httpApiWaf as AnyRule,
  v2RouteAuthorization as AnyRule,
  dataTrace as AnyRule,
  tracing as AnyRule,
  wafLogging as AnyRule,
  wafRules as AnyRule,
  restMethodAuthorization as AnyRule,
  domainTls as AnyRule,
  cacheEncryption as AnyRule,
  stageThrottling as AnyRule,
  accessLogFormat as AnyRule,
  stageWaf as AnyRule,
  executionLogging as AnyRule,
  stageAccessLogging as AnyRule,
].sort((a, b) => a.id.localeCompare(b.id));
