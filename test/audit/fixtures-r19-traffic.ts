import type { Wire } from './fake-aws/state';
import { accountFixture, ACCOUNT, REGION, WEB_ACL_ARN } from './fixtures';

export const IPV4_SET_ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/ipset/blocked-v4/11111111-2222-3333-4444-555555555555`;

/** The account fixture with the 2025 traffic features: a dual-stack orders API, a streaming method, an IPv4 IP set. */
export function trafficFixture(): ReturnType<typeof accountFixture> {
  const state = accountFixture();
  const orders = state.restApis.find((api) => api.api.name === 'orders')!;
  orders.api.endpointConfiguration = { types: ['REGIONAL'], ipAddressType: 'dualstack' };
  const ordersResource = orders.resources.find((r) => r.path === '/orders')!;
  const get = (ordersResource.resourceMethods as Record<string, Wire>).GET;
  get.methodIntegration = {
    ...(get.methodIntegration as Wire),
    responseTransferMode: 'STREAM',
    timeoutInMillis: 900000,
  };
  const acl = state.webAcls[WEB_ACL_ARN].webAcl;
  acl.Rules = [
    ...(acl.Rules as Wire[]),
    {
      Name: 'blocked',
      Priority: 9,
      Statement: { NotStatement: { Statement: { IPSetReferenceStatement: { ARN: IPV4_SET_ARN } } } },
      Action: { Block: {} },
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'blocked' },
    },
  ];
  state.ipSets = {
    [IPV4_SET_ARN]: {
      Name: 'blocked-v4',
      Id: '11111111-2222-3333-4444-555555555555',
      ARN: IPV4_SET_ARN,
      IPAddressVersion: 'IPV4',
      Addresses: ['203.0.113.0/24'],
    },
  };
  return state;
}
