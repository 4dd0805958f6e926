import { defineRule, type RuleContext } from '../../lib/engine/rule';
import { stageScopes } from '../../lib/model/stage-scopes';
import type { MethodSettings, Stage } from '../../lib/model/types';
import { isUnresolved, type Value } from '../../lib/model/value';

interface Options {
  /** Cached responses must be encrypted at rest. */
  readonly requireEncryption: boolean;
  /** Clients may only invalidate the cache (Cache-Control: max-age=0) when authorised. */
  readonly requireCacheControlAuthorization: boolean;
  /** Require caching itself (Checkov CKV_AWS_120 does; off by default: caching is a performance choice). */
  readonly requireCaching: boolean;
}

export default defineRule<'stage', Options>({
  id: 'cache-encryption',
  title: 'REST stage caches are encrypted and cannot be flushed by anyone',
  rationale:
    'A response cache holds copies of API responses, often personal data, outside the backend’s own controls; it must be ' +
    'encrypted at rest. If any client may send Cache-Control: max-age=0, anyone can bypass the cache and load the backend.',
  fix: {
    cdk:
      '`deployOptions: { cachingEnabled: true, cacheDataEncrypted: true }` (and per method in ' + '`methodOptions`).',
    cloudFormation:
      'MethodSettings [{ ResourcePath: "/*", HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: ' +
      'true }] (or StageDescription.CacheDataEncrypted); keep "require authorization" for cache ' +
      'invalidation on (the AWS default).',
    sam:
      '`CacheClusterEnabled: true` and `MethodSettings: [{ ResourcePath: "/*", HttpMethod: "*", ' +
      'CachingEnabled: true, CacheDataEncrypted: true }]` on AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API4:2023'],
  controls: {
    nist80053: ['CA-9(1)', 'CM-3(6)', 'SC-13', 'SC-28', 'SC-28(1)', 'SC-7(10)', 'SI-7(6)'],
    pciDss4: ['3.5.1'],
  },
  references: {
    securityHub: 'APIGateway.5',
    awsConfig: 'api-gw-cache-enabled-and-encrypted',
    controlTower: 'CT.APIGATEWAY.PR.3',
    cdkNag: 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted',
    checkov: 'CKV_AWS_308',
    cfnNag: 'W87',
    kics: 'API Gateway Cache Encrypted Disabled',
    prowler: 'apigateway_restapi_cache_encrypted',
  },
  appliesTo: { subject: 'stage', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        requireEncryption: { type: 'boolean' },
        requireCacheControlAuthorization: { type: 'boolean' },
        requireCaching: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { requireEncryption: true, requireCacheControlAuthorization: true, requireCaching: false },
  },
  check(stage, ctx) {
    const where = stage.declaredBy === 'deployment' ? 'Properties.StageDescription' : 'Properties.MethodSettings';
    const [defaults, ...overrides] = stageScopes(stage);
    const stageCaching = flag(defaults.settings.caching, 'caching on the stage defaults', ctx);
    if (stageCaching === true) checkCached('Stage defaults', defaults.effective, where, ctx);
    let anyCaching = stageCaching === true;
    for (const { override, settings, effective } of overrides) {
      const label = `${override.method} ${override.path}`;
      if (settings.caching === undefined) {
        // Inherits the stage's caching: judged above, unless the override changes the cache settings itself.
        const own =
          settings.cacheDataEncrypted !== undefined || settings.requireAuthorizationForCacheControl !== undefined;
        if (stageCaching === true && own) checkCached(label, effective, where, ctx);
        continue;
      }
      if (flag(settings.caching, `caching of ${label}`, ctx) !== true) continue;
      anyCaching = true;
      checkCached(label, effective, where, ctx);
    }
    if (stageCaching === 'unknown' || !ctx.options.requireCaching) return;
    const cluster = flag(stage.cacheClusterEnabled, 'the stage cache cluster', ctx);
    if (cluster === false) {
      ctx.fail(
        `Stage ${stageName(stage)} has no cache cluster (CacheClusterEnabled), and the standard requires response caching.`,
        {
          location: 'Properties.CacheClusterEnabled',
        },
      );
    } else if (cluster === true && !anyCaching) {
      ctx.fail(
        `Stage ${stageName(stage)} has a cache cluster but caches no method (CachingEnabled), and the standard requires response caching.`,
        {
          location: where,
        },
      );
    }
  },
});

/** Checks one cached scope, by the settings in effect there. */
function checkCached(label: string, settings: MethodSettings, where: string, ctx: RuleContext<Options>): void {
  if (ctx.options.requireEncryption) {
    const encrypted = settings.cacheDataEncrypted;
    const known = flag(encrypted, `cache encryption of ${label}`, ctx);
    if (known === false) {
      const how =
        encrypted === undefined ? 'CacheDataEncrypted is not set (AWS default: false)' : 'CacheDataEncrypted is false';
      ctx.fail(`${label}: caching is on but ${how}, so cached responses are stored unencrypted.`, { location: where });
    }
  }
  if (ctx.options.requireCacheControlAuthorization) {
    const required = settings.requireAuthorizationForCacheControl;
    // Undefined = the AWS default (authorisation required); CloudFormation cannot set it, audits can read it.
    if (required === undefined) return;
    const known = flag(required, `cache invalidation authorisation of ${label}`, ctx);
    if (known === false) {
      ctx.fail(`${label}: any client may invalidate the cache (requireAuthorizationForCacheControl is false).`, {
        location: where,
      });
    }
  }
}

/** true/false, or 'unknown' after reporting the unresolved value; undefined counts as false (not set). */
function flag(value: Value<boolean> | undefined, what: string, ctx: RuleContext<Options>): boolean | 'unknown' {
  if (value === undefined) return false;
  if (isUnresolved(value)) {
    ctx.unknown(`Cannot decide: ${what} is unresolved (${value.because}).`);
    return 'unknown';
  }
  return value;
}

function stageName(stage: Stage): string {
  return isUnresolved(stage.name) ? '(unresolved name)' : stage.name;
}
