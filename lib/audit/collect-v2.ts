import {
  GetApiMappingsCommand,
  GetApisCommand,
  GetAuthorizersCommand,
  GetDomainNamesCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStagesCommand,
  type Api,
} from '@aws-sdk/client-apigatewayv2';
import type { Fetched, V2ApiSnapshot, V2DomainSnapshot } from '../model/aws/snapshot';
import { collectRoutingRules } from './collect-domains';
import { list, type CollectContext } from './context';

/** apigatewayv2 takes MaxResults as a string. */
const PAGE = '500';

export async function listV2Apis(ctx: CollectContext): Promise<Fetched<Api[]>> {
  const c = ctx.clients.apigatewayv2;
  return list(ctx, 'GetApis', async (NextToken) => {
    const r = await c.send(new GetApisCommand({ MaxResults: PAGE, NextToken }));
    return { items: r.Items, next: r.NextToken };
  });
}

export async function collectV2Api(ctx: CollectContext, api: Api): Promise<V2ApiSnapshot> {
  const c = ctx.clients.apigatewayv2;
  const ApiId = api.ApiId ?? '';
  const [stages, routes, authorizers, integrations] = await Promise.all([
    list(ctx, 'GetStages', async (NextToken) => {
      const r = await c.send(new GetStagesCommand({ ApiId, MaxResults: PAGE, NextToken }));
      return { items: r.Items, next: r.NextToken };
    }),
    list(ctx, 'GetRoutes', async (NextToken) => {
      const r = await c.send(new GetRoutesCommand({ ApiId, MaxResults: PAGE, NextToken }));
      return { items: r.Items, next: r.NextToken };
    }),
    list(ctx, 'GetAuthorizers', async (NextToken) => {
      const r = await c.send(new GetAuthorizersCommand({ ApiId, MaxResults: PAGE, NextToken }));
      return { items: r.Items, next: r.NextToken };
    }),
    list(ctx, 'GetIntegrations', async (NextToken) => {
      const r = await c.send(new GetIntegrationsCommand({ ApiId, MaxResults: PAGE, NextToken }));
      return { items: r.Items, next: r.NextToken };
    }),
  ]);
  return { api, stages, routes, authorizers, integrations };
}

export async function collectV2Domains(ctx: CollectContext): Promise<Fetched<V2DomainSnapshot[]>> {
  const c = ctx.clients.apigatewayv2;
  const domains = await list(ctx, 'GetDomainNames', async (NextToken) => {
    const r = await c.send(new GetDomainNamesCommand({ MaxResults: PAGE, NextToken }));
    return { items: r.Items, next: r.NextToken };
  });
  if (!domains.ok) return domains;
  const value = await Promise.all(
    domains.value.map(async (domain) => ({
      domain,
      mappings: await list(ctx, 'GetApiMappings', async (NextToken) => {
        const r = await c.send(
          new GetApiMappingsCommand({ DomainName: domain.DomainName, MaxResults: PAGE, NextToken }),
        );
        return { items: r.Items, next: r.NextToken };
      }),
      routingRules: await collectRoutingRules(ctx, domain.DomainName, undefined, domain.RoutingMode),
    })),
  );
  return { ok: true, value };
}
