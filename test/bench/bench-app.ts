import type { App} from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';

/**
 * The benchmark workload: one stack with `n` REST APIs (two methods and a WAF association each, as in
 * the measurement that motivated issue 7), plus an HTTP API every 10th and a WebSocket API every 20th.
 */
export function buildBenchStack(app: App, n: number): Stack {
  const stack = new Stack(app, 'Bench', { env: { account: '111111111111', region: 'eu-west-1' } });
  // N=400 is ~2,900 resources. CDK refuses stacks over CloudFormation's 500-resource quota at synth time,
  // which made every variant above N≈65 measure a failed synth; the workload is one stack by design.
  stack.node.setContext('@aws-cdk/core:stackResourceLimit', 0);
  const acl = new wafv2.CfnWebACL(stack, 'Acl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'acl', sampledRequestsEnabled: true },
    rules: [],
  });
  for (let i = 0; i < n; i++) {
    const api = new apigw.RestApi(stack, `Api${i}`, { cloudWatchRole: false, deployOptions: { tracingEnabled: true } });
    const items = api.root.addResource('items');
    items.addMethod('GET', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
    items.addMethod('POST', new apigw.MockIntegration(), { authorizationType: apigw.AuthorizationType.IAM });
    new wafv2.CfnWebACLAssociation(stack, `Assoc${i}`, { resourceArn: api.deploymentStage.stageArn, webAclArn: acl.attrArn });
    if (i % 10 === 0) new apigwv2.HttpApi(stack, `Http${i}`);
    if (i % 20 === 0) {
      const ws = new apigwv2.WebSocketApi(stack, `Ws${i}`);
      new apigwv2.WebSocketStage(stack, `WsStage${i}`, { webSocketApi: ws, stageName: 'prod', autoDeploy: true });
    }
  }
  return stack;
}
