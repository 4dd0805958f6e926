import { GetDomainNameAccessAssociationsCommand, type DomainNameAccessAssociation } from '@aws-sdk/client-api-gateway';
import { ListRoutingRulesCommand, type RoutingRule } from '@aws-sdk/client-apigatewayv2';
import { fetched, type Fetched } from '../model/aws/snapshot';
import { list, type CollectContext } from './context';

/** Whether a routing mode lets routing rules send traffic (API_MAPPING_ONLY / BASE_PATH_MAPPING_ONLY do not). */
export function rulesRoute(routingMode: string | undefined): boolean {
  return routingMode !== undefined && routingMode.startsWith('ROUTING_RULE');
}

/** ListRoutingRules of one domain, only when its routing mode uses them (else an empty list, no call). */
export async function collectRoutingRules(
  ctx: CollectContext,
  domainName: string | undefined,
  domainNameId: string | undefined,
  routingMode: string | undefined,
): Promise<Fetched<RoutingRule[]>> {
  if (!rulesRoute(routingMode)) return fetched([]);
  const c = ctx.clients.apigatewayv2;
  return list(ctx, 'ListRoutingRules', async (NextToken) => {
    const r = await c.send(
      new ListRoutingRulesCommand({ DomainName: domainName, DomainNameId: domainNameId, MaxResults: 100, NextToken }),
    );
    return { items: r.RoutingRules, next: r.NextToken };
  });
}

/** GetDomainNameAccessAssociations (the account's own), only when a private domain exists (else no call). */
export async function collectAccessAssociations(
  ctx: CollectContext,
  anyPrivate: boolean,
): Promise<Fetched<DomainNameAccessAssociation[]>> {
  if (!anyPrivate) return fetched([]);
  const c = ctx.clients.apigateway;
  return list(ctx, 'GetDomainNameAccessAssociations', async (position) => {
    const r = await c.send(new GetDomainNameAccessAssociationsCommand({ limit: 500, position }));
    return { items: r.items, next: r.position };
  });
}
