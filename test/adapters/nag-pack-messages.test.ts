import type { PolicyValidationPluginReport } from 'aws-cdk-lib';
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ApiGuardrailsChecks } from '../../lib/adapters/nag-pack';

/** One stack: an HTTP API with GET /x and a WebSocket API with $connect, neither authorized. */
function buildApp(acknowledge = false): { app: App; httpRoute: CfnResource; connectRoute: CfnResource } {
  const app = new App();
  const stack = new Stack(app, 'Mixed', { env: { account: '111111111111', region: 'eu-west-1' } });
  const http = new apigwv2.HttpApi(stack, 'Http');
  const [route] = http.addRoutes({
    path: '/x',
    methods: [apigwv2.HttpMethod.GET],
    integration: new HttpUrlIntegration('Url', 'https://example.com'),
  });
  const ws = new apigwv2.WebSocketApi(stack, 'Ws', {
    connectRouteOptions: { integration: new WebSocketMockIntegration('Connect') },
  });
  new apigwv2.WebSocketStage(stack, 'WsStage', { webSocketApi: ws, stageName: 'prod', autoDeploy: true });
  const connect = ws.node
    .findAll()
    .find(
      (c) =>
        CfnResource.isCfnResource(c) &&
        c.cfnResourceType === 'AWS::ApiGatewayV2::Route' &&
        Stack.of(c).resolve((c as apigwv2.CfnRoute).routeKey) === '$connect',
    );
  // Untagged APIs are in the strictest tier, where route authorization cannot be acknowledged.
  if (acknowledge) Validations.of(stack).acknowledge({ id: 'ApiGuardrails-v2-route-authorization', reason: 'please' });
  app.synth();
  return { app, httpRoute: route.node.defaultChild as CfnResource, connectRoute: connect as CfnResource };
}

/** The descriptions the pack reports for one resource and rule. */
function descriptionsOf(report: PolicyValidationPluginReport, ruleName: string, resource: CfnResource): string[] {
  return report.violations
    .filter((v) => v.ruleName === ruleName && v.violatingResources.some((r) => r.constructPath === resource.node.path))
    .map((v) => v.description);
}

describe('ApiGuardrailsChecks messages', () => {
  it("reports each resource's own finding message, not the first resource's of the same rule", () => {
    const { app, httpRoute, connectRoute } = buildApp();
    const report = new ApiGuardrailsChecks(app).validateScope(app);
    const rule = 'ApiGuardrails-v2-route-authorization';

    const onConnect = descriptionsOf(report, rule, connectRoute);
    expect(onConnect).toHaveLength(1);
    expect(onConnect[0]).toContain('WebSocket $connect route has authorization type NONE');
    expect(onConnect[0]).not.toContain('GET /x');

    const onHttp = descriptionsOf(report, rule, httpRoute);
    expect(onHttp).toHaveLength(1);
    expect(onHttp[0]).toContain('Route GET /x has authorization type NONE');
    expect(onHttp[0]).not.toContain('WebSocket $connect route has');

    // Still the documented rule id, and each resource is listed once for the rule.
    const paths = report.violations
      .filter((v) => v.ruleName === rule)
      .flatMap((v) => v.violatingResources.map((r) => r.constructPath));
    expect(paths.filter((p) => p === connectRoute.node.path)).toHaveLength(1);
    expect(paths.filter((p) => p === httpRoute.node.path)).toHaveLength(1);
  });

  it('keeps each resource its own message in fatal findings (acknowledged where the standard forbids it)', () => {
    const { app, httpRoute, connectRoute } = buildApp(true);
    const report = new ApiGuardrailsChecks(app).validateScope(app);
    const rule = 'ApiGuardrails-v2-route-authorization';
    expect(report.violations.filter((v) => v.ruleName === rule).map((v) => v.severity)).toEqual(['fatal', 'fatal']);
    const [onConnect] = descriptionsOf(report, rule, connectRoute);
    expect(onConnect).toContain('WebSocket $connect route has authorization type NONE');
    expect(onConnect).not.toContain('GET /x');
    const [onHttp] = descriptionsOf(report, rule, httpRoute);
    expect(onHttp).toContain('Route GET /x has authorization type NONE');
  });
});
