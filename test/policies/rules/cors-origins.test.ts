import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import rule from '../../../policies/rules/cors-origins';
import { httpApi, restApi, restMethod } from '../../helpers/fixtures';
import {
  corsPreflightIntegration,
  corsPreflightMethodResponses,
  gatewayResponse,
  tags,
} from '../../helpers/fixtures-access';
import { testRule } from '../../helpers/rule-tester';

const CREDENTIALS = { 'method.response.header.Access-Control-Allow-Credentials': "'true'" };

function preflight(
  origin: string,
  extra: Record<string, string> = {},
  apiProps: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...restApi(apiProps),
    ...restMethod({ AuthorizationType: 'AWS_IAM' }),
    ...restMethod(
      {
        HttpMethod: 'OPTIONS',
        AuthorizationType: 'NONE',
        Integration: corsPreflightIntegration(origin, extra),
        MethodResponses: corsPreflightMethodResponses(),
      },
      'Preflight',
    ),
  };
}

function cdkRest(stack: Stack, cors: apigw.CorsOptions): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false, defaultCorsPreflightOptions: cors });
  api.root.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
}

const v2Cors = (config: Record<string, unknown>, apiProps: Record<string, unknown> = {}): Record<string, unknown> =>
  httpApi({ CorsConfiguration: config, ...apiProps });

const NO_WILDCARD_CONFIDENTIAL = { confidential: { rules: { 'cors-origins': { options: { allowWildcard: false } } } } };

testRule(rule, {
  valid: [
    {
      name: 'REST preflight answering one named origin',
      template: preflight("'https://app.example.com'", { 'method.response.header.Vary': "'Origin'" }),
      cdk: (stack) => cdkRest(stack, { allowOrigins: ['https://app.example.com'] }),
    },
    {
      name: 'HTTP API CORS with named origins and credentials',
      template: v2Cors({ AllowOrigins: ['https://app.example.com'], AllowCredentials: true, AllowMethods: ['GET'] }),
      cdk: (stack) => {
        new apigwv2.HttpApi(stack, 'HttpApi', {
          createDefaultStage: false,
          corsPreflight: {
            allowOrigins: ['https://app.example.com'],
            allowCredentials: true,
            allowMethods: [apigwv2.CorsHttpMethod.GET],
          },
        });
      },
    },
    { name: 'any origin without credentials where the tier allows it', template: preflight("'*'") },
    {
      name: "origins inside the standard's allowlist (wildcard subdomain)",
      template: v2Cors({ AllowOrigins: ['https://app.example.com', 'https://admin.example.com'] }),
      options: { allowedOrigins: ['https://*.example.com'] },
    },
    { name: 'an API without CORS has nothing to check', template: { ...restApi(), ...restMethod() }, expect: 'skip' },
  ],
  invalid: [
    {
      name: 'fails a REST preflight allowing any origin with credentials (CDK allows it for REST)',
      template: preflight("'*'", CREDENTIALS),
      cdk: (stack) => cdkRest(stack, { allowOrigins: apigw.Cors.ALL_ORIGINS, allowCredentials: true }),
      message: /preflight \(OPTIONS\) response allows every origin \(\*\) and allows credentials/,
    },
    {
      name: 'fails an HTTP API CorsConfiguration with * and credentials',
      template: v2Cors({ AllowOrigins: ['*'], AllowCredentials: true }),
      message: /CORS configuration allows every origin/,
    },
    {
      name: 'fails a preflight that echoes the request Origin with credentials',
      template: preflight('method.request.header.Origin', CREDENTIALS),
      message: /echoes the request's origin/,
    },
    {
      name: 'fails a DEFAULT_4XX gateway response with * and credentials',
      template: {
        ...restApi(),
        ...gatewayResponse('DEFAULT_4XX', {
          ResponseParameters: {
            'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
            'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
          },
        }),
      },
      message: /gateway response allows every origin/,
    },
    {
      name: 'fails any origin for a confidential API whose tier requires named origins',
      template: preflight("'*'", {}, { Tags: tags({ 'data-classification': 'confidential' }) }),
      tiers: NO_WILDCARD_CONFIDENTIAL,
      message: /tier \(confidential\)/,
    },
    {
      name: "fails an origin outside the standard's allowlist",
      template: v2Cors({ AllowOrigins: ['https://app.example.com', 'https://evil.example.net'] }),
      options: { allowedOrigins: ['https://*.example.com'] },
      message: /allows https:\/\/evil\.example\.net, outside/,
    },
    { name: 'fails the null origin', template: v2Cors({ AllowOrigins: ['null'] }), message: /forbidden origin null/ },
    {
      name: 'fails as unknown when the origins come from a parameter without default',
      template: {
        Parameters: { Origins: { Type: 'CommaDelimitedList' } },
        Resources: v2Cors({ AllowOrigins: { Ref: 'Origins' } }),
      },
      expect: 'unknown',
      message: /parameter Origins/,
    },
  ],
});
