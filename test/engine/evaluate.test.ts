import { evaluate } from '../../lib/engine/evaluate';
import { isBlocking } from '../../lib/engine/finding';
import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { Standard } from '../../lib/standard';
import { ResolvedStandard } from '../../lib/standard';
import type { Api, Inventory, Stage } from '../../lib/model/types';
import { unresolved } from '../../lib/model/value';
import { emptyApiParts } from '../../lib/model/template/empty-api';

function stage(name: string, tracing: Stage['tracing']): Stage {
  return {
    source: { logicalId: `Stage${name}` },
    name,
    settings: { throttle: {} },
    overrides: [],
    tracing,
    variables: {},
    tags: {},
    usagePlanIds: [],
    declaredBy: 'stage',
  };
}

function api(id: string, tags: Api['tags'], stages: Stage[], kind: Api['kind'] = 'rest'): Api {
  return {
    id,
    kind,
    source: { logicalId: id },
    external: false,
    name: id,
    endpointTypes: ['REGIONAL'],
    vpcEndpointIds: [],
    tags,
    disableExecuteApiEndpoint: false,
    ...emptyApiParts(),
    stages,
  };
}

function inventory(apis: Api[]): Inventory {
  return {
    apis,
    domains: [],
    webAcls: [],
    usagePlans: [],
    userPools: [],
    distributions: [],
    portals: [],
    notices: [],
    origins: ['test'],
  };
}

const tracing = defineRule<'stage', { required: boolean }>({
  id: 'tracing-test',
  title: 'Stages trace requests',
  rationale: 'r',
  fix: { cdk: 'turn tracing on', cloudFormation: 'TracingEnabled: true' },
  severity: 'error',
  owasp: ['API8:2023'],
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ALL_API_KINDS },
  options: { schema: {}, defaults: { required: true } },
  check(s, ctx) {
    if (ctx.api?.kind === 'http') return ctx.skip();
    if (!ctx.options.required) return;
    if (!ctx.need(s.tracing ?? false, 'tracing')) ctx.fail('Tracing is off.');
  },
});

const thrower = defineRule<'api'>({
  id: 'thrower',
  title: 'A rule with a bug in it',
  rationale: 'r',
  fix: { cdk: 'f', cloudFormation: 'f' },
  severity: 'warning',
  owasp: ['API8:2023'],
  references: {},
  appliesTo: { subject: 'api', apiKinds: ALL_API_KINDS },
  check() {
    throw new Error('boom');
  },
});

function standard(overrides: Partial<Standard> = {}): Standard {
  return {
    name: 't',
    classification: { tagKey: 'data-classification', tiers: ['public', 'internal', 'restricted'] },
    ownerTagKey: 'owner',
    unknownAs: 'rule-severity',
    rules: {},
    tiers: {},
    ...overrides,
  };
}

