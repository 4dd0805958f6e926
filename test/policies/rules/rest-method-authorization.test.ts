import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/rest-method-authorization';
import { httpApi, restApi, restMethod, v2Route } from '../../helpers/fixtures';
import {
  corsPreflightIntegration,
  corsPreflightMethodResponses,
  restAuthorizer,
  tags,
} from '../../helpers/fixtures-access';
import { describeCorpusAgreement } from '../../helpers/fixtures-logging';
import { testRule } from '../../helpers/rule-tester';

function cdkApi(stack: Stack, props: apigw.RestApiProps, methodOptions?: apigw.MethodOptions): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, ...props });
  api.root.addMethod('GET', new apigw.MockIntegration(), methodOptions);
}

const RESTRICTED_IAM_ONLY = {
  restricted: { rules: { 'rest-method-authorization': { options: { allowedTypes: ['AWS_IAM'] } } } },
};

const openApiBody = (operation: Record<string, unknown>): Record<string, unknown> => ({
  openapi: '3.0.1',
  info: { title: 'Orders', version: '1' },
  paths: {
    '/orders': {
      get: {
        'x-amazon-apigateway-integration': {
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode":200}' },
        },
        ...operation,
      },
    },
  },
});

testRule(rule, {
  valid: [
    {
      name: 'IAM-authorized method',
      template: { ...restApi(), ...restMethod({ AuthorizationType: 'AWS_IAM' }) },
      cdk: (stack) => cdkApi(stack, { defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM } }),
    },
    {
      name: 'CUSTOM method with a Lambda authorizer',
      template: {
        ...restApi(),
        ...restAuthorizer(),
        ...restMethod({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'Authorizer' } }),
      },
    },
    {
      name: 'CORS preflight OPTIONS (MOCK answering Access-Control-* headers) is exempt, as CDK writes it',
      template: {
        ...restApi(),
        ...restMethod({ AuthorizationType: 'AWS_IAM' }),
        ...restMethod(
          {
            HttpMethod: 'OPTIONS',
            AuthorizationType: 'NONE',
            Integration: corsPreflightIntegration(),
            MethodResponses: corsPreflightMethodResponses(),
          },
          'Preflight',
        ),
      },
      cdk: (stack) =>
        cdkApi(stack, {
          defaultCorsPreflightOptions: { allowOrigins: ['https://app.example.com'] },
          defaultMethodOptions: { authorizationType: apigw.AuthorizationType.IAM },
        }),
    },
    {
      name: 'a CORS preflight alone is recorded as exempt, not as checked',
      template: {
        ...restApi(),
        ...restMethod(
          {
            HttpMethod: 'OPTIONS',
            AuthorizationType: 'NONE',
            Integration: corsPreflightIntegration(),
            MethodResponses: corsPreflightMethodResponses(),
          },
          'Preflight',
        ),
      },
      expect: 'exempt',
      message: /CORS preflight/,
    },
    {
      name: 'HTTP API routes are out of scope (v2-route-authorization covers them)',
      template: { ...httpApi(), ...v2Route('GET /orders') },
      expect: 'skip',
    },
    {
      name: 'an OpenAPI Body operation with a SigV4 security scheme',
      template: {
        ...restApi({
          Body: {
            ...openApiBody({ security: [{ sigv4: [] }] }),
            components: {
              securitySchemes: {
                sigv4: {
                  type: 'apiKey',
                  name: 'Authorization',
                  in: 'header',
                  'x-amazon-apigateway-authtype': 'awsSigv4',
                },
              },
            },
          },
        }),
      },
    },
    {
      name: 'CUSTOM is fine for a public API even where restricted APIs must use IAM',
      template: {
        ...restApi({ Tags: tags({ 'data-classification': 'public' }) }),
        ...restAuthorizer(),
        ...restMethod({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'Authorizer' } }),
      },
      tiers: RESTRICTED_IAM_ONLY,
    },
  ],
  invalid: [
    {
      name: 'fails a method with AuthorizationType NONE (the CDK default)',
      template: { ...restApi(), ...restMethod({ AuthorizationType: 'NONE' }) },
      cdk: (stack) => cdkApi(stack, {}),
      message: /GET \/ has authorization type NONE/,
    },
    {
      name: 'fails a method without AuthorizationType (AWS defaults to NONE)',
      template: { ...restApi(), ...restMethod() },
      message: /NONE/,
    },
    {
      name: 'fails NONE with ApiKeyRequired: an API key is not authorization (CKV_AWS_59 passes this)',
      template: { ...restApi(), ...restMethod({ AuthorizationType: 'NONE', ApiKeyRequired: true }) },
      cdk: (stack) => cdkApi(stack, {}, { apiKeyRequired: true }),
      message: /API key identifies a client/,
    },
    {
      name: 'fails an OPTIONS method that is not a CORS preflight (Lambda proxy; CKV_AWS_59, W59 and KICS exempt every OPTIONS)',
      template: {
        ...restApi(),
        ...restMethod({
          HttpMethod: 'OPTIONS',
          AuthorizationType: 'NONE',
          Integration: {
            Type: 'AWS_PROXY',
            IntegrationHttpMethod: 'POST',
            Uri: 'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:111111111111:function:fn/invocations',
          },
        }),
      },
      message: /not a CORS preflight/,
    },
    {
      name: 'fails a MOCK OPTIONS method that answers no Access-Control-* header (KICS open-access treats it as negative)',
      template: {
        ...restApi(),
        ...restMethod({ HttpMethod: 'OPTIONS', AuthorizationType: 'NONE', Integration: { Type: 'MOCK' } }),
      },
      message: /OPTIONS/,
    },
    {
      name: 'fails a method declared only in an inline OpenAPI Body without security',
      template: { ...restApi({ Body: openApiBody({}) }) },
      message: /GET \/orders/,
    },
    {
      name: 'fails COGNITO_USER_POOLS when the standard only allows AWS_IAM',
      template: {
        ...restApi(),
        ...restAuthorizer({
          Type: 'COGNITO_USER_POOLS',
          ProviderARNs: ['arn:aws:cognito-idp:eu-west-1:111111111111:userpool/eu-west-1_abc'],
        }),
        ...restMethod({ AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: 'Authorizer' } }),
      },
      options: { allowedTypes: ['AWS_IAM'] },
      message: /allows AWS_IAM/,
    },
    {
      name: 'fails CUSTOM for a restricted API whose tier allows only IAM',
      template: {
        ...restApi({ Tags: tags({ 'data-classification': 'restricted' }) }),
        ...restAuthorizer(),
        ...restMethod({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: 'Authorizer' } }),
      },
      tiers: RESTRICTED_IAM_ONLY,
      message: /CUSTOM/,
    },
    {
      name: 'fails a preflight-looking OPTIONS method when the standard turns the preflight exemption off',
      template: {
        ...restApi(),
        ...restMethod({
          HttpMethod: 'OPTIONS',
          AuthorizationType: 'NONE',
          Integration: corsPreflightIntegration(),
          MethodResponses: corsPreflightMethodResponses(),
        }),
      },
      options: { exemptCorsPreflight: false },
      message: /OPTIONS \/ has authorization type NONE/,
    },
    {
      name: 'fails as unknown when the authorization type comes from a parameter without default',
      template: {
        Parameters: { AuthType: { Type: 'String' } },
        Resources: { ...restApi(), ...restMethod({ AuthorizationType: { Ref: 'AuthType' } }) },
      },
      expect: 'unknown',
      message: /parameter AuthType/,
    },
  ],
});

