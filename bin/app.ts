#!/usr/bin/env node
/**
 * Reference app run by `npx cdk synth` (see cdk.json): a plain RestApi with one GET method, checked at
 * synth time by the ApiGuardrails validation plugin against the shipped standard.
 *
 * The API is deliberately NOT hardened, so the synth output shows the standard at work: a compliance
 * summary on stderr and one violation per failing control. `failOn: 'never'` makes the plugin report
 * without failing synthesis (CDK prints the violations and exits 0); the default, 'error', fails
 * `cdk synth` on any error-severity finding, which is what CI should use.
 */
import { App, Stack, Tags, Validations } from 'aws-cdk-lib';
import { MockIntegration, PassthroughBehavior, RestApi } from 'aws-cdk-lib/aws-apigateway';
import { ApiGuardrails } from '../lib/adapters/cdk-plugin';

const app = new App();
Validations.of(app).addPlugins(new ApiGuardrails({ failOn: 'never' }));

const stack = new Stack(app, 'ApiGuardrailsDemo', { description: 'cdk-api-guardrails reference app: a plain RestApi' });
const api = new RestApi(stack, 'Orders', { restApiName: 'orders', description: 'Orders API (plain RestApi, not hardened)' });
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

app.synth();
