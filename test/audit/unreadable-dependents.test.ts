import { evaluateAudit } from '../../lib/audit/evaluate-audit';
import { fromAws } from '../../lib/audit/from-aws';
import type { Finding } from '../../lib/engine/finding';
import { defaultStandard, resolveStandard, type ResolvedStandard } from '../../lib/standard';
import { startFakeAws, type Fault } from './fake-aws/server';
import { accountFixture } from './fixtures';
import { testClients } from './helpers';

/** The audit's findings (passes included) with `faults` injected; 2 attempts per call. */
async function findingsWith(faults: Fault[], standard: ResolvedStandard = resolveStandard()): Promise<Finding[]> {
  const fake = await startFakeAws(accountFixture(), { faults });
  const clients = testClients(fake.endpoint, 2);
  try {
    const inventory = await fromAws({ clients, progress: false, concurrency: 3 });
    return [...evaluateAudit(inventory, { standard }).findings];
  } finally {
    clients.destroy();
    await fake.close();
  }
}

/** The shipped standard with closed request models required in every tier. */
function closedModelsStandard(): ResolvedStandard {
  const standard = defaultStandard();
  return resolveStandard({
    ...standard,
    rules: { ...standard.rules, 'request-validation': { options: { requireClosedModels: true } } },
  });
}

const of = (findings: Finding[], ruleId: string, apiId: string): Finding[] =>
  findings.filter((f) => f.ruleId === ruleId && f.resource.apiId === apiId);
const statuses = (findings: Finding[]): string[] => findings.map((f) => f.status);

describe('audit: stages that could not be read', () => {
  const deny: Fault[] = [{ service: 'apigateway', operation: 'GetStages', kind: 'deny' }];

  test('passes usage-plan-limits and required-tags on stages that were read (the baseline the faults change)', async () => {
    const findings = await findingsWith([]);
    // orders: prod is in a usage plan, dev is not although POST /orders requires a key.
    expect(statuses(of(findings, 'usage-plan-limits', 'ord3rs')).sort()).toEqual(['fail', 'pass']);
    expect(of(findings, 'required-tags', 'l3gacy').map((f) => f.message)).toContain(
      'Stage v1 lacks required tags owner, data-classification.',
    );
  });

  test('fails no keyed stage for being in no usage plan when GetStages was denied: unknown, naming the call', async () => {
    const plans = of(await findingsWith(deny), 'usage-plan-limits', 'ord3rs');
    expect(statuses(plans)).toEqual(['unknown']);
    expect(plans[0].message).toMatch(
      /its stages could not be read \(GetStages denied \(needs IAM action apigateway:GET\)/,
    );
    expect(plans[0].fix).toMatch(/^Allow apigateway:GET for GetStages/);
  });

  test('fails no stage for lacking tags it never read: the API (read) fails, its stages are unknown once', async () => {
    const tags = of(await findingsWith(deny), 'required-tags', 'l3gacy');
    expect(tags.map((f) => [f.status, f.message.replace(/ \(GetStages.*/, '')])).toEqual([
      ['fail', 'The API lacks required tags owner, data-classification.'],
      ['unknown', "The tags of the API's stages are unknown: they could not be read"],
    ]);
  });

  test('fails every stage control of the API as unknown, one finding per rule, and none passes or vanishes', async () => {
    const baseline = await findingsWith([]);
    const findings = await findingsWith(deny);
    const stageRules = (list: Finding[]): string[] =>
      [
        ...new Set(
          list.filter((f) => f.resource.kind === 'stage' && f.resource.apiId === 'l3gacy').map((f) => f.ruleId),
        ),
      ].sort();
    const stage = findings.filter((f) => f.resource.kind === 'stage' && f.resource.apiId === 'l3gacy');
    expect(stage.every((f) => f.status === 'unknown')).toBe(true);
    expect(stage.map((f) => f.ruleId)).toEqual([...new Set(stage.map((f) => f.ruleId))]);
    // Every control reported on the stage when it was read is reported (unknown) when it was not.
    expect(stageRules(findings)).toEqual(expect.arrayContaining(stageRules(baseline)));
    // stage-variable-secrets has nothing to check in an empty variable map; unread variables are not "none".
    expect(stageRules(baseline)).not.toContain('stage-variable-secrets');
    expect(stageRules(findings)).toContain('stage-variable-secrets');
  });
});

describe('audit: request validators and models that could not be read', () => {
  test('fails request-validation as unknown on each method that names a validator, named once, with no notice', async () => {
    const findings = await findingsWith([{ service: 'apigateway', operation: 'GetRequestValidators', kind: 'deny' }]);
    const validation = of(findings, 'request-validation', 'ord3rs');
    expect(validation.map((f) => [f.status, f.resource.label])).toEqual([
      ['unknown', 'orders (rest API) › POST /orders'],
    ]);
    expect(validation[0].message).toContain('GetRequestValidators denied (needs IAM action apigateway:GET)');
    expect(validation[0].fix).toMatch(/^Allow apigateway:GET for GetRequestValidators/);
    expect(findings.filter((f) => /GetRequestValidators/.test(f.message))).toHaveLength(1);
    expect(findings.filter((f) => f.ruleId === 'not-evaluable')).toEqual([]);
  });

  test('passes request-validation with closed models required when GetModels succeeds', async () => {
    const validation = of(await findingsWith([], closedModelsStandard()), 'request-validation', 'ord3rs');
    expect(statuses(validation)).toEqual(['pass']);
  });

  test('fails a closed-model check whose model could not be read (GetModels denied) as unknown, named once', async () => {
    const findings = await findingsWith(
      [{ service: 'apigateway', operation: 'GetModels', kind: 'deny' }],
      closedModelsStandard(),
    );
    const validation = of(findings, 'request-validation', 'ord3rs');
    expect(validation.map((f) => [f.status, f.message.replace(/ \(GetModels.*/, '')])).toEqual([
      ['unknown', 'The schema of request model Order is unknown'],
    ]);
    expect(validation[0].fix).toMatch(/^Allow apigateway:GET for GetModels/);
    expect(findings.filter((f) => /GetModels/.test(f.message))).toHaveLength(1);
    expect(findings.filter((f) => f.ruleId === 'not-evaluable')).toEqual([]);
  });
});
