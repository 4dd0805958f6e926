import type { Route } from './routes';
import type { FakeState, Wire } from './state';

/**
 * The apigatewayv2 portal operations (REST-JSON, camelCase, `items` + `nextToken`): ListPortals,
 * ListPortalProducts and ListProductRestEndpointPages. A state without portals answers empty lists.
 */
export function portalRoute(
  state: FakeState,
  parts: string[],
  list: (items: Wire[], q: Record<string, string>) => Wire,
): Route | undefined {
  const products = state.portalProducts ?? [];
  if (parts[0] === 'portals' && parts.length === 1)
    return { operation: 'ListPortals', answer: (q) => list(state.portals ?? [], q) };
  if (parts[0] === 'portalproducts' && parts.length === 1)
    return {
      operation: 'ListPortalProducts',
      answer: (q) =>
        list(
          products.map((p) => p.product),
          q,
        ),
    };
  if (parts[0] === 'portalproducts' && parts[2] === 'productrestendpointpages' && parts.length === 3)
    return {
      operation: 'ListProductRestEndpointPages',
      answer: (q) => {
        const found = products.find((p) => p.product.portalProductId === parts[1]);
        return found ? list(found.restEndpointPages, q) : undefined;
      },
    };
  return undefined;
}
