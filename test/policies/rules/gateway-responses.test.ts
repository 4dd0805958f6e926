import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/gateway-responses';
import { httpApi, restApi, restMethod } from '../../helpers/fixtures';
import { gatewayResponse, tags } from '../../helpers/fixtures-access';
import { testRule } from '../../helpers/rule-tester';

const BODY = { 'application/json': '{"message":"Request failed","requestId":"$context.requestId"}' };
const HEADERS_ONLY = { 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'" };

function cdkApi(stack: Stack, responses: apigw.GatewayResponseOptions[]): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration());
  responses.forEach((response, i) => api.addGatewayResponse(`Response${i}`, response));
}

const both = (
  props: Record<string, unknown> = {},
  apiProps: Record<string, unknown> = {},
): Record<string, unknown> => ({
  ...restApi(apiProps),
  ...gatewayResponse('DEFAULT_4XX', props),
  ...gatewayResponse('DEFAULT_5XX', props),
});

const RESTRICTED_ALSO_DENIED = {
  restricted: {
    rules: { 'gateway-responses': { options: { requiredTypes: ['DEFAULT_4XX', 'DEFAULT_5XX', 'ACCESS_DENIED'] } } },
  },
};

testRule(rule, {
  valid: [
    {
      name: 'DEFAULT_4XX and DEFAULT_5XX replaced with a generic body',
      template: both({ ResponseTemplates: BODY }),
      cdk: (stack) =>
        cdkApi(stack, [
          { type: apigw.ResponseType.DEFAULT_4XX, templates: BODY },
          { type: apigw.ResponseType.DEFAULT_5XX, templates: BODY },
        ]),
    },
    {
      name: 'gateway responses declared in an OpenAPI Body',
      template: {
        ...restApi({
          Body: {
            openapi: '3.0.1',
            info: { title: 'Orders', version: '1' },
            paths: {},
            'x-amazon-apigateway-gateway-responses': {
              DEFAULT_4XX: { responseTemplates: BODY },
              DEFAULT_5XX: { responseTemplates: BODY },
            },
          },
        }),
      },
    },
    {
      name: 'header-only customisation counts unless the standard wants a body template',
      template: both({ ResponseParameters: HEADERS_ONLY }),
    },
    {
      name: 'an internal API need not customise ACCESS_DENIED even where restricted APIs must',
      template: both({ ResponseTemplates: BODY }, { Tags: tags({ 'data-classification': 'internal' }) }),
      tiers: RESTRICTED_ALSO_DENIED,
    },
    { name: 'HTTP APIs have no gateway responses', template: { ...httpApi() }, expect: 'skip' },
  ],
  invalid: [
    {
      name: 'fails an API with the default gateway responses (the CDK default)',
      template: { ...restApi(), ...restMethod() },
      cdk: (stack) => cdkApi(stack, []),
      message: /does not customise gateway responses DEFAULT_4XX, DEFAULT_5XX/,
    },
    {
      name: 'fails when only DEFAULT_4XX is customised',
      template: { ...restApi(), ...gatewayResponse('DEFAULT_4XX', { ResponseTemplates: BODY }) },
      message: /gateway response DEFAULT_5XX;/,
    },
    {
      name: 'fails header-only responses when the standard wants a body template (CORS headers on errors are not customisation)',
      template: both({ ResponseParameters: HEADERS_ONLY }),
      cdk: (stack) =>
        cdkApi(stack, [
          {
            type: apigw.ResponseType.DEFAULT_4XX,
            responseHeaders: { 'Access-Control-Allow-Origin': "'https://app.example.com'" },
          },
          {
            type: apigw.ResponseType.DEFAULT_5XX,
            responseHeaders: { 'Access-Control-Allow-Origin': "'https://app.example.com'" },
          },
        ]),
      options: { requireBodyTemplate: true },
      message: /DEFAULT_4XX only changes headers/,
      count: 2,
    },
    {
      name: 'fails a restricted API without the ACCESS_DENIED response its tier requires',
      template: both({ ResponseTemplates: BODY }, { Tags: tags({ 'data-classification': 'restricted' }) }),
      tiers: RESTRICTED_ALSO_DENIED,
      message: /ACCESS_DENIED/,
    },
    {
      name: 'fails as unknown when a response type comes from a parameter without default and one is missing',
      template: {
        Parameters: { Kind: { Type: 'String' } },
        Resources: {
          ...restApi(),
          ...gatewayResponse('DEFAULT_4XX'),
          ...gatewayResponse({ Ref: 'Kind' } as unknown as string, {}, 'Other'),
        },
      },
      expect: 'unknown',
      message: /parameter Kind/,
    },
  ],
});
