import type { MethodSetting, Stage as RestStage } from '@aws-sdk/client-api-gateway';
import type { MethodSettings, MethodSettingsOverride, Stage } from '../types';
import { accessLogOf, deployedSource, tagsOf, throttleNumber, type MappingContext } from './shared';
import { apigatewayArn } from './arn';

/** One REST MethodSetting as the model's MethodSettings (AWS fills every field once a setting exists). */
export function methodSettingsOf(setting: MethodSetting | undefined): MethodSettings {
  if (!setting) return { throttle: {} };
  const rateLimit = throttleNumber(setting.throttlingRateLimit);
  const burstLimit = throttleNumber(setting.throttlingBurstLimit);
  return {
    ...(setting.loggingLevel !== undefined ? { loggingLevel: setting.loggingLevel } : {}),
    ...(setting.dataTraceEnabled !== undefined ? { dataTrace: setting.dataTraceEnabled } : {}),
    ...(setting.metricsEnabled !== undefined ? { metrics: setting.metricsEnabled } : {}),
    throttle: {
      ...(rateLimit !== undefined ? { rateLimit } : {}),
      ...(burstLimit !== undefined ? { burstLimit } : {}),
    },
    ...(setting.cachingEnabled !== undefined ? { caching: setting.cachingEnabled } : {}),
    ...(setting.cacheDataEncrypted !== undefined ? { cacheDataEncrypted: setting.cacheDataEncrypted } : {}),
    ...(setting.cacheTtlInSeconds !== undefined ? { cacheTtlSeconds: setting.cacheTtlInSeconds } : {}),
    ...(setting.requireAuthorizationForCacheControl !== undefined
      ? { requireAuthorizationForCacheControl: setting.requireAuthorizationForCacheControl }
      : {}),
  };
}

/**
 * A methodSettings key as path and method. Keys are '<resource path without leading slash>/<METHOD>',
 * with '/' inside the path escaped as '~1' ('~1orders~1{id}/GET' or 'orders/GET'); '*' + '/' + '*' is the stage default.
 */
export function parseMethodSettingsKey(key: string): { path: string; method: string } {
  const cut = key.lastIndexOf('/');
  const rawPath = cut < 0 ? key : key.slice(0, cut);
  const method = cut < 0 ? '*' : key.slice(cut + 1);
  const decoded = rawPath.replace(/~1/g, '/');
  const path = decoded === '*' ? '/*' : decoded.startsWith('/') ? decoded : `/${decoded}`;
  return { path, method: method.toUpperCase() };
}

export function mapRestStage(apiId: string, stage: RestStage, ctx: MappingContext): Stage {
  const name = stage.stageName ?? '';
  const defaults = stage.methodSettings?.['*/*'];
  const overrides: MethodSettingsOverride[] = [];
  for (const [key, setting] of Object.entries(stage.methodSettings ?? {})) {
    if (key === '*/*') continue;
    const { path, method } = parseMethodSettingsKey(key);
    overrides.push({ path, method, settings: methodSettingsOf(setting) });
  }
  overrides.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
  const accessLog = accessLogOf(stage.accessLogSettings?.destinationArn, stage.accessLogSettings?.format, ctx);
  const arn = apigatewayArn(ctx.region, `/restapis/${apiId}/stages/${name}`);
  return {
    source: deployedSource(arn, 'AWS::ApiGateway::Stage', stage.tags),
    name,
    ...(stage.description !== undefined ? { description: stage.description } : {}),
    settings: methodSettingsOf(defaults),
    overrides,
    ...(accessLog ? { accessLog } : {}),
    tracing: stage.tracingEnabled ?? false,
    cacheClusterEnabled: stage.cacheClusterEnabled ?? false,
    ...(stage.webAclArn
      ? {
          waf: {
            source: { arn: stage.webAclArn, resourceType: 'AWS::WAFv2::WebACLAssociation' },
            webAcl: ctx.webAcl(stage.webAclArn),
          },
        }
      : {}),
    ...(stage.clientCertificateId ? { clientCertificateId: stage.clientCertificateId } : {}),
    variables: { ...(stage.variables ?? {}) },
    tags: tagsOf(stage.tags),
    usagePlanIds: ctx.usagePlanIds(apiId, name),
    declaredBy: 'deployed',
  };
}
