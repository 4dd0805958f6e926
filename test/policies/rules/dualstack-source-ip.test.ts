import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Stack } from 'aws-cdk-lib';
import rule from '../../../policies/rules/dualstack-source-ip';
import { restStage } from '../../helpers/fixtures';
import { basePathMapping, restDomain } from '../../helpers/fixtures-traffic';
import { dualStackRestApi, ipPolicy } from '../../helpers/fixtures-r19-traffic';
import { testRule } from '../../helpers/rule-tester';

const IPV4 = ['203.0.113.0/24'];
const BOTH = ['203.0.113.0/24', '2001:db8::/32'];

function cdkApi(stack: Stack, ipAddressType: apigw.IpAddressType, effect: iam.Effect, ranges: string[]): void {
  const api = new apigw.RestApi(stack, 'Api', {
    cloudWatchRole: false,
    endpointConfiguration: { types: [apigw.EndpointType.REGIONAL], ipAddressType },
    policy: new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          actions: ['execute-api:Invoke'],
          principals: [new iam.AnyPrincipal()],
          resources: ['execute-api:/*'],
        }),
        new iam.PolicyStatement({
          sid: 'Ip',
          effect,
          actions: ['execute-api:Invoke'],
          principals: [new iam.AnyPrincipal()],
          resources: ['execute-api:/*'],
          conditions: { IpAddress: { 'aws:SourceIp': ranges } },
        }),
      ],
    }),
  });
  api.root.addMethod('GET', new apigw.MockIntegration());
}

testRule(rule, {
  valid: [
    {
      name: 'a dual-stack API whose denylist lists IPv4 and IPv6 ranges',
      template: { ...dualStackRestApi(ipPolicy('Deny', 'IpAddress', BOTH)), ...restStage() },
      cdk: (stack) => cdkApi(stack, apigw.IpAddressType.DUAL_STACK, iam.Effect.DENY, BOTH),
    },
    {
      name: 'an IPv4-only denylist is fine on an IPv4 API (the rule does not apply)',
      template: { ...dualStackRestApi(ipPolicy('Deny', 'IpAddress', IPV4), { IpAddressType: 'ipv4' }), ...restStage() },
      cdk: (stack) => cdkApi(stack, apigw.IpAddressType.IPV4, iam.Effect.DENY, IPV4),
      expect: 'skip',
    },
    {
      name: 'a dual-stack API without IP conditions in its policy',
      template: {
        ...dualStackRestApi({
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }],
        }),
        ...restStage(),
      },
    },
    {
      name: 'a policy without IP conditions passes even when the endpoint type is a parameter without default',
      template: {
        Parameters: { EndpointType: { Type: 'String' } },
        Resources: {
          ...dualStackRestApi(
            {
              Statement: [
                { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
              ],
            },
            { Types: [{ Ref: 'EndpointType' }], IpAddressType: undefined },
          ),
          ...restStage(),
        },
      },
    },
    {
      name: 'a single IPv6 range string is accepted',
      template: { ...dualStackRestApi(ipPolicy('Deny', 'NotIpAddress', '2001:db8::/32')), ...restStage() },
    },
  ],
  invalid: [
    {
      name: 'fails an IPv4-only denylist on a dual-stack REST API: IPv6 callers bypass it',
      template: { ...dualStackRestApi(ipPolicy('Deny', 'IpAddress', IPV4)), ...restStage() },
      cdk: (stack) => cdkApi(stack, apigw.IpAddressType.DUAL_STACK, iam.Effect.DENY, IPV4),
      message: /Statement Ip \(Deny, IpAddress aws:SourceIp\) lists IPv4 ranges only.*bypass this denylist/,
    },
    {
      name: 'fails an IPv4-only allowlist (Deny NotIpAddress): every IPv6 caller is locked out',
      template: { ...dualStackRestApi(ipPolicy('Deny', 'NotIpAddress', IPV4)), ...restStage() },
      message: /every IPv6 caller is denied/,
    },
    {
      name: 'fails an IPv4-only list on a PRIVATE API (always dual-stack), aws:VpcSourceIp too',
      template: {
        ...dualStackRestApi(ipPolicy('Deny', 'NotIpAddress', ['10.0.0.0/8'], 'aws:VpcSourceIp'), {
          Types: ['PRIVATE'],
          IpAddressType: undefined,
        }),
        ...restStage(),
      },
      message: /PRIVATE APIs are always dual-stack/,
    },
    {
      name: 'fails an IPv4 API reachable over IPv6 through a dual-stack custom domain',
      template: {
        ...dualStackRestApi(ipPolicy('Deny', 'IpAddress', IPV4), { IpAddressType: 'ipv4' }),
        ...restStage(),
        ...restDomain({
          SecurityPolicy: 'TLS_1_2',
          EndpointConfiguration: { Types: ['REGIONAL'], IpAddressType: 'dualstack' },
        }),
        ...basePathMapping(),
      },
      message: /custom domain api\.example\.com \(dualstack\)/,
    },
    {
      name: 'fails an Allow with an IPv4-only NotIpAddress exclusion: IPv6 callers are let in',
      template: { ...dualStackRestApi(ipPolicy('Allow', 'NotIpAddress', IPV4)), ...restStage() },
      message: /bypass this exclusion/,
    },
    {
      name: 'fails a SAM API on dualstack whose IpRangeBlacklist lists IPv4 ranges only',
      template: {
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          Api: {
            Type: 'AWS::Serverless::Api',
            Properties: {
              StageName: 'prod',
              EndpointConfiguration: { Type: 'REGIONAL', IpAddressType: 'dualstack' },
              Auth: { ResourcePolicy: { IpRangeBlacklist: IPV4 } },
              DefinitionBody: {
                swagger: '2.0',
                info: { title: 'sam', version: '1' },
                paths: { '/': { get: { 'x-amazon-apigateway-integration': { type: 'mock' } } } },
              },
            },
          },
        },
      },
      message: /bypass this denylist/,
    },
    {
      name: 'fails as unknown when the IP address type is a parameter without default',
      template: {
        Parameters: { IpType: { Type: 'String' } },
        Resources: {
          ...dualStackRestApi(ipPolicy('Deny', 'IpAddress', IPV4), { IpAddressType: { Ref: 'IpType' } }),
          ...restStage(),
        },
      },
      expect: 'unknown',
      message: /IP address type/,
    },
  ],
});
