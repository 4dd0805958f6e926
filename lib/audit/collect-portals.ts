import {
  ListPortalProductsCommand,
  ListPortalsCommand,
  ListProductRestEndpointPagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import type { PortalsSnapshot } from '../model/aws/snapshot';
import { list, type CollectContext } from './context';

/** apigatewayv2 takes MaxResults as a string. */
const PAGE = '500';

/**
 * ListPortals, ListPortalProducts, and ListProductRestEndpointPages for every product a portal includes
 * (the pages name the REST API and stage each product documents).
 */
export async function collectPortals(ctx: CollectContext): Promise<PortalsSnapshot> {
  const c = ctx.clients.apigatewayv2;
  const [portals, products] = await Promise.all([
    list(ctx, 'ListPortals', async (NextToken) => {
      const r = await c.send(new ListPortalsCommand({ MaxResults: PAGE, NextToken }));
      return { items: r.Items, next: r.NextToken };
    }),
    list(ctx, 'ListPortalProducts', async (NextToken) => {
      const r = await c.send(new ListPortalProductsCommand({ MaxResults: PAGE, NextToken }));
      return { items: r.Items, next: r.NextToken };
    }),
  ]);
  if (!products.ok) return { portals, products };
  const included = new Set(portals.ok ? portals.value.flatMap((p) => p.IncludedPortalProductArns ?? []) : []);
  const value = await Promise.all(
    products.value
      .filter((product) => !portals.ok || included.has(product.PortalProductArn ?? ''))
      .map(async (product) => ({
        product,
        restEndpointPages: await list(ctx, 'ListProductRestEndpointPages', async (NextToken) => {
          const r = await c.send(
            new ListProductRestEndpointPagesCommand({
              PortalProductId: product.PortalProductId,
              MaxResults: PAGE,
              NextToken,
            }),
          );
          return { items: r.Items, next: r.NextToken };
        }),
      })),
  );
  return { portals, products: { ok: true, value } };
}
