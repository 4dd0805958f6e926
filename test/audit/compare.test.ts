import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareWithIntent, matchApis } from '../../lib/audit/compare';
import { fromAws } from '../../lib/audit/from-aws';
import { fromTemplate } from '../../lib/model/template';
import type { Inventory } from '../../lib/model/types';
import { resolveStandard } from '../../lib/standard';
import { deployTemplate } from './fake-aws/deploy-template';
import { startFakeAws } from './fake-aws/server';
import type { FakeState } from './fake-aws/state';
import { ACCOUNT, REGION } from './fixtures';
import { auditCli, setLoopbackCredentials, testClients } from './helpers';

const STACK = 'ShopStack';

/** A hand-written template (no CDK, to keep this test fast): one REST API with a secured stage. */
const TEMPLATE = {
  Resources: {
    ShopApi: {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: { Name: 'shop', EndpointConfiguration: { Types: ['REGIONAL'] } },
    },
    Items: {
      Type: 'AWS::ApiGateway::Resource',
      Properties: {
        RestApiId: { Ref: 'ShopApi' },
        ParentId: { 'Fn::GetAtt': ['ShopApi', 'RootResourceId'] },
        PathPart: 'items',
      },
    },
    ItemsGet: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: 'ShopApi' },
        ResourceId: { Ref: 'Items' },
        HttpMethod: 'GET',
        AuthorizationType: 'AWS_IAM',
        Integration: { Type: 'MOCK' },
      },
    },
    Deployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'ShopApi' } } },
    Prod: {
      Type: 'AWS::ApiGateway::Stage',
      Properties: {
        RestApiId: { Ref: 'ShopApi' },
        DeploymentId: { Ref: 'Deployment' },
        StageName: 'prod',
        TracingEnabled: true,
        MethodSettings: [
          {
            ResourcePath: '/*',
            HttpMethod: '*',
            LoggingLevel: 'ERROR',
            ThrottlingRateLimit: 20,
            ThrottlingBurstLimit: 40,
          },
        ],
      },
    },
  },
};

async function deployed(tamper: (state: FakeState) => void = () => undefined): Promise<Inventory> {
  const state = deployTemplate(TEMPLATE, { region: REGION, accountId: ACCOUNT, stackName: STACK });
  tamper(state);
  const fake = await startFakeAws(state);
  const clients = testClients(fake.endpoint);
  try {
    return await fromAws({ clients, progress: false });
  } finally {
    clients.destroy();
    await fake.close();
  }
}

const intent = fromTemplate(TEMPLATE, { stackName: STACK });
const standard = resolveStandard();

describe('audit --compare: drift between the synthesized intent and what is deployed', () => {
  it('matches APIs by the aws:cloudformation:logical-id tag and reports no drift for an untouched deployment', async () => {
    const live = await deployed();
    expect(matchApis(intent, live).map((m) => [m.intended.id, m.deployed?.name, m.by])).toEqual([
      ['ShopApi', 'shop', 'logical-id'],
    ]);
    expect(compareWithIntent(intent, live, { standard })).toEqual([]);
  });

  it('fails with drift findings for every control weakened out of band', async () => {
    const live = await deployed((state) => {
      const api = state.restApis[0];
      const stage = api.stages[0] as {
        tracingEnabled: boolean;
        methodSettings: Record<string, Record<string, unknown>>;
      };
      stage.tracingEnabled = false;
      stage.methodSettings['*/*'].loggingLevel = 'OFF';
      stage.methodSettings['*/*'].throttlingRateLimit = 5000;
      const items = api.resources.find((r) => r.path === '/items') as {
        resourceMethods: Record<string, Record<string, unknown>>;
      };
      items.resourceMethods.GET.authorizationType = 'NONE';
      // A method only the deployment has is not drift from the intent (the intent does not lack it).
      api.resources.push({
        id: 'extra',
        path: '/admin',
        resourceMethods: { DELETE: { httpMethod: 'DELETE', authorizationType: 'NONE' } },
      });
    });
    const drift = compareWithIntent(intent, live, { standard });
    expect(drift.map((f) => [f.ruleId, f.status, f.resource.label, f.message])).toEqual([
      [
        'drift',
        'fail',
        'shop (rest API) › GET /items',
        'Authorization is AWS_IAM in the synthesized app; deployed: NONE.',
      ],
      [
        'drift',
        'fail',
        'shop (rest API) › stage prod',
        'X-Ray tracing is on in the synthesized app; off on the deployed stage.',
      ],
      [
        'drift',
        'fail',
        'shop (rest API) › stage prod',
        'Execution logging is ERROR in the synthesized app; deployed: OFF.',
      ],
      [
        'drift',
        'fail',
        'shop (rest API) › stage prod',
        'Throttling rateLimit is 20 in the synthesized app; deployed: 5000.',
      ],
    ]);
    expect(drift.every((f) => f.severity === 'error' && f.fix.includes('cdk deploy'))).toBe(true);
  });

  it('fails with drift when a synthesized method or stage is missing from the deployment', async () => {
    const live = await deployed((state) => {
      const api = state.restApis[0];
      const items = api.resources.find((r) => r.path === '/items') as { resourceMethods: Record<string, unknown> };
      delete items.resourceMethods.GET;
      api.stages.splice(0, 1);
    });
    expect(compareWithIntent(intent, live, { standard }).map((f) => [f.resource.label, f.message])).toEqual([
      ['shop (rest API)', 'Method GET /items is synthesized but not deployed.'],
      ['shop (rest API)', 'Stage prod is synthesized but not deployed.'],
    ]);
  });

  it('fails with a warning when a synthesized API is not deployed at all, and falls back to matching by name', async () => {
    const live = await deployed((state) => {
      const tags = state.restApis[0].api.tags as Record<string, string>;
      delete tags['aws:cloudformation:logical-id'];
    });
    expect(matchApis(intent, live).map((m) => m.by)).toEqual(['name']);
    const none = await deployed((state) => {
      state.restApis = [];
    });
    const drift = compareWithIntent(intent, none, { standard });
    expect(drift.map((f) => [f.severity, f.message])).toEqual([
      ['warning', expect.stringContaining('no deployed API matches it')],
    ]);
  });

  it('fails the CLI run with drift listed in the report when --compare is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-compare-'));
    const state = deployTemplate(TEMPLATE, { region: REGION, accountId: ACCOUNT, stackName: STACK });
    (state.restApis[0].stages[0] as { tracingEnabled: boolean }).tracingEnabled = false;
    const fake = await startFakeAws(state);
    const restore = setLoopbackCredentials();
    try {
      writeFileSync(join(dir, `${STACK}.template.json`), JSON.stringify(TEMPLATE));
      const { code, stdout } = await auditCli(
        fake.endpoint,
        ['--compare', `${STACK}.template.json`, '--format', 'json'],
        dir,
      );
      expect(code).toBe(1);
      const report = JSON.parse(stdout) as { findings: { ruleId: string; message: string }[] };
      expect(report.findings.filter((f) => f.ruleId === 'drift').map((f) => f.message)).toEqual([
        'X-Ray tracing is on in the synthesized app; off on the deployed stage.',
      ]);
    } finally {
      restore();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
