/**
 * Fixture builders for the issue-19 traffic rules (dual-stack, response streaming, inventory hygiene).
 * Each template builder returns a Resources map fragment, like test/helpers/fixtures.ts.
 */
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Tags, type Stack } from 'aws-cdk-lib';

type Props = Record<string, unknown>;

/** Tags that put an API in a data-classification tier. */
export function tier(name: string): Props[] {
  return [{ Key: 'data-classification', Value: name }];
}

/** CDK: a REST API with a MOCK root method, tagged with the tier when one is given. */
export function cdkTieredRestApi(
  stack: Stack,
  tierName: string | undefined,
  props: apigw.RestApiProps = {},
): apigw.RestApi {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, ...props });
  api.root.addMethod('GET', new apigw.MockIntegration());
  if (tierName !== undefined) Tags.of(api).add('data-classification', tierName);
  return api;
}
