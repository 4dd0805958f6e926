import type { Domain, Mapping } from '../types';
import { unresolved, type Value } from '../value';
import { apigatewayArn } from './arn';
import { auditedAssociations, auditedCertificate, auditedRoutingRules } from './domain-access';
import { parsePolicy } from './rest-api';
import { deployedSource, tagsOf, type MappingContext } from './shared';
import type { AwsSnapshot } from './snapshot';

/**
 * Custom domains from both APIs. API Gateway keeps one set of domain names per region, visible through
 * GetDomainNames (REST) and the v2 GetDomainNames, so the two views are merged by name: REST data wins
 * for the domain's settings, mappings of both views are combined without duplicates.
 */
export function mapDomains(snapshot: AwsSnapshot, apiIds: ReadonlySet<string>, ctx: MappingContext): Domain[] {
  const byName = new Map<string, { domain: Domain; mappings: Mapping[]; keys: Set<string> }>();
  const apiRef = (id: string | undefined): Value<string> =>
    id && apiIds.has(id) ? id : unresolved(`API ${id ?? '?'} is not part of this audit`);
  const addMapping = (
    entry: { mappings: Mapping[]; keys: Set<string> },
    mapping: Mapping,
    apiId: string | undefined,
  ): void => {
    const key = `${apiId}|${String(mapping.stage)}|${String(mapping.basePath)}`;
    if (entry.keys.has(key)) return;
    entry.keys.add(key);
    entry.mappings.push(mapping);
  };

  if (snapshot.restDomains.ok) {
    for (const { domain: d, mappings, accessAssociations, routingRules } of snapshot.restDomains.value) {
      const name = d.domainName ?? '';
      const source = deployedSource(
        d.domainNameArn ?? apigatewayArn(ctx.region, `/domainnames/${name}`),
        'AWS::ApiGateway::DomainName',
        d.tags,
      );
      const entry = {
        domain: {
          id: name,
          kind: 'rest' as const,
          source,
          name,
          ...(d.securityPolicy !== undefined ? { securityPolicy: d.securityPolicy } : {}),
          endpointTypes: d.endpointConfiguration?.types ?? ['EDGE'],
          ...(d.mutualTlsAuthentication?.truststoreUri
            ? { mtlsTruststoreUri: d.mutualTlsAuthentication.truststoreUri }
            : {}),
          ...(d.mutualTlsAuthentication?.truststoreVersion
            ? { mtlsTruststoreVersion: d.mutualTlsAuthentication.truststoreVersion }
            : {}),
          ...(d.ownershipVerificationCertificateArn
            ? { ownershipVerificationCertificateArn: d.ownershipVerificationCertificateArn }
            : {}),
          certificate: auditedCertificate(d.regionalCertificateArn ?? d.certificateArn),
          ...(d.endpointAccessMode !== undefined ? { endpointAccessMode: d.endpointAccessMode } : {}),
          ...(d.endpointConfiguration?.ipAddressType !== undefined
            ? { ipAddressType: d.endpointConfiguration.ipAddressType }
            : {}),
          mappings: [],
          tags: tagsOf(d.tags),
          ...(d.policy ? { policy: parsePolicy(d.policy) } : {}),
          accessAssociations: auditedAssociations(accessAssociations, source),
          ...(d.routingMode !== undefined ? { routingMode: d.routingMode } : {}),
          routingRules: auditedRoutingRules(routingRules, name, apiRef, ctx),
        },
        mappings: [] as Mapping[],
        keys: new Set<string>(),
      };
      byName.set(name, entry);
      if (!mappings.ok) {
        ctx.notice(
          'error',
          'AUDIT_CALL_FAILED',
          `Base path mappings of domain ${name} (GetBasePathMappings) could not be read: ${mappings.because}`,
          source,
        );
        continue;
      }
      for (const m of mappings.value) {
        const basePath = m.basePath === undefined || m.basePath === '(none)' ? undefined : m.basePath;
        const mapping: Mapping = {
          source: {
            arn: apigatewayArn(ctx.region, `/domainnames/${name}/basepathmappings/${m.basePath ?? '(none)'}`),
            resourceType: 'AWS::ApiGateway::BasePathMapping',
          },
          apiId: apiRef(m.restApiId),
          ...(m.stage !== undefined ? { stage: m.stage } : {}),
          ...(basePath !== undefined ? { basePath } : {}),
        };
        addMapping(entry, mapping, m.restApiId);
      }
    }
  } else {
    ctx.notice(
      'error',
      'AUDIT_CALL_FAILED',
      `REST custom domains (GetDomainNames) could not be read: ${snapshot.restDomains.because}`,
      { arn: apigatewayArn(ctx.region, '/domainnames') },
    );
  }

  if (snapshot.v2Domains.ok) {
    for (const { domain: d, mappings, routingRules } of snapshot.v2Domains.value) {
      const name = d.DomainName ?? '';
      const config = d.DomainNameConfigurations?.[0];
      let entry = byName.get(name);
      if (!entry) {
        entry = {
          domain: {
            id: name,
            kind: 'v2',
            source: deployedSource(
              d.DomainNameArn ?? apigatewayArn(ctx.region, `/domainnames/${name}`),
              'AWS::ApiGatewayV2::DomainName',
              d.Tags,
            ),
            name,
            ...(config?.SecurityPolicy !== undefined ? { securityPolicy: config.SecurityPolicy } : {}),
            ...(config?.IpAddressType !== undefined ? { ipAddressType: config.IpAddressType } : {}),
            endpointTypes: (d.DomainNameConfigurations ?? []).map((c) => c.EndpointType ?? 'REGIONAL'),
            ...(d.MutualTlsAuthentication?.TruststoreUri
              ? { mtlsTruststoreUri: d.MutualTlsAuthentication.TruststoreUri }
              : {}),
            ...(d.MutualTlsAuthentication?.TruststoreVersion
              ? { mtlsTruststoreVersion: d.MutualTlsAuthentication.TruststoreVersion }
              : {}),
            ...(config?.OwnershipVerificationCertificateArn
              ? { ownershipVerificationCertificateArn: config.OwnershipVerificationCertificateArn }
              : {}),
            certificate: auditedCertificate(config?.CertificateArn),
            mappings: [],
            tags: tagsOf(d.Tags),
            accessAssociations: [],
            ...(d.RoutingMode !== undefined ? { routingMode: d.RoutingMode } : {}),
            routingRules: auditedRoutingRules(routingRules, name, apiRef, ctx),
          },
          mappings: [],
          keys: new Set<string>(),
        };
        byName.set(name, entry);
      }
      if (!mappings.ok) {
        ctx.notice(
          'error',
          'AUDIT_CALL_FAILED',
          `API mappings of domain ${name} (GetApiMappings) could not be read: ${mappings.because}`,
          entry.domain.source,
        );
        continue;
      }
      for (const m of mappings.value) {
        const mapping: Mapping = {
          source: {
            arn: apigatewayArn(ctx.region, `/domainnames/${name}/apimappings/${m.ApiMappingId}`),
            resourceType: 'AWS::ApiGatewayV2::ApiMapping',
          },
          apiId: apiRef(m.ApiId),
          ...(m.Stage !== undefined ? { stage: m.Stage } : {}),
          ...(m.ApiMappingKey ? { basePath: m.ApiMappingKey } : {}),
        };
        addMapping(entry, mapping, m.ApiId);
      }
    }
  } else {
    ctx.notice(
      'error',
      'AUDIT_CALL_FAILED',
      `v2 custom domains (GetDomainNames) could not be read: ${snapshot.v2Domains.because}`,
      { arn: apigatewayArn(ctx.region, '/v2/domainnames') },
    );
  }

  return [...byName.values()]
    .map(({ domain, mappings }) => ({ ...domain, mappings }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
