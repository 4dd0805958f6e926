import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/request-validation';
import { httpApi, restApi, restMethod, v2Route } from '../../helpers/fixtures';
import { requestValidator, restModel, tags, withoutProperty } from '../../helpers/fixtures-access';
import { testRule } from '../../helpers/rule-tester';

const CLOSED = {
  type: 'object',
  properties: { id: { type: 'string' } },
  required: ['id'],
  additionalProperties: false,
};
const OPEN_NESTED = {
  type: 'object',
  properties: { id: { type: 'string' }, address: { type: 'object', properties: { city: { type: 'string' } } } },
  additionalProperties: false,
};

function cdkPost(stack: Stack, validated: boolean): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  const model = api.addModel('OrderModel', {
    contentType: 'application/json',
    modelName: 'Order',
    schema: {
      type: apigw.JsonSchemaType.OBJECT,
      properties: { id: { type: apigw.JsonSchemaType.STRING } },
      required: ['id'],
      additionalProperties: false,
    },
  });
  api.root.addMethod(
    'POST',
    new apigw.MockIntegration(),
    validated
      ? {
          requestValidatorOptions: { validateRequestBody: true, validateRequestParameters: true },
          requestModels: { 'application/json': model },
        }
      : {},
  );
}

const post = (
  props: Record<string, unknown> = {},
  schema: unknown = CLOSED,
  apiProps: Record<string, unknown> = {},
): Record<string, unknown> => ({
  ...restApi(apiProps),
  ...requestValidator(),
  ...restModel('Order', schema),
  ...restMethod({
    HttpMethod: 'POST',
    AuthorizationType: 'AWS_IAM',
    RequestValidatorId: { Ref: 'Validator' },
    RequestModels: { 'application/json': { Ref: 'Model' } },
    ...props,
  }),
});

const CLOSED_FOR_RESTRICTED = {
  restricted: { rules: { 'request-validation': { options: { requireClosedModels: true } } } },
};

const openApi = {
  openapi: '3.0.1',
  info: { title: 'Orders', version: '1' },
  'x-amazon-apigateway-request-validators': { all: { validateRequestBody: true, validateRequestParameters: true } },
  'x-amazon-apigateway-request-validator': 'all',
  paths: {
    '/orders': {
      post: {
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
        'x-amazon-apigateway-integration': { type: 'mock' },
      },
    },
  },
  components: { schemas: { Order: CLOSED } },
};

testRule(rule, {
  valid: [
    {
      name: 'POST validated against a closed model',
      template: post(),
      cdk: (stack) => cdkPost(stack, true),
    },
    {
      name: 'GET with a required query string and a parameter validator',
      template: {
        ...restApi(),
        ...requestValidator({ ValidateRequestBody: false }),
        ...restMethod({
          RequestParameters: { 'method.request.querystring.page': true },
          RequestValidatorId: { Ref: 'Validator' },
        }),
      },
    },
    {
      name: 'validators declared in an OpenAPI Body count (AwsSolutions-APIG2 looks only for RequestValidator resources)',
      template: { ...restApi({ Body: openApi }) },
    },
    {
      name: 'an open nested object is accepted where the tier does not require closed models',
      template: post({}, OPEN_NESTED, { Tags: tags({ 'data-classification': 'internal' }) }),
      tiers: CLOSED_FOR_RESTRICTED,
    },
    {
      name: 'a GET with only path parameters takes nothing to validate',
      template: { ...restApi(), ...restMethod({ RequestParameters: { 'method.request.path.id': true } }) },
      expect: 'skip',
    },
    {
      name: 'HTTP APIs have no request validators',
      template: { ...httpApi(), ...v2Route('POST /orders') },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a POST without a request validator (the CDK default)',
      template: { ...restApi(), ...restMethod({ HttpMethod: 'POST' }) },
      cdk: (stack) => cdkPost(stack, false),
      message: /POST \/ takes a body but has no request validator/,
    },
    {
      name: 'fails a POST whose validator checks parameters only',
      template: { ...post(), ...requestValidator({ ValidateRequestBody: false }) },
      message: /does not validate the body/,
    },
    {
      name: 'fails a body validator without a request model',
      template: withoutProperty(post(), 'Method', 'RequestModels'),
      message: /declares no request model/,
    },
    {
      name: 'fails validation against the built-in Empty model',
      template: post({ RequestModels: { 'application/json': 'Empty' } }),
      message: /built-in Empty model/,
    },
    {
      name: 'fails a required header without parameter validation',
      template: {
        ...restApi(),
        ...requestValidator({ ValidateRequestParameters: false }),
        ...restMethod({
          RequestParameters: { 'method.request.header.X-Tenant': true },
          RequestValidatorId: { Ref: 'Validator' },
        }),
      },
      message: /does not validate parameters/,
    },
    {
      name: 'fails an open nested object for a restricted API whose tier requires closed models',
      template: post({}, OPEN_NESTED, { Tags: tags({ 'data-classification': 'restricted' }) }),
      tiers: CLOSED_FOR_RESTRICTED,
      message: /Model Order leaves #\/properties\/address open/,
    },
    {
      name: 'fails as unknown when the validator is not in the template',
      template: { ...restApi(), ...restMethod({ HttpMethod: 'PUT', RequestValidatorId: 'abc123' }) },
      expect: 'unknown',
      message: /request validator/,
    },
    {
      name: 'fails as unknown when closed models are required and the model is not in the source',
      template: post({ RequestModels: { 'application/json': 'SharedOrder' } }),
      options: { requireClosedModels: true },
      expect: 'unknown',
      message: /SharedOrder is not in the source/,
    },
  ],
});
