import { defineRule } from '../../lib/engine/rule';
import type { PolicyDocument } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

/** The literal aws:SourceVpce values the policy's Allow statements name; undefined when it names none (or cannot be read). */
function allowedEndpoints(policy: PolicyDocument | undefined): string[] | undefined {
  const found: string[] = [];
  for (const statement of policy?.Statement ?? []) {
    if (isUnresolved(statement) || statement.Effect !== 'Allow') continue;
    const condition = statement.Condition;
    if (typeof condition !== 'object' || condition === null || isUnresolved(condition)) continue;
    for (const block of Object.values(condition as Record<string, unknown>)) {
      if (typeof block !== 'object' || block === null || isUnresolved(block)) continue;
      for (const [key, value] of Object.entries(block)) {
        if (key.toLowerCase() !== 'aws:sourcevpce') continue;
        for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') found.push(item);
      }
    }
  }
  return found.length ? found : undefined;
}

export default defineRule<'domain'>({
  id: 'private-domain-access',
  title:
    'Private custom domains are associated only with the VPC endpoints their policy allows, and map only private APIs',
  rationale:
    'A domain name access association lets a VPC endpoint, possibly in another account, resolve and reach a private custom ' +
    'domain. An association for an endpoint the domain policy does not name widens who can reach the name beyond what the ' +
    'policy was reviewed for, and a base path mapping to a public API puts an internet-facing API behind a name meant to ' +
    'be private.',
  fix: {
    cdk:
      '`new apigw.CfnDomainNameAccessAssociation(this, "Access", { domainNameArn: domain.attrDomainNameArn, ' +
      'accessAssociationSource: vpce.vpcEndpointId, accessAssociationSourceType: "VPCE" })` for an endpoint the domain ' +
      'policy names; `new apigw.CfnBasePathMappingV2(...)` only to PRIVATE REST APIs.',
    cloudFormation:
      'AWS::ApiGateway::DomainNameAccessAssociation (AccessAssociationSourceType VPCE, AccessAssociationSource one of the ' +
      'policy’s aws:SourceVpce values) and AWS::ApiGateway::BasePathMappingV2 to a RestApi whose EndpointConfiguration is PRIVATE.',
  },
  severity: 'error',
  owasp: ['API5:2023', 'API9:2023'],
  controls: { nist80053: ['AC-4', 'SC-7', 'CM-7'], pciDss4: ['1.3.1'] },
  references: {},
  appliesTo: { subject: 'domain', apiKinds: ['rest'] },
  check(domain, ctx) {
    const types = ctx.need(domain.endpointTypes, 'the domain endpoint types');
    if (!types.some((t) => t.toUpperCase() === 'PRIVATE')) return ctx.skip();
    if (domain.accessAssociations.length === 0 && domain.mappings.length === 0) return ctx.skip();
    const policy = domain.policy === undefined ? undefined : ctx.need(domain.policy, 'the private domain policy');
    const allowed = allowedEndpoints(policy);
    for (const association of domain.accessAssociations) {
      const type = ctx.need(association.sourceType, 'the access association source type');
      const source = ctx.need(association.sourceId, 'the access association source');
      if (type.toUpperCase() !== 'VPCE') {
        ctx.fail(`Access association source type is ${type}; only VPC endpoints (VPCE) may reach a private domain.`, {
          source: association.source,
          location: 'Properties.AccessAssociationSourceType',
        });
      } else if (allowed && !allowed.includes(source)) {
        ctx.fail(
          `Access association for ${source} is outside the VPC endpoints the domain policy allows (${allowed.join(', ')}).`,
          { source: association.source, location: 'Properties.AccessAssociationSource' },
        );
      }
    }
    for (const mapping of domain.mappings) {
      const apiId = ctx.need(mapping.apiId, 'the API a private domain maps');
      const api = ctx.inventory.apis.find((a) => a.id === apiId);
      const apiTypes = api ? ctx.need(api.endpointTypes, `the endpoint types of ${apiId}`) : [];
      if (!apiTypes.some((t) => t.toUpperCase() === 'PRIVATE')) {
        ctx.fail(`Private custom domain maps ${apiId}, whose endpoint is ${apiTypes.join(', ') || 'not PRIVATE'}.`, {
          source: mapping.source,
          location: 'Properties.RestApiId',
        });
      }
    }
  },
});
