import type { IPolicyValidationContext } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { createReferenceApp } from '../../bin/reference-app';
import { cleanup, tempApp } from './fixtures';

afterAll(cleanup);

describe('reference app', () => {
  const app = tempApp();
  createReferenceApp(app);
  const assembly = app.synth();

  test('orders REST API, HTTP API and WebSocket API, all tagged with owner and data classification', () => {
    const orders = Template.fromJSON(assembly.getStackByName('GuardrailsOrders').template);
    const events = Template.fromJSON(assembly.getStackByName('GuardrailsEvents').template);
    orders.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: 'orders', DisableExecuteApiEndpoint: true });
    orders.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      AuthorizationScopes: ['orders/write'],
    });
    orders.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'orders.api.example.com',
      SecurityPolicy: 'TLS_1_2',
    });
    events.resourceCountIs('AWS::ApiGatewayV2::Api', 2);
    for (const template of [orders, events]) {
      for (const type of ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api']) {
        for (const resource of Object.values(template.findResources(type))) {
          expect(JSON.stringify(resource.Properties.Tags)).toMatch(/owner.*team-orders|team-orders.*owner/);
          expect(JSON.stringify(resource.Properties.Tags)).toContain('data-classification');
        }
      }
    }
  });

  test('the shipped standard finds nothing unacknowledged; the HTTP API WAF gap is acknowledged', () => {
    const stackTemplates = assembly.stacks.map((s) => ({
      templatePath: s.templateFullPath,
      stackConstructPath: s.hierarchicalId,
    }));
    const context = {
      templatePaths: stackTemplates.map((s) => s.templatePath),
      stackTemplates,
      appConstruct: app,
    } as unknown as IPolicyValidationContext;
    const report = new ApiGuardrails({ summary: false, failOn: 'warning' }).validate(context);
    expect(report.violations.map((v) => `${v.ruleName}: ${v.description}`)).toEqual([]);
    expect(report.metadata).toMatchObject({ apis: '3', fail: '0', unknown: '0', acknowledged: '1' });
  });
});
