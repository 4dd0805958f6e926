import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import { DEFAULT_ALLOWED_TLS_POLICIES, showPolicies, TLS_POLICY_LIST_SCHEMA } from '../shared/tls-policies';

interface Options {
  /** Security policies the standard accepts on custom domains (exact API Gateway names). */
  readonly allowedPolicies: string[];
  /**
   * A REST domain must name its policy: when unset, what applies depends on when and how the domain was created
   * (TLS_1_0 for older domains), so an unpinned policy fails. v2 domains only support TLS_1_2, their default.
   */
  readonly requireExplicitRestPolicy: boolean;
}

export default defineRule<'domain', Options>({
  id: 'domain-tls',
  title: 'Custom domains use a TLS security policy from the standard’s allowlist',
  rationale:
    'The security policy fixes the minimum TLS version and cipher suites clients may negotiate. TLS 1.0/1.1 and legacy ' +
    'ciphers are open to downgrade and known attacks and are not allowed by PCI DSS or most regulators.',
  fix: {
    cdk:
      'SecureApiDomain pins an allowlisted `securityPolicy` (TLS_1_2 by default; enhanced policies get STRICT ' +
      'access mode); on a plain `apigw.DomainName` set `securityPolicy: apigw.SecurityPolicy.TLS_1_2` (or an ' +
      'enhanced `SecurityPolicy.TLS13_1_3_2025_09` with `endpointAccessMode: EndpointAccessMode.STRICT`).',
    cloudFormation:
      'AWS::ApiGateway::DomainName SecurityPolicy, or DomainNameConfigurations[].SecurityPolicy for ' +
      'AWS::ApiGatewayV2::DomainName.',
    sam: '`Domain.SecurityPolicy: TLS_1_2` on AWS::Serverless::Api or AWS::Serverless::HttpApi.',
  },
  severity: 'error',
  owasp: ['API8:2023'],
  controls: { nist80053: ['SC-8', 'SC-8(1)', 'SC-13', 'SC-23'], pciDss4: ['4.2.1'] },
  references: {
    securityHub: 'APIGateway.11',
    awsConfig: 'apigateway-domain-name-tls-check',
    controlTower: 'CT.APIGATEWAY.PR.6',
    checkov: 'CKV_AWS_206',
    cfnNag: 'W62',
    kics: 'API Gateway Without Security Policy',
    prowler: 'apigateway_domain_name_pqc_tls_enabled',
  },
  appliesTo: { subject: 'domain', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowedPolicies: TLS_POLICY_LIST_SCHEMA,
        requireExplicitRestPolicy: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { allowedPolicies: [...DEFAULT_ALLOWED_TLS_POLICIES], requireExplicitRestPolicy: true },
  },
  check(domain, ctx) {
    const location = domain.kind === 'rest' ? 'Properties.SecurityPolicy' : 'Properties.DomainNameConfigurations';
    const allowed = ctx.options.allowedPolicies;
    const shown = showPolicies(allowed);
    if (domain.securityPolicy === undefined) {
      if (domain.kind === 'rest' && ctx.options.requireExplicitRestPolicy) {
        return ctx.fail(
          `Domain sets no SecurityPolicy; the standard requires one of ${shown} to be pinned (older domains default to TLS_1_0).`,
          {
            location,
          },
        );
      }
      // v2 domains (and REST when not required explicitly) get TLS_1_2.
      if (!allowed.includes('TLS_1_2')) {
        ctx.fail(
          `Domain sets no SecurityPolicy, so AWS applies TLS_1_2, which the standard does not allow (allowed: ${shown}).`,
          { location },
        );
      }
      return;
    }
    const policy = ctx.need(domain.securityPolicy, 'the domain security policy');
    if (!allowed.includes(policy)) {
      ctx.fail(`Domain security policy is ${policy}; the standard allows ${shown}.`, { location });
    }
  },
});
