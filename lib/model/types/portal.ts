import type { Source } from '../source';
import { isKnown, type Value } from '../value';

/**
 * Who may open a portal (GetPortal `authorization`): an Amazon Cognito user pool app client, or `none` —
 * anyone on the web.
 */
export type PortalAuthorization =
  | { readonly kind: 'cognito'; readonly userPoolArn?: string; readonly appClientId?: string }
  | { readonly kind: 'none' };

/** A product REST endpoint page: documents one method of a REST API stage (its `restEndpointIdentifier`). */
export interface PortalEndpointPage {
  /** The REST API id; Unresolved when the API is not part of the audited inventory. */
  readonly apiId: Value<string>;
  readonly stage: string;
  readonly method?: string;
  readonly path?: string;
}

/** A portal product the portal includes, with the REST endpoints it documents. */
export interface PortalProduct {
  readonly arn: string;
  readonly name?: string;
  /** Unresolved when the pages could not be read (call failed, product of another account). */
  readonly pages: Value<PortalEndpointPage[]>;
}

/**
 * An API Gateway portal (developer portal, apigatewayv2 `ListPortals`). Only the audit knows portals:
 * CloudFormation has no portal resource (only `AWS::ApiGatewayV2::PortalProduct`, with nothing to check).
 */
export interface Portal {
  /** Portal id. */
  readonly id: string;
  readonly source: Source;
  readonly name: Value<string | undefined>;
  readonly authorization: Value<PortalAuthorization>;
  /** PublishStatus: PUBLISHED, PUBLISH_IN_PROGRESS, DISABLED ...; undefined = never published. */
  readonly publishStatus: Value<string | undefined>;
  /** The portal products the portal includes (`includedPortalProductArns`). */
  readonly products: Value<PortalProduct[]>;
}

/** The REST API ids a portal publishes, known or not (for the engine's tier of the portal). */
export function portalApiIds(portal: Portal): Value<string>[] {
  if (!isKnown(portal.products)) return [];
  return portal.products.flatMap((product) => (isKnown(product.pages) ? product.pages.map((p) => p.apiId) : []));
}
