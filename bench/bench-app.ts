import type { App } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { BENCH_APPS, type BenchApp } from './check-result';
import { buildCompliantApis } from './compliant-app';

/**
 * The benchmark workloads, one stack each with `n` REST APIs plus an HTTP API every 10th and a WebSocket
 * API every 20th:
 * - `plain` (issue 7's workload): two IAM-authorized methods and a WAF association per REST API, nothing
 *   else configured, so the rules report a lot;
 * - `compliant`: the same APIs configured to pass the shipped standard (compliant-app.ts), so the
 *   validation plugin has little to report while plain synth does the same work.
 */
export function buildBenchStack(app: App, n: number, workload: BenchApp = 'plain'): Stack {
  benchAppOf(workload); // callers from JavaScript may pass anything
  const stack = new Stack(app, 'Bench', { env: { account: '111111111111', region: 'eu-west-1' } });
  // N=400 is ~2,900 resources. CDK refuses stacks over CloudFormation's 500-resource quota at synth time,
  // which made every variant above N≈65 measure a failed synth; the workload is one stack by design.
  stack.node.setContext('@aws-cdk/core:stackResourceLimit', 0);
  if (workload === 'compliant') buildCompliantApis(stack, n);
  else buildPlainApis(stack, n);
  return stack;
}

function buildPlainApis(stack: Stack, n: number): void {
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
    new wafv2.CfnWebACLAssociation(stack, `Assoc${i}`, {
      resourceArn: api.deploymentStage.stageArn,
      webAclArn: acl.attrArn,
    });
    if (i % 10 === 0) new apigwv2.HttpApi(stack, `Http${i}`);
    if (i % 20 === 0) {
      const ws = new apigwv2.WebSocketApi(stack, `Ws${i}`);
      new apigwv2.WebSocketStage(stack, `WsStage${i}`, { webSocketApi: ws, stageName: 'prod', autoDeploy: true });
    }
  }
}

/** Parse a workload name from the command line. */
export function benchAppOf(value: string | undefined): BenchApp {
  const name = value ?? 'plain';
  if ((BENCH_APPS as readonly string[]).includes(name)) return name as BenchApp;
  throw new Error(`bench: error E_BENCH_APP: received app "${name}". Fix: pass one of ${BENCH_APPS.join(', ')}.`);
}
