/**
 * Benchmark (not part of `npm test`): audit 1,000 APIs on the loopback fake with 20 ms added latency per
 * request, and print the wall time and request count. Usage: ts-node bench/audit-bench.ts [apis] [concurrency]
 */
import { createAuditClients } from '../lib/audit/clients';
import { fromAws } from '../lib/audit/from-aws';
import { startFakeAws } from '../test/audit/fake-aws/server';
import { emptyState, restApi, v2Api, type FakeState } from '../test/audit/fake-aws/state';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';

/** 80 % REST APIs (2 stages, 3 resources, access logs, every 4th with a web ACL), 20 % HTTP APIs. */
function largeAccount(count: number): FakeState {
  const state = emptyState();
  const restCount = Math.round(count * 0.8);
  for (let i = 0; i < count; i++) {
    const logGroup = `/aws/apigateway/api-${i}`;
    state.logGroups.push({
      logGroupName: logGroup,
      retentionInDays: 90,
      arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${logGroup}:*`,
    });
    const destinationArn = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${logGroup}`;
    if (i < restCount) {
      const webAclArn = i % 4 === 0 ? `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/acl-${i}/id-${i}` : undefined;
      if (webAclArn) {
        state.webAcls[webAclArn] = {
          webAcl: { Name: `acl-${i}`, Id: `id-${i}`, ARN: webAclArn, DefaultAction: { Allow: {} }, Rules: [] },
        };
      }
      state.restApis.push(
        restApi(
          {
            id: `rest${i}`,
            name: `api-${i}`,
            endpointConfiguration: { types: ['REGIONAL'] },
            tags: { owner: 'bench', 'data-classification': 'internal' },
          },
          {
            stages: ['prod', 'dev'].map((stageName) => ({
              stageName,
              tracingEnabled: true,
              methodSettings: {
                '*/*': {
                  loggingLevel: 'ERROR',
                  metricsEnabled: true,
                  throttlingBurstLimit: 100,
                  throttlingRateLimit: 50,
                },
              },
              accessLogSettings: { destinationArn, format: '{"requestId":"$context.requestId"}' },
              ...(webAclArn && stageName === 'prod' ? { webAclArn } : {}),
            })),
            resources: [
              { id: `root${i}`, path: '/' },
              {
                id: `a${i}`,
                path: '/a',
                resourceMethods: {
                  GET: { httpMethod: 'GET', authorizationType: 'AWS_IAM', methodIntegration: { type: 'MOCK' } },
                },
              },
              {
                id: `b${i}`,
                path: '/b',
                resourceMethods: {
                  POST: { httpMethod: 'POST', authorizationType: 'AWS_IAM', methodIntegration: { type: 'MOCK' } },
                },
              },
            ],
          },
        ),
      );
    } else {
      state.v2Apis.push(
        v2Api(
          { apiId: `http${i}`, name: `api-${i}`, protocolType: 'HTTP', tags: { owner: 'bench' } },
          {
            stages: [{ stageName: '$default', accessLogSettings: { destinationArn, format: '$context.requestId' } }],
            routes: [{ routeId: `r${i}`, routeKey: 'GET /items', authorizationType: 'AWS_IAM' }],
          },
        ),
      );
    }
  }
  return state;
}

async function main(): Promise<void> {
  const apis = Number(process.argv[2] ?? 1000);
  const concurrency = Number(process.argv[3] ?? 8);
  const fake = await startFakeAws(largeAccount(apis), { latencyMs: 20 });
  const clients = createAuditClients({
    endpoint: fake.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
    retryBaseDelayMs: 5,
  });
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  try {
    const inventory = await fromAws({ clients, concurrency, progress: process.stderr });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const requests = fake.requests.length;
    console.log(
      `audit-bench: ${inventory.apis.length} APIs, ${inventory.apis.reduce((n, a) => n + a.stages.length, 0)} stages in ${seconds.toFixed(2)} s; ` +
        `${requests} requests (${(requests / inventory.apis.length).toFixed(1)} per API), concurrency ${concurrency}, peak in flight ${fake.maxInFlight()}, ` +
        `20 ms latency; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (client and fake server share this process); ${inventory.notices.length} notices`,
    );
  } finally {
    clients.destroy();
    await fake.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
