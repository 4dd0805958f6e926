import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/rest-api-tls';
import { restApi } from '../../helpers/fixtures';
import { classified, cdkTlsRestApi } from '../../helpers/fixtures-r19-domains';
import { testRule } from '../../helpers/rule-tester';

const regional = { EndpointConfiguration: { Types: ['REGIONAL'] } };
/** An OpenAPI Body with the REST security-policy and endpoint-access-mode extensions at its root. */
const body = (policy: unknown, mode?: unknown) => ({
  Body: {
    openapi: '3.0.1',
    info: { title: 'body-api' },
    paths: {},
    'x-amazon-apigateway-security-policy': policy,
    ...(mode !== undefined ? { 'x-amazon-apigateway-endpoint-access-mode': mode } : {}),
  },
});
const restricted = (options: Record<string, unknown>) => ({ restricted: { rules: { 'rest-api-tls': { options } } } });

testRule(rule, {
  valid: [
    {
      name: 'a REGIONAL API pinned to TLS_1_2',
      template: restApi({ ...regional, SecurityPolicy: 'TLS_1_2' }),
      cdk: (stack) => cdkTlsRestApi(stack, 'TLS_1_2', undefined, { endpointTypes: [apigw.EndpointType.REGIONAL] }),
    },
    {
      name: 'an enhanced TLS 1.3 policy in STRICT access mode',
      template: restApi({
        ...regional,
        SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
        EndpointAccessMode: 'STRICT',
      }),
      cdk: (stack) =>
        cdkTlsRestApi(stack, 'SecurityPolicy_TLS13_1_3_2025_09', 'STRICT', {
          endpointTypes: [apigw.EndpointType.REGIONAL],
        }),
    },
    {
      name: 'a PRIVATE API without a policy gets TLS_1_2, AWS’s default for private APIs',
      template: restApi({ EndpointConfiguration: { Types: ['PRIVATE'] } }),
    },
    {
      name: 'exempt when the execute-api endpoint is disabled (clients use custom domains, checked by domain-tls)',
      template: restApi({ ...regional, DisableExecuteApiEndpoint: true }),
      expect: 'exempt',
      message: /execute-api endpoint is disabled/,
    },
    {
      name: 'a FIPS post-quantum policy meets a tier that requires TLS 1.3, FIPS and PQ',
      template: restApi({
        ...regional,
        ...classified('restricted'),
        SecurityPolicy: 'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09',
        EndpointAccessMode: 'STRICT',
      }),
      tiers: restricted({ requireTls13: true, requireFips: true, requirePostQuantum: true }),
    },
    {
      name: 'BASIC access mode is accepted when the standard turns the STRICT requirement off',
      template: restApi({
        ...regional,
        SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
        EndpointAccessMode: 'BASIC',
      }),
      options: { requireStrictAccessMode: false },
    },
    {
      name: 'an OpenAPI Body that pins an enhanced policy in STRICT mode with the x-amazon-apigateway extensions',
      template: restApi({ ...regional, ...body('SecurityPolicy_TLS13_1_3_2025_09', 'STRICT') }),
    },
    {
      name: 'the SecurityPolicy property wins over the OpenAPI extension, as for the other Body settings',
      template: restApi({ ...regional, SecurityPolicy: 'TLS_1_2', ...body('TLS_1_0') }),
    },
  ],
  invalid: [
    {
      name: 'fails an OpenAPI Body whose x-amazon-apigateway-security-policy is TLS_1_0',
      template: restApi({ ...regional, ...body('TLS_1_0') }),
      message: /security policy is TLS_1_0; the standard allows/,
    },
    {
      name: 'fails as unknown when the OpenAPI extension names its policy through a parameter without default',
      template: {
        Parameters: { Policy: { Type: 'String' } },
        Resources: restApi({ ...regional, ...body({ Ref: 'Policy' }) }),
      },
      expect: 'unknown',
      message: /security policy is unresolved \(parameter Policy/,
    },
    {
      name: 'fails a REGIONAL API without a policy: AWS applies TLS_1_0',
      template: restApi(regional),
      cdk: (stack) => cdkTlsRestApi(stack, undefined, undefined, { endpointTypes: [apigw.EndpointType.REGIONAL] }),
      message: /sets no SecurityPolicy, so AWS applies TLS_1_0/,
    },
    {
      name: 'fails an EDGE API (the CloudFormation default) without a policy',
      template: restApi(),
      message: /AWS applies TLS_1_0/,
    },
    {
      name: 'fails an API pinned to TLS_1_0',
      template: restApi({ ...regional, SecurityPolicy: 'TLS_1_0' }),
      message: /security policy is TLS_1_0; the standard allows/,
    },
    {
      name: 'fails an enhanced policy without EndpointAccessMode (API Gateway requires one)',
      template: restApi({ ...regional, SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' }),
      cdk: (stack) =>
        cdkTlsRestApi(stack, 'SecurityPolicy_TLS13_1_3_2025_09', undefined, {
          endpointTypes: [apigw.EndpointType.REGIONAL],
        }),
      message: /without an EndpointAccessMode/,
    },
    {
      name: 'fails an enhanced policy in BASIC access mode',
      template: restApi({
        ...regional,
        SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
        EndpointAccessMode: 'BASIC',
      }),
      message: /access mode is BASIC; .* requires STRICT/,
    },
    {
      name: 'fails a PRIVATE API that leaves the policy to AWS where the tier requires it pinned',
      template: restApi({ EndpointConfiguration: { Types: ['PRIVATE'] }, ...classified('restricted') }),
      tiers: restricted({ requireExplicitPolicy: true }),
      message: /sets no SecurityPolicy; the standard requires/,
    },
    {
      name: 'fails TLS_1_2 in a tier that requires TLS 1.3',
      template: restApi({ ...regional, ...classified('restricted'), SecurityPolicy: 'TLS_1_2' }),
      tiers: restricted({ requireTls13: true }),
      message: /without TLS 1.3, which tier restricted requires/,
    },
    {
      name: 'fails a non-FIPS, non-PQ TLS 1.3 policy in a tier that requires FIPS and post-quantum',
      template: restApi({
        ...regional,
        ...classified('restricted'),
        SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
        EndpointAccessMode: 'STRICT',
      }),
      tiers: restricted({ requireFips: true, requirePostQuantum: true }),
      message: /without FIPS, post-quantum key exchange/,
    },
    {
      name: 'fails as unknown when the policy comes from a parameter without default',
      template: {
        Parameters: { Tls: { Type: 'String' } },
        Resources: restApi({ ...regional, SecurityPolicy: { Ref: 'Tls' } }),
      },
      expect: 'unknown',
      message: /parameter Tls/,
    },
  ],
});
