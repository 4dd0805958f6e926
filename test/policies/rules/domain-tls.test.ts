import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/domain-tls';
import { restApi, restStage } from '../../helpers/fixtures';
import {
  basePathMapping,
  cdkRestApi,
  corpusTemplate,
  describeWithCorpus,
  restDomain,
  v2Domain,
} from '../../helpers/fixtures-traffic';
import { findingsFor, testRule } from '../../helpers/rule-tester';

function cdkDomain(
  stack: Stack,
  securityPolicy?: apigw.SecurityPolicy,
  endpointAccessMode?: apigw.EndpointAccessMode,
): void {
  const api = cdkRestApi(stack, { endpointTypes: [apigw.EndpointType.REGIONAL] });
  const certificate = acm.Certificate.fromCertificateArn(
    stack,
    'Cert',
    'arn:aws:acm:eu-west-1:111111111111:certificate/abc',
  );
  new apigw.DomainName(stack, 'Domain', {
    domainName: 'api.example.com',
    certificate,
    securityPolicy,
    endpointAccessMode,
    mapping: api,
  });
}

const tls13Only = ['SecurityPolicy_TLS13_1_3_2025_09', 'SecurityPolicy_TLS13_1_3_FIPS_2025_09'];
const confidentialApi = { Tags: [{ Key: 'data-classification', Value: 'confidential' }] };

testRule(rule, {
  valid: [
    {
      name: 'REST domain pinned to TLS_1_2',
      template: restDomain({ SecurityPolicy: 'TLS_1_2' }),
      cdk: (stack) => cdkDomain(stack, apigw.SecurityPolicy.TLS_1_2),
    },
    {
      name: 'REST domain with an enhanced TLS 1.3 policy',
      template: restDomain({ SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', EndpointAccessMode: 'STRICT' }),
      cdk: (stack) => cdkDomain(stack, apigw.SecurityPolicy.TLS13_1_3_2025_09, apigw.EndpointAccessMode.STRICT),
    },
    { name: 'v2 domain with TLS_1_2', template: v2Domain({ SecurityPolicy: 'TLS_1_2' }) },
    { name: 'v2 domain without a policy gets TLS_1_2, the only one v2 supports', template: v2Domain() },
    {
      name: 'a TLS 1.3-only tier accepts the enhanced TLS 1.3 policy (tier from the mapped API)',
      template: {
        ...restApi(confidentialApi),
        ...restStage(),
        ...restDomain({ SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', EndpointAccessMode: 'STRICT' }),
        ...basePathMapping(),
      },
      tiers: { confidential: { rules: { 'domain-tls': { options: { allowedPolicies: tls13Only } } } } },
    },
  ],
  invalid: [
    {
      name: 'fails a REST domain on TLS_1_0 (cfn_nag W62, KICS, Control Tower agree)',
      template: restDomain({ SecurityPolicy: 'TLS_1_0' }),
      cdk: (stack) => cdkDomain(stack, apigw.SecurityPolicy.TLS_1_0),
      message: /security policy is TLS_1_0/,
    },
    {
      name: 'fails a REST domain that does not pin a policy (CDK documents TLS_1_2 as default but the template leaves it to AWS)',
      template: restDomain(),
      cdk: (stack) => cdkDomain(stack),
      message: /sets no SecurityPolicy/,
    },
    {
      name: 'fails the legacy 2018 edge policy, not in the default allowlist',
      template: restDomain({
        SecurityPolicy: 'SecurityPolicy_TLS12_2018_EDGE',
        EndpointConfiguration: { Types: ['EDGE'] },
      }),
      message: /SecurityPolicy_TLS12_2018_EDGE/,
    },
    {
      name: 'fails TLS_1_2 in a tier that allows TLS 1.3 only',
      template: {
        ...restApi(confidentialApi),
        ...restStage(),
        ...restDomain({ SecurityPolicy: 'TLS_1_2' }),
        ...basePathMapping(),
      },
      tiers: { confidential: { rules: { 'domain-tls': { options: { allowedPolicies: tls13Only } } } } },
      message: /TLS_1_2; the standard allows SecurityPolicy_TLS13_1_3_2025_09/,
    },
    {
      name: 'fails a v2 domain left at TLS_1_2 when the standard allows TLS 1.3 only',
      template: v2Domain(),
      options: { allowedPolicies: tls13Only },
      message: /AWS applies TLS_1_2/,
    },
    {
      name: 'fails as unknown when the policy comes from a parameter without default',
      template: { Parameters: { Tls: { Type: 'String' } }, Resources: restDomain({ SecurityPolicy: { Ref: 'Tls' } }) },
      expect: 'unknown',
      message: /parameter Tls/,
    },
  ],
});

describeWithCorpus('domain-tls on the shared corpus (peer agreement)', () => {
  const statuses = (file: string) => findingsFor(rule, corpusTemplate(file)).map((f) => f.status);
  it.each([
    ['cfnnag-apigateway_securitypolicy-apigateway_with_tls_10.json', 'fail'],
    ['cfnnag-apigateway_securitypolicy-apigateway_without_securitypolicy.json', 'fail'],
    ['cfnnag-apigateway_securitypolicy-apigateway_with_tls_12.json', 'pass'],
    ['kics-no-security-policy-negative1.yaml', 'pass'],
    ['kics-no-security-policy-positive1.yaml', 'fail'],
  ])('agrees with the peer on %s (%s)', (file, expected) => {
    const found = statuses(file);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set([expected]));
  });
});