describe('evaluate', () => {
  const inv = inventory([
    api('Orders', { 'data-classification': 'public' }, [
      stage('on', true),
      stage('off', false),
      stage('param', unresolved('parameter T has no default')),
    ]),
    api('Http', {}, [stage('h', false)], 'http'),
  ]);

  it('gives pass, fail and unknown per subject, and skips what a rule declares out of scope', () => {
    const { findings } = evaluate(inv, { standard: new ResolvedStandard(standard(), [tracing]) });
    expect(findings.map((f) => [f.status, f.resource.label])).toEqual([
      ['fail', 'Orders (rest API) › stage off'],
      ['unknown', 'Orders (rest API) › stage param'],
      ['pass', 'Orders (rest API) › stage on'],
    ]);
    expect(findings[1].message).toMatch(/tracing is unresolved \(parameter T has no default\)/);
  });

  it('fails a rule that throws instead of passing silently, at error severity', () => {
    const { findings } = evaluate(inv, { standard: new ResolvedStandard(standard(), [thrower]) });
    expect(findings).toHaveLength(2);
    for (const f of findings) {
      expect(f.status).toBe('fail');
      expect(f.severity).toBe('error');
      expect(f.message).toMatch(/threw.*boom/);
    }
  });

  it('picks the tier from the classification tag, and the strictest tier when it is missing or unknown', () => {
    const inv2 = inventory([
      api('A', { 'data-classification': 'internal' }, [stage('s', false)]),
      api('B', { 'data-classification': 'top-secret' }, [stage('s', false)]),
      api('C', {}, [stage('s', false)]),
    ]);
    const { findings } = evaluate(inv2, { standard: new ResolvedStandard(standard(), [tracing]) });
    expect(findings.map((f) => f.tier)).toEqual(['internal', 'restricted', 'restricted']);
  });

  it('applies tier settings over rule settings over rule defaults', () => {
    const s = standard({
      rules: { 'tracing-test': { severity: 'warning' } },
      tiers: { public: { rules: { 'tracing-test': { options: { required: false } } } } },
    });
    const { findings } = evaluate(inv, { standard: new ResolvedStandard(s, [tracing]) });
    expect(findings.filter((f) => f.status !== 'pass')).toEqual([]);
    const strict = evaluate(inventory([api('X', {}, [stage('s', false)])]), {
      standard: new ResolvedStandard(s, [tracing]),
    }).findings;
    expect(strict.map((f) => [f.status, f.severity])).toEqual([['fail', 'warning']]);
  });

  it('fails unknown findings by default and caps them at warning when the standard says so', () => {
    const byDefault = evaluate(inv, { standard: new ResolvedStandard(standard(), [tracing]) }).findings.find(
      (f) => f.status === 'unknown',
    )!;
    expect(isBlocking(byDefault, 'error')).toBe(true);
    const lenient = evaluate(inv, {
      standard: new ResolvedStandard(standard({ unknownAs: 'warning' }), [tracing]),
    }).findings.find((f) => f.status === 'unknown')!;
    expect(lenient.severity).toBe('warning');
    expect(isBlocking(lenient, 'error')).toBe(false);
    expect(isBlocking(lenient, 'warning')).toBe(true);
  });

  it('acknowledges failing findings through the callback, unless the rule is not acknowledgeable in the tier', () => {
    const ack = { reason: 'tracing costs too much here', via: 'cdk' as const };
    const ok = evaluate(inv, {
      standard: new ResolvedStandard(standard(), [tracing]),
      acknowledge: () => ack,
    }).findings;
    expect(ok.filter((f) => f.status === 'acknowledged').map((f) => f.acknowledgement)).toEqual([ack, ack]);
    const refused = evaluate(inv, {
      standard: new ResolvedStandard(
        standard({ tiers: { public: { rules: { 'tracing-test': { acknowledgeable: false } } } } }),
        [tracing],
      ),
      acknowledge: () => ack,
    }).findings;
    expect(refused.find((f) => f.resource.label.endsWith('stage off'))).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/cannot be acknowledged in tier public/),
    });
  });

  it('keeps failing a finding whose acknowledgement expired, and says when and which ticket', () => {
    const expired = { expired: true as const, expires: '2026-01-31', reason: 'migration window', ticket: 'SEC-9' };
    const { findings } = evaluate(inv, {
      standard: new ResolvedStandard(standard(), [tracing]),
      acknowledge: () => expired,
    });
    const off = findings.find((f) => f.resource.label.endsWith('stage off'))!;
    expect(off.status).toBe('fail');
    expect(off.message).toMatch(/acknowledgement \(ticket SEC-9, "migration window"\) expired on 2026-01-31/);
  });

  it('makes every operation rule unknown for an API whose operations cannot be read (nothing passes silently)', () => {
    const opRule = defineRule<'operation'>({
      id: 'op-test',
      title: 'Operations are checked',
      rationale: 'r',
      fix: { cdk: 'f', cloudFormation: 'f' },
      severity: 'error',
      owasp: ['API2:2023'],
      references: {},
      appliesTo: { subject: 'operation', apiKinds: ALL_API_KINDS },
      check: () => undefined,
    });
    const s3Api = { ...api('S3Api', {}, []), operationsUnresolved: 'the OpenAPI body is in S3 (BodyS3Location)' };
    const { findings } = evaluate(inventory([s3Api]), { standard: new ResolvedStandard(standard(), [opRule]) });
    expect(findings).toMatchObject([
      { ruleId: 'op-test', status: 'unknown', message: expect.stringMatching(/BodyS3Location/) },
    ]);
  });

  it('turns error notices (e.g. an untransformed SAM template) into unknown findings', () => {
    const inv3: Inventory = {
      ...inventory([]),
      notices: [
        { level: 'error', code: 'NOT_EVALUABLE_SAM', message: 'SAM transform', source: { templatePath: 'x.yaml' } },
      ],
    };
    const { findings } = evaluate(inv3, { standard: new ResolvedStandard(standard(), [tracing]) });
    expect(findings).toMatchObject([{ ruleId: 'not-evaluable', status: 'unknown', severity: 'error' }]);
  });

  it('is deterministic whatever the input order', () => {
    const a = evaluate(inv, { standard: new ResolvedStandard(standard(), [tracing, thrower]) }).findings;
    const b = evaluate(inventory([...inv.apis].reverse()), {
      standard: new ResolvedStandard(standard(), [thrower, tracing]),
    }).findings;
    expect(b).toEqual(a);
  });
});
