import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/default-endpoint';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import { basePathMapping, cdkRestApi, restDomain, v2ApiMapping, v2Domain } from '../../helpers/fixtures-traffic';
import { testRule } from '../../helpers/rule-tester';

function cdkMapped(stack: Stack, disableExecuteApiEndpoint: boolean): void {
  const api = cdkRestApi(stack, { endpointTypes: [apigw.EndpointType.REGIONAL], disableExecuteApiEndpoint });
  const certificate = acm.Certificate.fromCertificateArn(
    stack,
    'Cert',
    'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
  );
  new apigw.DomainName(stack, 'Domain', {
    domainName: 'api.example.com',
    certificate,
    securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    mapping: api,
  });
}

const mappedRest = (apiProps: Record<string, unknown>) => ({
  ...restApi(apiProps),
  ...restStage(),
  ...restDomain({ SecurityPolicy: 'TLS_1_2' }),
  ...basePathMapping(),
});

testRule(rule, {
  valid: [
    {
      name: 'a REST API on a custom domain with the execute-api endpoint disabled',
      template: mappedRest({ DisableExecuteApiEndpoint: true }),
      cdk: (stack) => cdkMapped(stack, true),
    },
    {
      name: 'an HTTP API on a custom domain with the execute-api endpoint disabled',
      template: { ...httpApi({ DisableExecuteApiEndpoint: true }), ...v2Stage(), ...v2Domain(), ...v2ApiMapping() },
    },
    {
      name: 'APIs without a custom domain are out of scope',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => void cdkRestApi(stack),
      expect: 'skip',
    },
    {
      name: 'a standard that exempts PRIVATE APIs (private custom domains)',
      template: mappedRest({ EndpointConfiguration: { Types: ['PRIVATE'] } }),
      options: { exemptEndpointTypes: ['PRIVATE'] },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a REST API on a custom domain that keeps the default endpoint',
      template: mappedRest({}),
      cdk: (stack) => cdkMapped(stack, false),
      message: /served on custom domain api.example.com but its default execute-api endpoint is still enabled/,
    },
    {
      name: 'fails an HTTP API mapped with an ApiMapping that keeps the default endpoint',
      template: { ...httpApi(), ...v2Stage(), ...v2Domain(), ...v2ApiMapping() },
      message: /http.example.com/,
    },
    {
      name: 'fails a PRIVATE API when the standard exempts only EDGE',
      template: mappedRest({ EndpointConfiguration: { Types: ['PRIVATE'] } }),
      options: { exemptEndpointTypes: ['EDGE'] },
    },
    {
      name: 'fails as unknown when DisableExecuteApiEndpoint comes from a parameter without default',
      template: {
        Parameters: { Disable: { Type: 'String' } },
        Resources: mappedRest({ DisableExecuteApiEndpoint: { Ref: 'Disable' } }),
      },
      expect: 'unknown',
      message: /parameter Disable/,
    },
  ],
});
