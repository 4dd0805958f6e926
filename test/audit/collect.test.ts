import { fromAws } from '../../lib/audit/from-aws';
import { evaluate } from '../../lib/engine/evaluate';
import type { Inventory } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';
import { resolveStandard } from '../../lib/standard';
import { startFakeAws, type FakeAws } from './fake-aws/server';
import { accountFixture, ORDERS_LOG_GROUP, REGION, SEEDED_STAGE_SECRET, WEB_ACL_ARN } from './fixtures';
import { testClients } from './helpers';

async function audit(fake: FakeAws, apiIds?: string[]): Promise<Inventory> {
  const clients = testClients(fake.endpoint);
  try {
    return await fromAws({ clients, progress: false, ...(apiIds ? { apiIds } : {}) });
  } finally {
    clients.destroy();
  }
}

describe('audit collection through the real SDK clients on a loopback fake', () => {
  let fake: FakeAws;
  let inventory: Inventory;
  beforeAll(async () => {
    // Page size 1 forces every list call to follow its token (position / nextToken).
    fake = await startFakeAws(accountFixture(), { pageSize: 1 });
    inventory = await audit(fake);
  });
  afterAll(() => fake.close());

  it('finds every API of the region, of every kind', () => {
    expect(inventory.apis.map((a) => `${a.kind}:${a.id}:${String(a.name)}`)).toEqual([
      'http:h77p01:catalog',
      'rest:l3gacy:legacy',
      'rest:ord3rs:orders',
      'websocket:w5s001:chat',
    ]);
    expect(inventory.notices).toEqual([]);
    expect(inventory.origins).toEqual([`aws:123456789012:${REGION}`]);
  });

  it('follows every page token, and asks for embedded methods', () => {
    const positions = fake.requests.filter((r) => r.operation === 'GetResources' && r.query.position);
    expect(positions.length).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.operation === 'GetResources').every((r) => r.query.embed === 'methods')).toBe(
      true,
    );
    expect(
      fake.requests.some((r) => r.service === 'apigatewayv2' && r.operation === 'GetRoutes' && r.query.nextToken),
    ).toBe(true);
    expect(fake.requests.filter((r) => r.operation === 'GetRestApis')).toHaveLength(2);
  });

  it('maps a REST API with its methods, authorizers, validators, CORS, policy and stages', () => {
    expect(inventory.apis.filter((a) => a.id === 'ord3rs').map((a) => a.kind)).toEqual(['rest']);
    const orders = inventory.apis.find((a) => a.id === 'ord3rs')!;
    expect(orders.source).toMatchObject({
      logicalId: 'OrdersApi1A2B3C',
      stackName: 'OrdersStack',
      arn: `arn:aws:apigateway:${REGION}::/restapis/ord3rs`,
    });
    expect(orders.endpointTypes).toEqual(['REGIONAL']);
    expect(orders.disableExecuteApiEndpoint).toBe(true);
    expect(orders.policy).toMatchObject({ Statement: [{ Effect: 'Allow', Principal: '*' }] });
    expect(orders.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /orders',
      'OPTIONS /orders',
      'POST /orders',
    ]);
    const get = orders.operations[0];
    expect(get.auth.type).toBe('COGNITO_USER_POOLS');
    expect(get.auth.authorizer).toMatchObject({
      id: 'auth1',
      type: 'COGNITO_USER_POOLS',
      identitySource: ['method.request.header.Authorization'],
    });
    expect(get.auth.scopes).toEqual(['orders/read']);
    expect(get.integration).toMatchObject({ type: 'HTTP_PROXY', uri: 'https://backend.example.com/orders' });
    const post = orders.operations[2];
    expect(post.validator).toMatchObject({ id: 'val1', validateBody: true, validateParameters: false });
    expect(post.auth.apiKeyRequired).toBe(true);
    expect(post.requestModels).toEqual({ 'application/json': 'Order' });
    expect(orders.models).toEqual([
      expect.objectContaining({ name: 'Order', schema: { type: 'object', additionalProperties: false } }),
    ]);
    expect(orders.gatewayResponses.map((g) => g.type)).toEqual(['DEFAULT_4XX']);
    expect(orders.cors.map((c) => [c.from, c.allowOrigins, c.allowCredentials])).toEqual([
      ['preflight', ['*'], true],
      ['gateway-response', ['https://app.example.com'], undefined],
    ]);
    expect(orders.domainIds).toEqual(['api.example.com']);
  });

  it('maps stage settings, per-method overrides, access log group, WAF and usage plans', () => {
    const orders = inventory.apis.find((a) => a.id === 'ord3rs');
    const prod = orders?.stages.find((s) => s.name === 'prod');
    expect(prod).toMatchObject({
      description: 'Production',
      tracing: true,
      clientCertificateId: 'cert1',
      declaredBy: 'deployed',
      usagePlanIds: ['plan1'],
      settings: {
        loggingLevel: 'ERROR',
        dataTrace: false,
        metrics: true,
        throttle: { rateLimit: 50, burstLimit: 100 },
        caching: false,
      },
    });
    expect(prod?.overrides).toEqual([
      {
        path: '/orders',
        method: 'POST',
        settings: expect.objectContaining({ loggingLevel: 'INFO', dataTrace: true, throttle: {} }),
      },
    ]);
    expect(prod?.accessLog?.logGroup).toMatchObject({
      name: ORDERS_LOG_GROUP,
      retentionDays: 365,
      kmsKeyId: expect.stringContaining(':key/k1'),
    });
    expect(prod?.waf?.webAcl).toMatchObject({
      id: WEB_ACL_ARN,
      scope: 'REGIONAL',
      defaultAction: 'ALLOW',
      logging: { redactedFields: ['authorization', 'cookie', 'query-string'] },
    });
    const acl = prod?.waf?.webAcl;
    expect(acl && !isUnresolved(acl) ? acl.rules : []).toEqual([
      expect.objectContaining({
        name: 'common',
        managedRuleGroup: { vendor: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
        countOnly: false,
      }),
      expect.objectContaining({ name: 'rate', rateBased: { limit: 1000, aggregateKeyType: 'IP' }, countOnly: false }),
      expect.objectContaining({ name: 'bad-inputs', countOnly: true }),
    ]);
    expect(prod?.variables.apiKeySecret).toBe(SEEDED_STAGE_SECRET);
    const dev = orders?.stages.find((s) => s.name === 'dev');
    expect(dev?.settings).toEqual({ throttle: {} });
    expect(dev?.accessLog).toBeUndefined();
    expect(inventory.webAcls.map((w) => w.id)).toEqual([WEB_ACL_ARN]);
    expect(inventory.usagePlans).toEqual([
      expect.objectContaining({
        id: 'plan1',
        throttle: { rateLimit: 10, burstLimit: 20 },
        quota: { limit: 10000, period: 'MONTH' },
        stages: [{ apiId: 'ord3rs', stage: 'prod' }],
      }),
    ]);
    expect(inventory.account?.cloudWatchRoleArn).toBe('arn:aws:iam::123456789012:role/apigw-cloudwatch');
  });

  it('maps HTTP and WebSocket APIs: routes, JWT authorizers, integrations, route settings', () => {
    const http = inventory.apis.find((a) => a.id === 'h77p01');
    expect(http?.operations.map((o) => [o.method, o.path, o.routeKey])).toEqual([
      ['GET', '/items', 'GET /items'],
      ['ANY', '$default', '$default'],
    ]);
    const items = http?.operations[0];
    expect(items?.auth.authorizer).toMatchObject({
      type: 'JWT',
      jwtAudience: ['catalog'],
      jwtIssuer: 'https://issuer.example.com',
    });
    expect(http?.operations[1].integration).toMatchObject({
      connectionType: 'VPC_LINK',
      hasTlsConfig: true,
      tlsServerNameToVerify: 'internal.example.com',
    });
    expect(http?.cors).toEqual([
      expect.objectContaining({ from: 'v2-config', allowOrigins: ['*'], allowCredentials: false }),
    ]);
    const stage = http?.stages[0];
    expect(stage?.settings).toEqual({ metrics: false, throttle: { rateLimit: 100, burstLimit: 200 } });
    expect(stage?.overrides).toEqual([
      { path: 'GET /items', method: 'GET', settings: { throttle: { rateLimit: 5, burstLimit: 10 } } },
    ]);
    expect(isUnresolved(stage?.accessLog?.logGroup)).toBe(true);
    const ws = inventory.apis.find((a) => a.id === 'w5s001');
    expect(ws?.operations.map((o) => [o.method, o.path, o.auth.type])).toEqual([
      ['', '$connect', 'AWS_IAM'],
      ['', '$disconnect', 'NONE'],
    ]);
  });

  it('merges the REST and v2 views of one custom domain', () => {
    expect(
      inventory.domains.map((d) => [
        d.id,
        d.kind,
        d.securityPolicy,
        d.mappings.map((m) => `${String(m.apiId)}/${String(m.stage)}/${String(m.basePath ?? '')}`),
      ]),
    ).toEqual([
      ['api.example.com', 'rest', 'TLS_1_2', ['ord3rs/prod/', 'h77p01/$default/catalog']],
      ['ws.example.com', 'v2', 'TLS_1_2', ['w5s001/live/']],
    ]);
    expect(inventory.domains[1].mtlsTruststoreUri).toBe('s3://bucket/truststore.pem');
  });

  it('runs the shipped rules unchanged on the deployed inventory', () => {
    const { findings } = evaluate(inventory, { standard: resolveStandard() });
    const verdict = (rule: string, label: string): string[] =>
      findings.filter((f) => f.ruleId === rule && f.resource.label === label).map((f) => f.status);
    expect(verdict('execution-logging', 'orders (rest API) › stage prod')).toEqual(['pass']);
    expect(verdict('data-trace', 'orders (rest API) › stage prod')).toEqual(['fail']); // the POST override turns data trace on
    expect(verdict('execution-logging', 'legacy (rest API) › stage v1')).toEqual(['fail']);
    expect(verdict('tracing', 'legacy (rest API) › stage v1')).toEqual(['fail']);
    expect(verdict('tracing', 'orders (rest API) › stage prod')).toEqual(['pass']);
    expect(verdict('stage-waf', 'legacy (rest API) › stage v1')).toEqual(['fail']);
    expect(verdict('stage-waf', 'orders (rest API) › stage prod')).toEqual(['pass']);
    expect(verdict('rest-method-authorization', 'legacy (rest API) › GET /items')).toEqual(['fail']);
    expect(verdict('resource-policy', 'orders (rest API)')).toEqual(['fail']);
    expect(verdict('waf-rules', 'orders (rest API) › stage prod')).toEqual(['fail']); // a managed group in COUNT mode
    // The HTTP API's log group does not exist: the retention rule cannot decide, and says why.
    const retention = findings.filter(
      (f) => f.ruleId === 'access-log-retention' && f.resource.label.includes('catalog'),
    );
    expect(retention.map((f) => f.status)).toEqual(['unknown']);
    expect(retention[0].message).toContain('/aws/http/missing does not exist');
  });

  it('audits only the API ids asked for, and names ids that do not exist', async () => {
    const only = await audit(fake, ['ord3rs', 'nope42']);
    expect(only.apis.map((a) => a.id)).toEqual(['ord3rs']);
    expect(only.domains.map((d) => d.id)).toEqual(['api.example.com']);
    expect(only.usagePlans.map((p) => p.id)).toEqual(['plan1']);
    expect(only.notices).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'AUDIT_API_NOT_FOUND',
        message: expect.stringContaining('nope42'),
      }),
    ]);
    const mapped = only.domains[0].mappings.find((m) => m.basePath === 'catalog');
    expect(isUnresolved(mapped?.apiId)).toBe(true);
  });
});
