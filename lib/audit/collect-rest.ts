import {
  GetAccountCommand,
  GetAuthorizersCommand,
  GetBasePathMappingsCommand,
  GetDomainNamesCommand,
  GetGatewayResponsesCommand,
  GetModelsCommand,
  GetRequestValidatorsCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStagesCommand,
  GetUsagePlansCommand,
  type Account,
  type RestApi,
  type UsagePlan,
} from '@aws-sdk/client-api-gateway';
import type { Fetched, RestApiSnapshot, RestDomainSnapshot } from '../model/aws/snapshot';
import { collectAccessAssociations, collectRoutingRules } from './collect-domains';
import { list, one, type CollectContext } from './context';

/** API Gateway's largest page size for REST list calls. */
const PAGE = 500;

export async function listRestApis(ctx: CollectContext): Promise<Fetched<RestApi[]>> {
  const c = ctx.clients.apigateway;
  return list(ctx, 'GetRestApis', async (position) => {
    const r = await c.send(new GetRestApisCommand({ limit: PAGE, position }));
    return { items: r.items, next: r.position };
  });
}

/** Everything the rules need about one REST API, its calls run concurrently (bounded by the limiter). */
export async function collectRestApi(ctx: CollectContext, api: RestApi): Promise<RestApiSnapshot> {
  const c = ctx.clients.apigateway;
  const restApiId = api.id ?? '';
  const [stages, resources, authorizers, validators, models, gatewayResponses] = await Promise.all([
    one(ctx, 'GetStages', async () => (await c.send(new GetStagesCommand({ restApiId }))).item ?? []),
    list(ctx, 'GetResources', async (position) => {
      const r = await c.send(new GetResourcesCommand({ restApiId, embed: ['methods'], limit: PAGE, position }));
      return { items: r.items, next: r.position };
    }),
    list(ctx, 'GetAuthorizers', async (position) => {
      const r = await c.send(new GetAuthorizersCommand({ restApiId, limit: PAGE, position }));
      return { items: r.items, next: r.position };
    }),
    list(ctx, 'GetRequestValidators', async (position) => {
      const r = await c.send(new GetRequestValidatorsCommand({ restApiId, limit: PAGE, position }));
      return { items: r.items, next: r.position };
    }),
    list(ctx, 'GetModels', async (position) => {
      const r = await c.send(new GetModelsCommand({ restApiId, limit: PAGE, position }));
      return { items: r.items, next: r.position };
    }),
    list(ctx, 'GetGatewayResponses', async (position) => {
      const r = await c.send(new GetGatewayResponsesCommand({ restApiId, limit: PAGE, position }));
      return { items: r.items, next: r.position };
    }),
  ]);
  return { api, stages, resources, authorizers, validators, models, gatewayResponses };
}

export async function collectUsagePlans(ctx: CollectContext): Promise<Fetched<UsagePlan[]>> {
  const c = ctx.clients.apigateway;
  return list(ctx, 'GetUsagePlans', async (position) => {
    const r = await c.send(new GetUsagePlansCommand({ limit: PAGE, position }));
    return { items: r.items, next: r.position };
  });
}

export async function collectRestDomains(ctx: CollectContext): Promise<Fetched<RestDomainSnapshot[]>> {
  const c = ctx.clients.apigateway;
  const domains = await list(ctx, 'GetDomainNames', async (position) => {
    const r = await c.send(new GetDomainNamesCommand({ limit: PAGE, position }));
    return { items: r.items, next: r.position };
  });
  if (!domains.ok) return domains;
  const anyPrivate = domains.value.some((d) => d.endpointConfiguration?.types?.includes('PRIVATE'));
  const associations = await collectAccessAssociations(ctx, anyPrivate);
  const value = await Promise.all(
    domains.value.map(async (domain) => ({
      domain,
      mappings: await list(ctx, 'GetBasePathMappings', async (position) => {
        const r = await c.send(
          new GetBasePathMappingsCommand({
            domainName: domain.domainName,
            domainNameId: domain.domainNameId,
            limit: PAGE,
            position,
          }),
        );
        return { items: r.items, next: r.position };
      }),
      accessAssociations: associations.ok
        ? { ok: true as const, value: associations.value.filter((a) => a.domainNameArn === domain.domainNameArn) }
        : associations,
      routingRules: await collectRoutingRules(ctx, domain.domainName, domain.domainNameId, domain.routingMode),
    })),
  );
  return { ok: true, value };
}

export function collectAccount(ctx: CollectContext): Promise<Fetched<Account>> {
  return one(ctx, 'GetAccount', () => ctx.clients.apigateway.send(new GetAccountCommand({})));
}
