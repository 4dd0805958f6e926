import type { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { Inventory, Portal, PortalAuthorization, PortalProduct } from '../../lib/model/types';
import { unresolved, type Value } from '../../lib/model/value';

type Props = Record<string, unknown>;

export const COGNITO: PortalAuthorization = {
  kind: 'cognito',
  userPoolArn: 'arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_abc',
  appClientId: 'client1',
};
export const OPEN: PortalAuthorization = { kind: 'none' };

/** A REST API (L1: a portal needs no methods) with a data-classification tag, as a Resources map. */
export function taggedRestApi(classification: unknown, id = 'Api', name = 'orders'): Props {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: { Name: name, Tags: [{ Key: 'data-classification', Value: classification }] },
    },
  };
}

/** The same REST API through CDK. */
export function cdkTaggedRestApi(stack: Stack, classification: string, id = 'Api', name = 'orders'): void {
  new apigateway.CfnRestApi(stack, id, { name, tags: [{ key: 'data-classification', value: classification }] });
}

/** A portal as the audit maps it. */
export function portal(parts: Partial<Portal> = {}): Portal {
  return {
    id: 'p0rtal',
    source: { arn: 'arn:aws:apigateway:eu-west-1::/portals/p0rtal' },
    name: 'partners',
    authorization: COGNITO,
    publishStatus: 'PUBLISHED',
    products: [],
    ...parts,
  };
}

/** A product whose REST endpoint pages document the prod stage of each of these APIs. */
export function productOf(apiIds: Value<string>[], name = 'orders-product'): PortalProduct {
  return {
    arn: `arn:aws:apigateway:eu-west-1::/portalproducts/${name}`,
    name,
    pages: apiIds.map((apiId) => ({ apiId, stage: 'prod', method: 'GET', path: '/orders' })),
  };
}

/** `extend` for the rule tester: one portal (these parts) whose product publishes every REST API of the inventory. */
export function withPortal(
  parts: Partial<Portal> = {},
  extraApiIds: Value<string>[] = [],
): (inventory: Inventory) => Inventory {
  return (inventory) => {
    const apiIds = inventory.apis.filter((a) => a.kind === 'rest').map((a) => a.id);
    const products = [productOf([...apiIds, ...extraApiIds])];
    return { ...inventory, portals: [portal({ products, ...parts })] };
  };
}

export const NOT_AUDITED = unresolved('REST API 0ther is not part of this audit');
