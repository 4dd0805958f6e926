import type { FakeState, Wire } from './fake-aws/state';
import { accountFixture, ACCOUNT, REGION } from './fixtures';

const portalArn = (id: string): string => `arn:aws:apigateway:${REGION}::/portals/${id}`;
export const productArn = (id: string, account = ACCOUNT): string =>
  `arn:aws:apigateway:${REGION}:${account}:/portalproducts/${id}`;
/** A product of another account, shared through AWS RAM: the audited account cannot list its pages. */
export const SHARED_PRODUCT_ARN = productArn('sh4red', '210987654321');

function portal(id: string, name: string, authorization: Wire, products: string[]): Wire {
  return {
    portalId: id,
    portalArn: portalArn(id),
    authorization,
    includedPortalProductArns: products,
    portalContent: { displayName: name, theme: { customColors: {} } },
    endpointConfiguration: { portalDefaultDomainName: `${id}.portal.example`, portalDomainHostedZoneId: 'Z1' },
    publishStatus: 'PUBLISHED',
    lastModified: '2026-11-30T10:00:00Z',
  };
}

function page(id: string, restApiId: string, stage: string, method: string, path: string): Wire {
  return {
    productRestEndpointPageId: id,
    productRestEndpointPageArn: `${productArn('x')}/productrestendpointpages/${id}`,
    endpoint: `https://${restApiId}.execute-api.${REGION}.amazonaws.com/${stage}${path}`,
    restEndpointIdentifier: { identifierParts: { restApiId, stage, method, path } },
    status: 'AVAILABLE',
    tryItState: 'ENABLED',
    lastModified: '2026-11-30T10:00:00Z',
  };
}

/**
 * The account fixture with two portals: `partners` (Cognito sign-in) publishes the internal orders API;
 * `open` (authorization none) publishes the untagged legacy API (strictest tier) and a shared product.
 */
export function portalsFixture(): FakeState {
  return withPortals(accountFixture());
}

/** Adds the two portals of `portalsFixture` (which publish the account fixture's REST APIs) to a state. */
export function withPortals(state: FakeState): FakeState {
  const cognitoConfig = {
    appClientId: 'client1',
    userPoolArn: `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${REGION}_abc`,
    userPoolDomain: `https://partners.auth.${REGION}.amazoncognito.com`,
  };
  state.portals = [
    portal('partn3rs', 'partners', { cognitoConfig }, [productArn('ord3rsprod')]),
    portal('op3n', 'open', { none: {} }, [productArn('l3gacyprod'), SHARED_PRODUCT_ARN]),
  ];
  const product = (id: string, name: string, pages: Wire[]): { product: Wire; restEndpointPages: Wire[] } => ({
    product: {
      portalProductId: id,
      portalProductArn: productArn(id),
      displayName: name,
      description: '',
      lastModified: '2026-11-30T10:00:00Z',
    },
    restEndpointPages: pages,
  });
  state.portalProducts = [
    product('ord3rsprod', 'Orders', [
      page('pg1', 'ord3rs', 'prod', 'GET', '/orders'),
      page('pg2', 'ord3rs', 'prod', 'POST', '/orders'),
    ]),
    product('l3gacyprod', 'Legacy', [page('pg3', 'l3gacy', 'prod', 'GET', '/')]),
    product('unus3d', 'Unused', [page('pg4', 'ord3rs', 'prod', 'GET', '/orders')]),
  ];
  return state;
}
