import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { accountOfArn, parseLogGroupArn } from '../model/aws/arn';
import { poolOf } from '../model/user-pool-names';
import type { AwsSnapshot, Fetched, RestApiSnapshot, V2ApiSnapshot, WebAclSnapshot } from '../model/aws/snapshot';
import { createAuditClients, type AuditClients, type AwsClientOptions } from './clients';
import type { CollectContext } from './context';
import { collectDistributions } from './collect-cloudfront';
import { collectLogGroup, collectUserPool, collectUserPoolMfa, collectWebAcl } from './collect-extras';
import { collectPortals } from './collect-portals';
import { collectAccount, collectRestApi, collectRestDomains, collectUsagePlans, listRestApis } from './collect-rest';
import { collectV2Api, collectV2Domains, listV2Apis } from './collect-v2';
import { createLimiter } from './limit';
import { createProgress, type ProgressStream } from './progress';

export interface CollectOptions extends AwsClientOptions {
  /** Audit only these REST/HTTP/WebSocket API ids. @default every API in the region */
  readonly apiIds?: readonly string[];
  /** Requests in flight at once. @default 8 */
  readonly concurrency?: number;
  /** Where the progress line goes (only drawn on a TTY); false for none. @default process.stderr */
  readonly progress?: ProgressStream | false;
  /** Clients to use instead of creating them (they are not destroyed). */
  readonly clients?: AuditClients;
}

/** The audit cannot start (no region, no credentials): stable code, what is wrong, and the fix. */
export class AuditConfigError extends Error {
  constructor(
    readonly code: string,
    readonly what: string,
    readonly fix: string,
  ) {
    super(`${code}: ${what}. ${fix}`);
    this.name = 'AuditConfigError';
  }
}

/** Every read-only call of the audit, with bounded concurrency; failures are kept in the snapshot. */
export async function collectSnapshot(options: CollectOptions = {}): Promise<AwsSnapshot> {
  const clients = options.clients ?? createAuditClients(options);
  try {
    let region: string;
    try {
      region = await clients.apigateway.config.region();
    } catch (error) {
      throw new AuditConfigError(
        'E_AUDIT_NO_REGION',
        `no AWS region is configured (${messageOf(error)})`,
        'Pass --region eu-west-1 or set AWS_REGION',
      );
    }
    try {
      await clients.apigateway.config.credentials();
    } catch (error) {
      throw new AuditConfigError(
        'E_AUDIT_NO_CREDENTIALS',
        `no AWS credentials could be loaded by the SDK's default chain (${messageOf(error)})`,
        'Pass --profile, set AWS_PROFILE or the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY variables, or run `aws sso login`',
      );
    }
    const progress =
      options.progress === false
        ? createProgress('', { write: () => true })
        : createProgress('api-guardrails audit', options.progress ?? process.stderr);
    const ctx: CollectContext = { clients, limit: createLimiter(options.concurrency ?? 8), progress };
    const wanted = options.apiIds && options.apiIds.length > 0 ? new Set(options.apiIds) : undefined;

    const [restList, v2List, usagePlans, restDomains, v2Domains, account, portals, distributions] = await Promise.all([
      listRestApis(ctx),
      listV2Apis(ctx),
      collectUsagePlans(ctx),
      collectRestDomains(ctx),
      collectV2Domains(ctx),
      collectAccount(ctx),
      collectPortals(ctx),
      collectDistributions(ctx),
    ]);
    const restTargets = restList.ok ? restList.value.filter((a) => !wanted || wanted.has(a.id ?? '')) : [];
    const v2Targets = v2List.ok ? v2List.value.filter((a) => !wanted || wanted.has(a.ApiId ?? '')) : [];
    progress.add(restTargets.length + v2Targets.length);
    const tracked = <T>(p: Promise<T>): Promise<T> => p.finally(() => progress.done());
    const [restApis, v2Apis] = await Promise.all([
      Promise.all(restTargets.map((api) => tracked(collectRestApi(ctx, api)))),
      Promise.all(v2Targets.map((api) => tracked(collectV2Api(ctx, api)))),
    ]);

    const { webAclArns, logGroupNames } = referencedResources(restApis, v2Apis);
    const poolIds = referencedUserPools(restApis, v2Apis, region);
    const [webAclEntries, logGroupEntries, userPoolEntries] = await Promise.all([
      Promise.all(webAclArns.map(async (arn) => [arn, await collectWebAcl(ctx, arn, region)] as const)),
      Promise.all(logGroupNames.map(async (name) => [name, await collectLogGroup(ctx, name)] as const)),
      Promise.all(poolIds.map(async (id) => [id, await collectUserPool(ctx, id)] as const)),
    ]);
    const mfaPoolIds = userPoolEntries
      .filter(([, pool]) => pool.ok && ['ON', 'OPTIONAL'].includes(pool.value?.MfaConfiguration ?? 'OFF'))
      .map(([id]) => id);
    const userPoolMfa = await Promise.all(
      mfaPoolIds.map(async (id) => [id, await collectUserPoolMfa(ctx, id)] as const),
    );
    progress.finish();

    const found = new Set([...restTargets.map((a) => a.id ?? ''), ...v2Targets.map((a) => a.ApiId ?? '')]);
    const listsComplete = restList.ok && v2List.ok;
    const accountId =
      accountOfArn(account.ok ? account.value.cloudwatchRoleArn : undefined) ??
      webAclArns.map(accountOfArn).find(Boolean) ??
      logGroupEntries.map(([, g]) => (g.ok ? accountOfArn(g.value?.arn) : undefined)).find(Boolean);
    return {
      region,
      ...(accountId ? { accountId } : {}),
      restApis: restList.ok ? { ok: true, value: restApis } : restList,
      v2Apis: v2List.ok ? { ok: true, value: v2Apis } : v2List,
      usagePlans,
      restDomains,
      v2Domains,
      account,
      webAcls: Object.fromEntries(webAclEntries) as Record<string, WebAclSnapshot>,
      logGroups: Object.fromEntries(logGroupEntries) as Record<string, Fetched<LogGroup | undefined>>,
      userPools: Object.fromEntries(userPoolEntries) as NonNullable<AwsSnapshot['userPools']>,
      userPoolMfa: Object.fromEntries(userPoolMfa),
      portals,
      distributions,
      ...(wanted ? { filtered: true } : {}),
      ...(wanted && listsComplete ? { missingApiIds: [...wanted].filter((id) => !found.has(id)).sort() } : {}),
    };
  } finally {
    if (!options.clients) clients.destroy();
  }
}

