import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/dualstack-waf-ip-sets';
import { restStage } from '../../helpers/fixtures';
import { standardWafRules, wafAssociation, webAcl } from '../../helpers/fixtures-traffic';
import { dualStackRestApi, ipSet, ipSetRule } from '../../helpers/fixtures-r19-traffic';
import { testRule } from '../../helpers/rule-tester';

const V4 = ['203.0.113.0/24'];
const V6 = ['2001:db8::/32'];

function withSets(
  sets: Record<string, unknown>,
  rules: Record<string, unknown>[],
  endpoint = {},
): Record<string, unknown> {
  return {
    ...dualStackRestApi(undefined, endpoint),
    ...restStage(),
    ...sets,
    ...webAcl({ Rules: [...standardWafRules(), ...rules] }),
    ...wafAssociation(),
  };
}

function cdkApi(stack: Stack, versions: string[]): void {
  const api = new apigw.RestApi(stack, 'Api', {
    cloudWatchRole: false,
    endpointConfiguration: { types: [apigw.EndpointType.REGIONAL], ipAddressType: apigw.IpAddressType.DUAL_STACK },
  });
  api.root.addMethod('GET', new apigw.MockIntegration());
  const refs = versions.map((version) => {
    const set = new wafv2.CfnIPSet(stack, `Set${version}`, {
      scope: 'REGIONAL',
      ipAddressVersion: version,
      addresses: version === 'IPV6' ? V6 : V4,
    });
    return { ipSetReferenceStatement: { arn: set.attrArn } };
  });
  const acl = new wafv2.CfnWebACL(stack, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: 'acl' },
    rules: [
      {
        name: 'BlockListed',
        priority: 5,
        action: { block: {} },
        statement: refs.length === 1 ? refs[0] : { orStatement: { statements: refs } },
        visibilityConfig: { sampledRequestsEnabled: true, cloudWatchMetricsEnabled: true, metricName: 'listed' },
      },
    ],
  });
  new wafv2.CfnWebACLAssociation(stack, 'WafAssociation', {
    resourceArn: api.deploymentStage.stageArn,
    webAclArn: acl.attrArn,
  });
}

testRule(rule, {
  valid: [
    {
      name: 'a dual-stack API whose block rule references an IPv4 and an IPv6 set',
      template: withSets({ ...ipSet('IPV4', V4, 'V4'), ...ipSet('IPV6', V6, 'V6') }, [ipSetRule(['V4', 'V6'])]),
      cdk: (stack) => cdkApi(stack, ['IPV4', 'IPV6']),
    },
    {
      name: 'an IPv4-only set is fine while the API and its domains stay IPv4 (the rule does not apply)',
      template: withSets(ipSet('IPV4', V4, 'V4'), [ipSetRule(['V4'])], { IpAddressType: 'ipv4' }),
      expect: 'skip',
    },
    {
      name: 'a dual-stack API whose web ACL has no IP-set rules',
      template: withSets({}, []),
    },
  ],
  invalid: [
    {
      name: 'fails a block rule with an IPv4 set only on a dual-stack API: IPv6 callers are never blocked',
      template: withSets(ipSet('IPV4', V4, 'V4'), [ipSetRule(['V4'])]),
      cdk: (stack) => cdkApi(stack, ['IPV4']),
      message: /Web ACL rule BlockListed matches IPv4 IP sets only/,
    },
    {
      name: 'fails an IPv4 set nested in a NotStatement (an allowlist rule)',
      template: withSets(ipSet('IPV4', V4, 'V4'), [
        {
          ...ipSetRule(['V4']),
          Statement: {
            NotStatement: { Statement: { IPSetReferenceStatement: { Arn: { 'Fn::GetAtt': ['V4', 'Arn'] } } } },
          },
        },
      ]),
      message: /\(V4\)/,
    },
    {
      name: 'fails as unknown when the referenced IP set is not in the template',
      template: withSets({}, [
        {
          ...ipSetRule([]),
          Statement: { IPSetReferenceStatement: { Arn: 'arn:aws:wafv2:eu-west-1:111111111111:regional/ipset/x/1' } },
        },
      ]),
      expect: 'unknown',
      message: /IP set/,
    },
    {
      name: 'fails as unknown when the IP version is a parameter without default',
      template: {
        Parameters: { Version: { Type: 'String' } },
        Resources: withSets(ipSet({ Ref: 'Version' }, V4, 'V4'), [ipSetRule(['V4'])]),
      },
      expect: 'unknown',
      message: /IP version/,
    },
  ],
});
