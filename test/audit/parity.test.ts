import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { fromAws } from '../../lib/audit/from-aws';
import { evaluate } from '../../lib/engine/evaluate';
import type { Finding } from '../../lib/engine/finding';
import { fromTemplate } from '../../lib/model/template';
import { resolveStandard } from '../../lib/standard';
import { deployTemplate } from './fake-aws/deploy-template';
import { startFakeAws } from './fake-aws/server';
import type { FakeState } from './fake-aws/state';
import { ACCOUNT, REGION } from './fixtures';
import { testClients } from './helpers';

const STACK = 'ParityStack';

/** rule × resource × status, the verdict both routes must agree on. */
function verdicts(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} | ${f.resource.label} | ${f.status}`).sort();
}

async function bothRoutes(
  build: (stack: Stack) => void,
  tamper?: (state: FakeState) => void,
): Promise<{ template: string[]; audit: string[] }> {
  const app = new App();
  const stack = new Stack(app, STACK, { env: { region: REGION, account: ACCOUNT } });
  build(stack);
  const template = Template.fromStack(stack).toJSON() as {
    Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  };
  const standard = resolveStandard();
  const fromTemplateFindings = evaluate(fromTemplate(template, { stackName: STACK }), { standard }).findings;
  const state = deployTemplate(template, { region: REGION, accountId: ACCOUNT, stackName: STACK });
  tamper?.(state);
  const fake = await startFakeAws(state);
  const clients = testClients(fake.endpoint);
  try {
    const deployed = await fromAws({ clients, progress: false });
    return { template: verdicts(fromTemplateFindings), audit: verdicts(evaluate(deployed, { standard }).findings) };
  } finally {
    clients.destroy();
    await fake.close();
  }
}

/** Verdicts only one route has, as "-template / +audit" lines. */
function difference(result: { template: string[]; audit: string[] }): string[] {
  const onlyTemplate = result.template.filter((v) => !result.audit.includes(v)).map((v) => `- ${v}`);
  const onlyAudit = result.audit.filter((v) => !result.template.includes(v)).map((v) => `+ ${v}`);
  return [...onlyTemplate, ...onlyAudit];
}

function ordersApp(stack: Stack): void {
  const group = new logs.LogGroup(stack, 'AccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
  const api = new apigw.RestApi(stack, 'Orders', {
    endpointTypes: [apigw.EndpointType.REGIONAL],
    deployOptions: {
      loggingLevel: apigw.MethodLoggingLevel.ERROR,
      tracingEnabled: true,
      metricsEnabled: true,
      throttlingRateLimit: 50,
      throttlingBurstLimit: 100,
      accessLogDestination: new apigw.LogGroupLogDestination(group),
      accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields(),
    },
  });
  api.root.addResource('orders').addMethod('GET', new apigw.HttpIntegration('https://backend.example.com/orders'));
}

describe('parity: a synthesized template and the same template "deployed" give the same findings', () => {
  it('a plain RestApi', async () => {
    const result = await bothRoutes((stack) => {
      const api = new apigw.RestApi(stack, 'Api');
      api.root.addMethod('GET');
    });
    expect(result.template.length).toBeGreaterThan(10);
    expect(difference(result)).toEqual([]);
  });

  it('a RestApi with logging, tracing, throttling and access logs', async () => {
    const result = await bothRoutes(ordersApp);
    // Not a trivial agreement: both routes pass and fail the same, non-empty sets.
    expect(result.audit).toEqual(
      expect.arrayContaining([
        'execution-logging | Orders (rest API) › stage prod | pass',
        'tracing | Orders (rest API) › stage prod | pass',
        'stage-throttling | Orders (rest API) › stage prod | pass',
        'stage-waf | Orders (rest API) › stage prod | fail',
        'rest-method-authorization | Orders (rest API) › GET /orders | fail',
      ]),
    );
    expect(difference(result)).toEqual([]);
  });

  it('a RestApi with method settings but no throttling (AWS then reports the account default limits)', async () => {
    const result = await bothRoutes((stack) => {
      const api = new apigw.RestApi(stack, 'Api', { deployOptions: { loggingLevel: apigw.MethodLoggingLevel.ERROR } });
      api.root.addMethod('GET');
    });
    // The model differs here (AWS reports throttling 5000/10000, the account defaults, where the template
    // sets nothing), but the verdict does not: both routes fail stage-throttling.
    expect(result.template).toContain('stage-throttling | Api (rest API) › stage prod | fail');
    expect(difference(result)).toEqual([]);
  });

  it('a dual-stack RestApi with a streaming integration and an IPv4-only resource policy', async () => {
    const result = await bothRoutes((stack) => {
      const api = new apigw.RestApi(stack, 'Streams', {
        endpointConfiguration: { types: [apigw.EndpointType.REGIONAL], ipAddressType: apigw.IpAddressType.DUAL_STACK },
        policy: iam.PolicyDocument.fromJson({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 'execute-api:Invoke',
              Resource: 'execute-api:/*',
              Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } },
            },
          ],
        }),
      });
      const integration = new apigw.HttpIntegration('https://backend.example.com/chat', {
        proxy: true,
        options: { responseTransferMode: apigw.ResponseTransferMode.STREAM, timeout: Duration.minutes(15) },
      });
      api.root.addMethod('GET', integration);
    });
    expect(result.audit).toEqual(
      expect.arrayContaining([
        'dualstack-source-ip | Streams (rest API) | fail',
        'streaming-timeout | Streams (rest API) › GET / | fail',
        'streaming-protection | Streams (rest API) › GET / | fail',
      ]),
    );
    expect(difference(result)).toEqual([]);
  });

  it('fails the comparison when the deployed API was changed after deployment (the parity check can fail)', async () => {
    const result = await bothRoutes(ordersApp, (state) => {
      const stage = state.restApis[0].stages[0] as {
        tracingEnabled?: boolean;
        methodSettings: Record<string, Record<string, unknown>>;
      };
      stage.tracingEnabled = false;
      stage.methodSettings['*/*'].loggingLevel = 'OFF';
    });
    expect(difference(result)).toEqual([
      // With execution logging off, the account CloudWatch role no longer matters: that rule skips.
      '- account-logging-role | Orders (rest API) › stage prod | pass',
      '- execution-logging | Orders (rest API) › stage prod | pass',
      '- tracing | Orders (rest API) › stage prod | pass',
      '+ execution-logging | Orders (rest API) › stage prod | fail',
      '+ tracing | Orders (rest API) › stage prod | fail',
    ]);
  });
});
