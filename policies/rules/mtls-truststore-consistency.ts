import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { Domain } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

/** How a domain authenticates clients, as a comparable key ('' = no mutual TLS), or why it is unknown. */
function truststoreKey(domain: Domain): { key: string } | { because: string } {
  if (domain.mtlsTruststoreUri === undefined) return { key: '' };
  if (isUnresolved(domain.mtlsTruststoreUri)) return { because: domain.mtlsTruststoreUri.because };
  if (isUnresolved(domain.mtlsTruststoreVersion)) return { because: domain.mtlsTruststoreVersion.because };
  return {
    key: `${domain.mtlsTruststoreUri}${domain.mtlsTruststoreVersion ? ` (version ${domain.mtlsTruststoreVersion})` : ''}`,
  };
}

export default defineRule<'api'>({
  id: 'mtls-truststore-consistency',
  title: 'Every custom domain of an API authenticates clients with the same mutual TLS truststore',
  rationale:
    'Mutual TLS on one custom domain of an API protects nothing if another domain mapped to the same API has no truststore ' +
    'or trusts other CAs: a client without an accepted certificate calls the API through that domain instead.',
  fix: {
    cdk:
      'Give every DomainName mapped to the API the same `mtls: { bucket, key, version }` (one SecureApiDomain per name, ' +
      'one truststore object), or map the API to a single domain.',
    cloudFormation:
      'The same MutualTlsAuthentication { TruststoreUri, TruststoreVersion } on every domain with a BasePathMapping or ' +
      'ApiMapping to the API.',
    sam: 'The same `Domain.MutualTlsAuthentication` on every AWS::Serverless::Api or AWS::Serverless::HttpApi domain of the API.',
  },
  severity: 'error',
  owasp: ['API2:2023', 'API8:2023'],
  controls: { nist80053: ['IA-3', 'IA-5(2)', 'SC-8'], pciDss4: ['4.2.1'] },
  references: {},
  appliesTo: { subject: 'api', apiKinds: ALL_API_KINDS },
  check(api, ctx) {
    const domains = ctx.inventory.domains.filter((d) => api.domainIds.includes(d.id));
    if (domains.length < 2) return ctx.skip();
    const byKey = new Map<string, string[]>();
    for (const domain of domains) {
      const found = truststoreKey(domain);
      if ('because' in found) {
        return ctx.unknown(`Cannot compare the truststores of the API's domains: ${found.because}.`);
      }
      byKey.set(found.key, [...(byKey.get(found.key) ?? []), domain.id]);
    }
    if (byKey.size === 1) return;
    const without = byKey.get('');
    if (without) {
      ctx.fail(
        `API is mapped to domains with mutual TLS and to ${without.join(', ')} without it: clients without a certificate reach the API through ${without[0]}.`,
      );
      return;
    }
    const described = [...byKey.entries()].map(([key, ids]) => `${ids.join(', ')} trust ${key}`);
    ctx.fail(`API's domains use different mutual TLS truststores: ${described.join('; ')}.`);
  },
});
