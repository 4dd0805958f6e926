import type { App } from 'aws-cdk-lib';
import { Stack, Tags } from 'aws-cdk-lib';
import { MockIntegration, PassthroughBehavior, RestApi } from 'aws-cdk-lib/aws-apigateway';

/**
 * The "before" picture: a plain aws-cdk-lib RestApi with one GET method, as most APIs start out. Run with
 * `npx cdk synth -c demo=plain` to see what the standard says about it (reported, not enforced).
 */
export function createPlainDemo(app: App): void {
  const stack = new Stack(app, 'ApiGuardrailsPlainDemo', { description: 'cdk-api-guardrails demo: a plain RestApi' });
  const api = new RestApi(stack, 'Orders', {
    restApiName: 'orders',
    description: 'Orders API (plain RestApi, not hardened)',
  });
  Tags.of(api).add('data-classification', 'internal');
  Tags.of(api).add('owner', 'orders-team');
  api.root.addResource('orders').addMethod(
    'GET',
    new MockIntegration({
      passthroughBehavior: PassthroughBehavior.NEVER,
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"orders": []}' } }],
    }),
    { methodResponses: [{ statusCode: '200' }] },
  );
}
