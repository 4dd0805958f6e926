import type { Authorization, PortalSummary, ProductRestEndpointPageSummaryNoBody } from '@aws-sdk/client-apigatewayv2';
import type { Portal, PortalAuthorization, PortalEndpointPage, PortalProduct } from '../types';
import { isKnown, unresolved, type Value } from '../value';
import { apigatewayArn } from './arn';
import type { PortalProductSnapshot, PortalsSnapshot } from './snapshot';

/** What the portal mapping needs besides the snapshot. */
export interface PortalMappingInput {
  readonly region: string;
  /** Ids of the REST APIs in this audit: a page naming another API has an unresolved API id. */
  readonly restApiIds: ReadonlySet<string>;
  /** Only some APIs were audited (--api-id): keep only portals that publish one of them. */
  readonly filtered: boolean;
}

/**
 * ListPortals + ListPortalProducts + ListProductRestEndpointPages → Inventory.portals. A snapshot made
 * before portals were read has none; a failed ListPortals is one stand-in portal whose every field is
 * unresolved, so the portal rules say unknown instead of passing on "no portal".
 */
export function mapPortals(snapshot: PortalsSnapshot | undefined, input: PortalMappingInput): Portal[] {
  if (!snapshot) return [];
  if (!snapshot.portals.ok) {
    const why = unresolved(snapshot.portals.because);
    return [
      {
        id: '(portals unreadable)',
        source: { arn: apigatewayArn(input.region, '/portals') },
        name: why,
        authorization: why,
        publishStatus: why,
        products: why,
      },
    ];
  }
  const products = snapshot.products;
  const byArn = new Map<string, PortalProductSnapshot>(
    products.ok ? products.value.map((p) => [p.product.PortalProductArn ?? '', p]) : [],
  );
  const productOf = (arn: string): PortalProduct => {
    if (!products.ok) return { arn, pages: unresolved(products.because) };
    const found = byArn.get(arn);
    if (!found) {
      const why = `portal product ${arn} is not one of the audited account's products (a product shared from another account cannot be read)`;
      return { arn, pages: unresolved(why) };
    }
    const name = found.product.DisplayName;
    const pages = found.restEndpointPages;
    return {
      arn,
      ...(name !== undefined ? { name } : {}),
      pages: pages.ok ? pages.value.map((page) => pageOf(page, input.restApiIds)) : unresolved(pages.because),
    };
  };
  return snapshot.portals.value
    .map((portal) => mapPortal(portal, input.region, productOf))
    .filter((portal) => !input.filtered || publishesKnownApi(portal))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function mapPortal(portal: PortalSummary, region: string, productOf: (arn: string) => PortalProduct): Portal {
  const id = portal.PortalId ?? '';
  return {
    id,
    source: { arn: portal.PortalArn ?? apigatewayArn(region, `/portals/${id}`) },
    name: portal.PortalContent?.DisplayName,
    authorization: authorizationOf(portal.Authorization),
    publishStatus: portal.PublishStatus,
    products: (portal.IncludedPortalProductArns ?? []).map(productOf),
  };
}

function authorizationOf(authorization: Authorization | undefined): Value<PortalAuthorization> {
  const cognito = authorization?.CognitoConfig;
  if (cognito) {
    return {
      kind: 'cognito',
      ...(cognito.UserPoolArn !== undefined ? { userPoolArn: cognito.UserPoolArn } : {}),
      ...(cognito.AppClientId !== undefined ? { appClientId: cognito.AppClientId } : {}),
    };
  }
  if (authorization?.None) return { kind: 'none' };
  return unresolved('ListPortals answered no authorization (neither cognitoConfig nor none) for this portal');
}

function pageOf(page: ProductRestEndpointPageSummaryNoBody, restApiIds: ReadonlySet<string>): PortalEndpointPage {
  const parts = page.RestEndpointIdentifier?.IdentifierParts;
  const id = parts?.RestApiId;
  const apiId: Value<string> =
    id === undefined
      ? unresolved(`REST endpoint page ${page.ProductRestEndpointPageId ?? '?'} names no REST API`)
      : restApiIds.has(id)
        ? id
        : unresolved(`REST API ${id} is not part of this audit`);
  return {
    apiId,
    stage: parts?.Stage ?? '',
    ...(parts?.Method !== undefined ? { method: parts.Method } : {}),
    ...(parts?.Path !== undefined ? { path: parts.Path } : {}),
  };
}

function publishesKnownApi(portal: Portal): boolean {
  if (!isKnown(portal.products)) return true;
  return portal.products.some((p) => isKnown(p.pages) && p.pages.some((page) => isKnown(page.apiId)));
}
