import { fromTemplate } from '../../lib/model/template';
import { isUnresolved } from '../../lib/model/value';
import { restApi, restStage, v2Stage } from '../helpers/fixtures';
import { restDomain, v2Domain, wafAssociation, webAcl } from '../helpers/fixtures-traffic';
import { ipSet, ipSetRule, streamingMethod } from '../helpers/fixtures-r19-traffic';

describe('template builder: 2025 traffic fields', () => {
  it('reads IpAddressType of REST and v2 APIs and domains; unset stays undefined (AWS default ipv4)', () => {
    const inventory = fromTemplate({
      Resources: {
        ...restApi({ EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: 'dualstack' } }),
        ...restApi({}, 'Plain'),
        HttpApi: {
          Type: 'AWS::ApiGatewayV2::Api',
          Properties: { Name: 'h', ProtocolType: 'HTTP', IpAddressType: 'dualstack' },
        },
        ...v2Stage(),
        ...restDomain({ EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: 'dualstack' } }),
        ...v2Domain({ IpAddressType: 'ipv4' }),
      },
    });
    const api = (id: string) => inventory.apis.find((a) => a.id === id);
    expect(api('Api')?.ipAddressType).toBe('dualstack');
    expect(api('Plain')?.ipAddressType).toBeUndefined();
    expect(api('HttpApi')?.ipAddressType).toBe('dualstack');
    expect(inventory.domains.find((d) => d.id === 'Domain')?.ipAddressType).toBe('dualstack');
    expect(inventory.domains.find((d) => d.id === 'V2Domain')?.ipAddressType).toBe('ipv4');
  });

  it('reads ResponseTransferMode and TimeoutInMillis of a REST integration, unresolved from a parameter', () => {
    const inventory = fromTemplate({
      Parameters: { Timeout: { Type: 'Number' } },
      Resources: { ...restApi(), ...restStage(), ...streamingMethod({ TimeoutInMillis: { Ref: 'Timeout' } }) },
    });
    const integration = inventory.apis[0].operations[0].integration;
    expect(integration?.responseTransferMode).toBe('STREAM');
    expect(isUnresolved(integration?.timeoutMillis)).toBe(true);
  });

  it('links web ACL rules to the IP sets they reference, inside Or/Not statements, and marks unknown ones', () => {
    const inventory = fromTemplate({
      Resources: {
        ...restApi(),
        ...restStage(),
        ...ipSet('IPV4', ['203.0.113.0/24'], 'V4'),
        ...ipSet('IPV6', ['2001:db8::/32'], 'V6'),
        ...webAcl({
          Rules: [
            ipSetRule(['V4', 'V6'], 1),
            {
              ...ipSetRule(['V4'], 2),
              Name: 'Not',
              Statement: { NotStatement: { Statement: ipSetRule(['V4']).Statement } },
            },
            { ...ipSetRule([], 3), Name: 'Ext', Statement: { IPSetReferenceStatement: { Arn: 'arn:aws:wafv2:x' } } },
          ],
        }),
        ...wafAssociation(),
      },
    });
    const rules = inventory.webAcls[0].rules;
    if (isUnresolved(rules)) throw new Error('rules unresolved');
    const versions = (name: string) =>
      rules.find((r) => r.name === name)?.ipSets?.map((s) => (isUnresolved(s) ? 'unknown' : s.ipAddressVersion));
    expect(versions('BlockListed')).toEqual(['IPV4', 'IPV6']);
    expect(versions('Not')).toEqual(['IPV4']);
    expect(versions('Ext')).toEqual(['unknown']);
  });
});
