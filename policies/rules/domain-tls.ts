import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';

interface Options {
  /** Security policies the standard accepts on custom domains (exact API Gateway names). */
  readonly allowedPolicies: string[];
  /**
   * A REST domain must name its policy: when unset, what applies depends on when and how the domain was created
   * (TLS_1_0 for older domains), so an unpinned policy fails. v2 domains only support TLS_1_2, their default.
   */
  readonly requireExplicitRestPolicy: boolean;
}

/** TLS 1.2 and the 2025 enhanced policies (TLS 1.3 / PFS / post-quantum, regional and edge). */
const DEFAULT_ALLOWED = [
  'TLS_1_2',
  'SecurityPolicy_TLS13_1_3_2025_09',
  'SecurityPolicy_TLS13_1_3_FIPS_2025_09',
  'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_Ext2_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_Ext2_FIPS_PQ_2025_09',
  'SecurityPolicy_TLS13_2025_EDGE',
  'SecurityPolicy_TLS12_PFS_2025_EDGE',
];

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
        allowedPolicies: {
          type: 'array',
          items: { type: 'string', pattern: '^(TLS_1_[0-9]|SecurityPolicy_[A-Za-z0-9_]+)$' },
          minItems: 1,
          uniqueItems: true,
        },
        requireExplicitRestPolicy: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { allowedPolicies: DEFAULT_ALLOWED, requireExplicitRestPolicy: true },
  },
  check(domain, ctx) {
    const location = domain.kind === 'rest' ? 'Properties.SecurityPolicy' : 'Properties.DomainNameConfigurations';
    const allowed = ctx.options.allowedPolicies;
    const shown =
      allowed.length > 4 ? `${allowed.slice(0, 3).join(', ')} (+${allowed.length - 3} more)` : allowed.join(', ');
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
