import type { Acknowledgement, ExpiredAcknowledgement, Finding } from '../../lib/engine/finding';
import { evaluate } from '../../lib/engine/evaluate';
import { fromTemplates } from '../../lib/model/template';
import { buildReport, type Report } from '../../lib/reporters/report';
import { resolveStandard } from '../../lib/standard';

type Resources = Record<string, unknown>;

/** The fixed "today" of the evidence tests, so days left and expiries never drift. */
export const TODAY = new Date('2026-06-01T12:00:00Z');

/** Template-supplied text meant to break out of HTML, CSV and spreadsheets. */
export const HOSTILE = {
  name: '<script>alert("name")</script>',
  owner: '"><img src=x onerror=alert(1)>',
  classification: '=HYPERLINK("http://evil.example/","x")',
  logicalId: 'Evil<b>Api',
};

/** One REST API with a stage, a method and the given tags (CloudFormation resources). */
export function restApiResources(id: string, tags: Record<string, string>, extra: Resources = {}): Resources {
  return {
    [id]: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: { Name: extra.name ?? id, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
    },
    [`${id}Deployment`]: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: id } } },
    [`${id}Stage`]: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: {
        RestApiId: { Ref: id },
        DeploymentId: { Ref: `${id}Deployment` },
        StageName: 'prod',
        TracingEnabled: true,
        MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50 }],
      },
    },
    [`${id}Get`]: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: id },
        ResourceId: { 'Fn::GetAtt': [id, 'RootResourceId'] },
        HttpMethod: 'GET',
        AuthorizationType: 'AWS_IAM',
        Integration: { Type: 'HTTP_PROXY', IntegrationHttpMethod: 'GET', Uri: 'https://api.supplier.example/v1' },
      },
    },
  };
}

/** An HTTP API with one unauthorized route. */
export function httpApiResources(id: string, tags: Record<string, string>): Resources {
  return {
    [id]: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: id, ProtocolType: 'HTTP', Tags: tags } },
    [`${id}Stage`]: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: { Ref: id }, StageName: '$default' } },
    [`${id}Route`]: { Type: 'AWS::ApiGatewayV2::Route', Properties: { ApiId: { Ref: id }, RouteKey: 'GET /items' } },
  };
}

export interface ReportOptions {
  readonly acknowledge?: (f: Finding) => Acknowledgement | ExpiredAcknowledgement | undefined;
  /**
   * false: drop the pass findings from the evaluation (passes stay counted), as in an evaluation built by
   * other means than `evaluate`, which always lists them. @default true
   */
  readonly includePasses?: boolean;
}

/** Evaluate one template with the shipped standard and build the report every format renders. */
export function reportOf(resources: Resources, options: ReportOptions = {}): Report {
  const standard = resolveStandard();
  const inventory = fromTemplates([
    { template: { Resources: resources }, templatePath: 'cdk.out/App.template.json', stackName: 'App' },
  ]);
  const evaluated = evaluate(inventory, { standard, acknowledge: options.acknowledge });
  const evaluation =
    options.includePasses === false
      ? { ...evaluated, findings: evaluated.findings.filter((f) => f.status !== 'pass') }
      : evaluated;
  return buildReport({ evaluation, standard });
}

/**
 * The small evidence app: a compliant-ish REST API of team-orders, a REST API whose name, owner and
 * classification are hostile, and an HTTP API; stage-waf is accepted on Orders until 2026-06-11 and
 * tracing's acknowledgement on the hostile API lapsed.
 */
export function smallReport(options: Pick<ReportOptions, 'includePasses'> = {}): Report {
  const resources = {
    ...restApiResources('Orders', { owner: 'team-orders', 'data-classification': 'internal' }),
    ...restApiResources(
      HOSTILE.logicalId,
      { owner: HOSTILE.owner, 'data-classification': HOSTILE.classification },
      { name: HOSTILE.name },
    ),
    ...httpApiResources('Catalog', { owner: 'team-catalog', 'data-classification': 'public' }),
  };
  return reportOf(resources, {
    ...options,
    acknowledge: (f) => {
      if (f.ruleId === 'stage-waf' && f.resource.apiId === 'Orders') {
        return {
          reason: 'WAF rollout <Q3>',
          ticket: 'SEC-42',
          expires: '2026-06-11',
          approvedBy: 'ciso@example.com',
          via: 'cdk',
        };
      }
      if (f.ruleId === 'required-tags' && f.resource.apiId === HOSTILE.logicalId) {
        return { expired: true, expires: '2026-05-01', reason: 'tags later', ticket: 'OPS-7' };
      }
      return undefined;
    },
  });
}

/** `n` REST APIs (plus an HTTP API every 10th) over 10 owners and the four tiers: the large-app workload. */
export function largeResources(n: number): Resources {
  const tiers = ['public', 'internal', 'confidential', 'restricted'];
  const resources: Resources = {};
  for (let i = 0; i < n; i++) {
    const tags = { owner: `team-${i % 10}`, 'data-classification': tiers[i % 4] };
    Object.assign(resources, restApiResources(`Api${i}`, tags));
    if (i % 10 === 0) Object.assign(resources, httpApiResources(`Http${i}`, tags));
  }
  return resources;
}

/** The large app's report, with one acknowledgement per tenth API (expiring at different dates). */
export function largeReport(n: number): Report {
  return reportOf(largeResources(n), {
    acknowledge: (f) =>
      f.ruleId === 'stage-waf' && /^Api\d*0$/.test(f.resource.apiId ?? '')
        ? { reason: 'WAF via CloudFront', ticket: `SEC-${f.resource.apiId}`, expires: '2026-07-01', via: 'baseline' }
        : undefined,
  });
}
