import { fromTemplate } from '../../lib/model/template';
import { isUnresolved } from '../../lib/model/value';
import { restApi, restStage } from '../helpers/fixtures';
import { restDomain } from '../helpers/fixtures-traffic';
import {
  accessAssociation,
  acmCertificate,
  basePathMappingV2,
  invokePolicy,
  mtls,
  privateDomain,
  routingRule,
  vpceCondition,
} from '../helpers/fixtures-r19-domains';

const build = (resources: Record<string, unknown>, parameters?: Record<string, unknown>) =>
  fromTemplate({ ...(parameters ? { Parameters: parameters } : {}), Resources: resources });

describe('template builder: REST API TLS and domain access fields', () => {
  it('reads a REST API SecurityPolicy and EndpointAccessMode, and leaves them undefined when unset', () => {
    const inventory = build({
      ...restApi({ SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', EndpointAccessMode: 'STRICT' }),
      ...restApi({}, 'Plain'),
    });
    expect(inventory.apis.find((a) => a.id === 'Api')).toMatchObject({
      securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
      endpointAccessMode: 'STRICT',
    });
    expect(inventory.apis.find((a) => a.id === 'Plain')?.securityPolicy).toBeUndefined();
  });

  it('links a private domain to its policy, access associations and V2 base path mappings', () => {
    const inventory = build({
      ...restApi({ EndpointConfiguration: { Types: ['PRIVATE'] } }),
      ...restStage(),
      ...privateDomain({ Policy: invokePolicy(vpceCondition()) }),
      ...accessAssociation(),
      ...basePathMappingV2(),
    });
    const [domain] = inventory.domains;
    expect(domain.endpointTypes).toEqual(['PRIVATE']);
    expect(domain.policy).toMatchObject({ Statement: [expect.objectContaining({ Effect: 'Allow' })] });
    expect(domain.accessAssociations).toEqual([
      expect.objectContaining({ sourceType: 'VPCE', sourceId: 'vpce-0123456789abcdef0' }),
    ]);
    expect(domain.mappings).toEqual([expect.objectContaining({ apiId: 'Api', stage: 'prod' })]);
  });

  it('tells public ACM from private CA certificates, and leaves an outside ARN unknown', () => {
    const issuer = (resources: Record<string, unknown>) => build(resources).domains[0].certificate?.issuer;
    const regional = { RegionalCertificateArn: { Ref: 'Cert' }, ...mtls('v1') };
    expect(issuer({ ...acmCertificate(), ...restDomain(regional) })).toBe('amazon');
    expect(
      issuer({ ...acmCertificate('arn:aws:acm-pca:eu-west-1:1:certificate-authority/x'), ...restDomain(regional) }),
    ).toBe('private-ca');
    expect(isUnresolved(issuer(restDomain()))).toBe(true);
    expect(build(restDomain(mtls('v3'))).domains[0].mtlsTruststoreVersion).toBe('v3');
  });

  it('reads routing rules with their target and counts the routed API among its domains', () => {
    const inventory = build({
      ...restApi(),
      ...restStage(),
      ...restDomain({ RoutingMode: 'ROUTING_RULE_ONLY' }),
      ...routingRule(),
      ...routingRule('Outside', 'Domain', 'abc123', 'prod', { Ref: 'Priority' }),
    });
    const [domain] = inventory.domains;
    expect(domain.routingMode).toBe('ROUTING_RULE_ONLY');
    expect(domain.routingRules[0]).toMatchObject({ priority: 10, apiId: 'Api', stage: 'prod' });
    expect(isUnresolved(domain.routingRules[1].apiId)).toBe(true);
    expect(inventory.apis.find((a) => a.id === 'Api')?.domainIds).toEqual(['Domain']);
  });
});