describeCorpusAgreement(rule, [
  {
    file: 'checkov-CKV_AWS_59-APIGatewayAuthorization-fail.yaml',
    name: 'agrees with CKV_AWS_59 on NONE methods',
    expect: { MyMethod0: 'fail', MyMethod1: 'fail' },
  },
  {
    file: 'checkov-CKV_AWS_59-APIGatewayAuthorization-pass.yaml',
    name: 'differs from CKV_AWS_59 on purpose: an integration-less OPTIONS is no CORS preflight, and an API key is no authorization',
    expect: { MyMethod0: 'fail', MyMethod1: 'pass', MyMethod2: 'pass', MyMethod3: 'fail' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_none.yaml',
    name: 'agrees with W59 on NONE in any letter case',
    expect: { ApiGatewayMethod1: 'fail', ApiGatewayMethod2: 'fail', ApiGatewayMethod3: 'fail' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_none_with_param_refs.yaml',
    name: 'agrees with W59 on NONE from parameter defaults',
    expect: { ApiGatewayMethod1: 'fail', ApiGatewayMethod2: 'fail', ApiGatewayMethod3: 'fail' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_nil_value.yaml',
    name: 'agrees with W59 that an empty AuthorizationType is NONE',
    expect: { ApiGatewayMethod1: 'fail', ApiGatewayMethod2: 'fail' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_valid_values.yaml',
    name: 'agrees with W59 on IAM, CUSTOM and Cognito',
    expect: { ApiGatewayMethod1: 'pass', ApiGatewayMethod2: 'pass', ApiGatewayMethod3: 'pass' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_valid_values_with_param_refs.yaml',
    name: 'agrees with W59 on valid types from parameter defaults',
    expect: { ApiGatewayMethod1: 'pass', ApiGatewayMethod2: 'pass', ApiGatewayMethod3: 'pass' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_with_httpmethod_options.yaml',
    name: 'differs from W59 on purpose: OPTIONS methods without a MOCK CORS answer are not exempt',
    expect: { ApiGatewayMethod1: 'fail', ApiGatewayMethod3: 'fail', ApiGatewayMethod6: 'fail' },
  },
  {
    file: 'kics-open-access-positive2.json',
    name: 'agrees with KICS open access on a GET with NONE',
    expect: { MockMethod: 'fail' },
  },
  {
    file: 'kics-open-access-negative1.yaml',
    name: 'differs from KICS open access on purpose: a MOCK OPTIONS answering no Access-Control-* header is not a preflight',
    expect: { MockMethod: 'fail' },
  },
]);
