import type { LogGroup as AwsLogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { Source } from '../source';
import type { Account, Api, Inventory, LogGroup, Notice, UsagePlan, WebAcl } from '../types';
import { isKnown, unresolved, type Value } from '../value';
import { apigatewayArn, parseLogGroupArn } from './arn';
import { mapDistributions } from './distributions';
import { mapDomains } from './domains';
import { mapPortals } from './portals';
import { mapRestApi } from './rest-api';
import type { MappingContext } from './shared';
import type { AwsSnapshot, Fetched } from './snapshot';
import { auditUserPools } from './user-pools';
import { mapV2Api } from './v2-api';
import { mapWebAcl } from './waf';

/**
 * The pure half of `fromAws`: collected AWS responses → the same Inventory the template builder
 * produces, so every rule runs unchanged. Failed calls become Unresolved values and error notices.
 */
export function fromAwsSnapshot(snapshot: AwsSnapshot): Inventory {
  const { region } = snapshot;
  const notices: Notice[] = [];
  const notice = (level: Notice['level'], code: string, message: string, source: Source): void =>
    void notices.push({ level, code, message, source });

  const webAclCache = new Map<string, Value<WebAcl>>();
  const webAcl = (arn: string): Value<WebAcl> => {
    let acl = webAclCache.get(arn);
    if (!acl) {
      const found = snapshot.webAcls[arn];
      acl = found
        ? mapWebAcl(arn, found)
        : unresolved(`web ACL ${arn} was not read (only WAFv2 web ACLs can be audited)`);
      webAclCache.set(arn, acl);
    }
    return acl;
  };
  const logGroupCache = new Map<string, Value<LogGroup>>();
  const logGroup = (destinationArn: string): Value<LogGroup> | undefined => {
    const ref = parseLogGroupArn(destinationArn);
    if (!ref) return undefined;
    let group = logGroupCache.get(ref.name);
    if (!group) {
      group = mapLogGroup(ref.name, destinationArn, snapshot.logGroups[ref.name], ref.region === region);
      logGroupCache.set(ref.name, group);
    }
    return group;
  };

  // Unreadable usage plans are named by the unknowns of the unreadable plan added below, not by a notice too.
  const usagePlans = snapshot.usagePlans.ok ? snapshot.usagePlans.value : [];
  const plansByStage = new Map<string, string[]>();
  for (const plan of usagePlans) {
    for (const s of plan.apiStages ?? []) {
      const key = `${s.apiId}/${s.stage}`;
      plansByStage.set(key, [...(plansByStage.get(key) ?? []), plan.id ?? '']);
    }
  }

  const restApis = snapshot.restApis.ok ? snapshot.restApis.value : [];
  const v2Apis = snapshot.v2Apis.ok ? snapshot.v2Apis.value : [];
  const apiIds = new Set<string>([...restApis.map((a) => a.api.id ?? ''), ...v2Apis.map((a) => a.api.ApiId ?? '')]);
  let domainIdsByApi = new Map<string, string[]>();
  const ctx: MappingContext = {
    region,
    notice,
    webAcl,
    logGroup,
    usagePlanIds: (apiId, stage) => plansByStage.get(`${apiId}/${stage}`) ?? [],
    domainIds: (apiId) => domainIdsByApi.get(apiId) ?? [],
  };
  let domains = mapDomains(snapshot, apiIds, ctx);
  if (snapshot.filtered) domains = domains.filter((d) => d.mappings.some((m) => isKnown(m.apiId)));
  domainIdsByApi = new Map();
  for (const domain of domains) {
    for (const m of domain.mappings) {
      if (!isKnown(m.apiId)) continue;
      const list = domainIdsByApi.get(m.apiId) ?? [];
      if (!list.includes(domain.id)) list.push(domain.id);
      domainIdsByApi.set(m.apiId, list);
    }
  }

  if (!snapshot.restApis.ok) {
    notice('error', 'AUDIT_CALL_FAILED', `REST APIs (GetRestApis) could not be listed: ${snapshot.restApis.because}`, {
      arn: apigatewayArn(region, '/restapis'),
    });
  }
  if (!snapshot.v2Apis.ok) {
    notice(
      'error',
      'AUDIT_CALL_FAILED',
      `HTTP and WebSocket APIs (GetApis) could not be listed: ${snapshot.v2Apis.because}`,
      { arn: apigatewayArn(region, '/apis') },
    );
  }
  for (const id of snapshot.missingApiIds ?? []) {
    notice(
      'error',
      'AUDIT_API_NOT_FOUND',
      `API ${id} was asked for (--api-id) but does not exist in ${region}. Check the id and the region.`,
      { arn: id },
    );
  }
  const apis: Api[] = [...restApis.map((s) => mapRestApi(s, ctx)), ...v2Apis.map((s) => mapV2Api(s, ctx))].sort(
    (a, b) => a.id.localeCompare(b.id),
  );

  const plans: UsagePlan[] = usagePlans
    .map((plan): UsagePlan => ({
      id: plan.id ?? '',
      source: deployedPlanSource(region, plan.id ?? '', plan.tags),
      ...(plan.throttle
        ? {
            throttle: {
              ...(plan.throttle.rateLimit !== undefined ? { rateLimit: plan.throttle.rateLimit } : {}),
              ...(plan.throttle.burstLimit !== undefined ? { burstLimit: plan.throttle.burstLimit } : {}),
            },
          }
        : {}),
      ...(plan.quota
        ? {
            quota: {
              ...(plan.quota.limit !== undefined ? { limit: plan.quota.limit } : {}),
              ...(plan.quota.period !== undefined ? { period: plan.quota.period } : {}),
            },
          }
        : {}),
      stages: (plan.apiStages ?? []).map((s) => ({
        apiId: s.apiId && apiIds.has(s.apiId) ? s.apiId : unresolved(`API ${s.apiId ?? '?'} is not part of this audit`),
        stage: s.stage ?? '',
      })),
    }))
    .filter((plan) => !snapshot.filtered || plan.stages.some((s) => isKnown(s.apiId)))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (!snapshot.usagePlans.ok) {
    // Unknown, not "no plan": a plan whose every field is unresolved makes the usage-plan rules say unknown.
    const why = unresolved(snapshot.usagePlans.because);
    plans.push({
      id: '(usage plans unreadable)',
      source: { arn: apigatewayArn(region, '/usageplans'), resourceType: 'AWS::ApiGateway::UsagePlan' },
      throttle: { rateLimit: why, burstLimit: why },
      quota: { limit: why, period: why },
      stages: [{ apiId: why, stage: why }],
    });
  }

  const webAcls = [...webAclCache.values()].filter(isKnown).sort((a, b) => a.id.localeCompare(b.id));
  return {
    apis,
    domains,
    webAcls,
    usagePlans: plans,
    userPools: auditUserPools(apis, snapshot.userPools, snapshot.userPoolMfa),
    distributions: mapDistributions(snapshot, { region, apiIds: new Set(apis.map((a) => a.id)), domains }),
    portals: mapPortals(snapshot.portals, {
      region,
      restApiIds: new Set(apis.filter((a) => a.kind === 'rest').map((a) => a.id)),
      filtered: snapshot.filtered === true,
    }),
    account: mapAccount(region, snapshot.account),
    notices,
    origins: [`aws:${snapshot.accountId ? `${snapshot.accountId}:` : ''}${region}`],
  };
}

function deployedPlanSource(region: string, id: string, tags: Record<string, string> | undefined): Source {
  const source: Source = {
    arn: apigatewayArn(region, `/usageplans/${id}`),
    resourceType: 'AWS::ApiGateway::UsagePlan',
  };
  const logicalId = tags?.['aws:cloudformation:logical-id'];
  return logicalId ? { ...source, logicalId } : source;
}

function mapAccount(region: string, account: AwsSnapshot['account']): Account {
  const source = { arn: apigatewayArn(region, '/account'), resourceType: 'AWS::ApiGateway::Account' };
  if (!account.ok) return { source, cloudWatchRoleArn: unresolved(account.because) };
  return { source, ...(account.value.cloudwatchRoleArn ? { cloudWatchRoleArn: account.value.cloudwatchRoleArn } : {}) };
}

function mapLogGroup(
  name: string,
  destinationArn: string,
  result: Fetched<AwsLogGroup | undefined> | undefined,
  sameRegion: boolean,
): Value<LogGroup> {
  if (!sameRegion) return unresolved(`log group ${name} is in another region than the audit`);
  if (!result) return unresolved(`log group ${name} was not read`);
  if (!result.ok) return unresolved(result.because);
  if (!result.value)
    return unresolved(`log group ${name} does not exist (DescribeLogGroups found no group of that name)`);
  const group = result.value;
  return {
    source: { arn: group.arn?.replace(/:\*$/, '') ?? destinationArn, resourceType: 'AWS::Logs::LogGroup' },
    name,
    ...(group.retentionInDays !== undefined ? { retentionDays: group.retentionInDays } : {}),
    ...(group.kmsKeyId !== undefined ? { kmsKeyId: group.kmsKeyId } : {}),
  };
}
