import type { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import rule from '../../../policies/rules/private-integration-tls';
import { httpApiCalling, restApiCalling } from '../../helpers/fixtures-integrations';
import { testRule } from '../../helpers/rule-tester';

const LISTENER =
  'arn:aws:elasticloadbalancing:eu-west-1:111111111111:listener/app/orders/50dc6c495c0c9188/0467ef3c8400ae65';
const vpcLink = (props: Record<string, unknown> = {}): Record<string, unknown> =>
  httpApiCalling({ ConnectionType: 'VPC_LINK', ConnectionId: 'abc123', IntegrationUri: LISTENER, ...props });

/** An HTTP API route to an internal ALB through a VPC link, optionally with TLS to the ALB. */
function cdkPrivate(stack: Stack, secureServerName?: string): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  const listener = alb.addListener('Listener', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
  const vpcLink = new apigwv2.VpcLink(stack, 'Link', { vpc, subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
  const api = new apigwv2.HttpApi(stack, 'HttpApi');
  const integration = new integrations.HttpAlbIntegration('Orders', listener, { vpcLink, secureServerName });
  api.addRoutes({ path: '/orders', methods: [apigwv2.HttpMethod.GET], integration });
}

testRule(rule, {
  valid: [
    {
      name: 'VPC link integration with TlsConfig (CDK secureServerName)',
      template: vpcLink({ TlsConfig: { ServerNameToVerify: 'orders.internal.example.com' } }),
      cdk: (stack) => cdkPrivate(stack, 'orders.internal.example.com'),
    },
    {
      name: 'server name required by the restricted tier, and set',
      template: vpcLink({ TlsConfig: { ServerNameToVerify: 'orders.internal.example.com' } }),
      tiers: { restricted: { rules: { 'private-integration-tls': { options: { requireServerName: true } } } } },
    },
    {
      name: 'internet integrations are out of scope (integration-https covers them)',
      template: httpApiCalling({ IntegrationUri: 'https://backend.example.com' }),
      expect: 'skip',
    },
    {
      name: 'REST VPC links are out of scope (their TLS is the https:// URI)',
      template: restApiCalling('http://nlb.internal', { ConnectionType: 'VPC_LINK', ConnectionId: 'abc123' }),
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a VPC link integration without TlsConfig (CDK HttpAlbIntegration default)',
      template: vpcLink(),
      cdk: (stack) => cdkPrivate(stack),
      message: /no TlsConfig/,
      count: 1,
    },
    {
      name: 'fails TlsConfig without server name where the tier requires one',
      template: vpcLink({ TlsConfig: {} }),
      options: { requireServerName: true },
      message: /ServerNameToVerify/,
    },
    {
      name: 'fails as unknown when the connection type is unresolved',
      template: { Parameters: { C: { Type: 'String' } }, Resources: vpcLink({ ConnectionType: { Ref: 'C' } }) },
      expect: 'unknown',
      message: /parameter C/,
    },
  ],
});