/** Web ACL ARNs (REST stages) and access-log group names (all stages) the stages point at, deduplicated. */
function referencedResources(
  restApis: RestApiSnapshot[],
  v2Apis: V2ApiSnapshot[],
): { webAclArns: string[]; logGroupNames: string[] } {
  const webAclArns = new Set<string>();
  const logGroupNames = new Set<string>();
  const addLog = (arn: string | undefined): void => {
    const ref = arn ? parseLogGroupArn(arn) : undefined;
    if (ref) logGroupNames.add(ref.name);
  };
  for (const api of restApis) {
    if (!api.stages.ok) continue;
    for (const stage of api.stages.value) {
      if (stage.webAclArn) webAclArns.add(stage.webAclArn);
      addLog(stage.accessLogSettings?.destinationArn);
    }
  }
  for (const api of v2Apis) {
    if (!api.stages.ok) continue;
    for (const stage of api.stages.value) addLog(stage.AccessLogSettings?.DestinationArn);
  }
  return { webAclArns: [...webAclArns].sort(), logGroupNames: [...logGroupNames].sort() };
}

/** Ids of the audited region's user pools that Cognito (REST) and JWT (HTTP) authorizers name, deduplicated. */
function referencedUserPools(restApis: RestApiSnapshot[], v2Apis: V2ApiSnapshot[], region: string): string[] {
  const ids = new Set<string>();
  const add = (text: string | undefined): void => {
    const pool = text ? poolOf(text) : undefined;
    if (pool && pool.region === region) ids.add(pool.id);
  };
  for (const api of restApis) {
    if (api.authorizers.ok) for (const a of api.authorizers.value) for (const arn of a.providerARNs ?? []) add(arn);
  }
  for (const api of v2Apis) {
    if (api.authorizers.ok) for (const a of api.authorizers.value) add(a.JwtConfiguration?.Issuer);
  }
  return [...ids].sort();
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}
