import * as fs from 'fs';
import * as path from 'path';
import { CfnParameter, Stack, Validations, type IPolicyValidationContext } from 'aws-cdk-lib';
import type { CfnStage, MethodLoggingLevel } from 'aws-cdk-lib/aws-apigateway';
import { acknowledgeRisk } from '../../lib/adapters/acknowledge-risk';
import { AcknowledgementIndex } from '../../lib/adapters/acknowledgement-index';
import { ApiGuardrails } from '../../lib/adapters/cdk-plugin';
import { StandardError } from '../../lib/standard';
import { allRules } from '../../policies/rules';
import {
  cleanOutdirs,
  LOGGING,
  newApp,
  ourReport,
  restApi,
  standardWith,
  synth,
  testRules,
} from './cdk-plugin-helpers';

const EXEC = 'execution-logging';
const DESC = 'test-stage-description';

afterEach(() => {
  cleanOutdirs();
  jest.restoreAllMocks();
});

/** Silence CDK's printed report (console.error) and our summary (stderr); return what was written. */
function captureOutput(): { stderr: () => string; console: () => string } {
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const con = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  return {
    stderr: () => err.mock.calls.map((c) => String(c[0])).join(''),
    console: () => con.mock.calls.map((c) => c.map(String).join(' ')).join('\n'),
  };
}

function stageLogicalId(stack: Stack, api: ReturnType<typeof restApi>): string {
  return stack.resolve((api.deploymentStage.node.defaultChild as CfnStage).logicalId) as string;
}

describe('ApiGuardrails plugin', () => {
  test('has the name, package version and rule ids', () => {
    const plugin = new ApiGuardrails();
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(plugin.name).toBe('ApiGuardrails');
    expect(plugin.version).toBe(pkg.version);
    expect(plugin.ruleIds).toEqual(allRules.map((r) => r.id));
  });

  test('fails to construct on an invalid standard, with the StandardError', () => {
    expect(() => new ApiGuardrails({ standard: { ...standardWith([EXEC]), unknownAs: 'never' as never } })).toThrow(
      StandardError,
    );
  });

  test('fails synth on a plain RestApi, naming the stage logical id and template path', () => {
    captureOutput();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC]) });
    const api = restApi(stack, 'Orders');
    const error = synth(app);
    expect(error?.message).toMatch(/ERROR REST and WebSocket stages write execution logs/);
    expect(error?.message).toContain("Acknowledge with 'ApiGuardrails::execution-logging'");
    const report = ourReport(outdir);
    expect(report?.conclusion).toBe('failure');
    expect(report?.violations).toHaveLength(1);
    const [violation] = report!.violations;
    expect(violation.ruleName).toBe(EXEC);
    expect(violation.severity).toBe('error');
    expect(violation.ruleMetadata).toEqual({ tier: 'public', status: 'fail', owasp: 'API8:2023, API9:2023' });
    expect(violation.violatingConstructs).toEqual([
      expect.objectContaining({
        constructPath: 'Shop/Orders/DeploymentStage.prod/Resource',
        cloudFormationResource: {
          templatePath: 'Shop.template.json',
          logicalId: stageLogicalId(stack, api),
          propertyPaths: ['Properties.MethodSettings'],
        },
      }),
    ]);
  });

  test('passes synth when the enabled rules are satisfied, and prints the summary', () => {
    const out = captureOutput();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC, DESC]), summary: true });
    restApi(stack, 'Orders', LOGGING);
    expect(synth(app)).toBeUndefined();
    expect(ourReport(outdir)).toBeUndefined(); // CDK lists only plugins with violations
    expect(out.stderr()).toMatch(/ApiGuardrails: standard "test standard" 0\.0\.1, fail on error/);
    expect(out.stderr()).toMatch(/Orders \(Shop\/\w+\) +rest +public +orders-team +0 +0 +0 +2/);
    expect(out.stderr()).toMatch(
      /Total: 1 API\(s\), 0 fail, 0 unknown, 0 acknowledged, 2 pass; no blocking findings\./,
    );
  });

  test('fails with one violation per rule and message, grouping its resources', () => {
    captureOutput();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC]) });
    const a = restApi(stack, 'Orders');
    const b = restApi(stack, 'Users');
    synth(app);
    const violations = ourReport(outdir)!.violations;
    expect(violations).toHaveLength(1);
    expect(violations[0].violatingConstructs.map((c) => c.cloudFormationResource?.logicalId).sort()).toEqual(
      [stageLogicalId(stack, a), stageLogicalId(stack, b)].sort(),
    );
  });

  test('fails on what is not acknowledged: an acknowledgement suppresses exactly one rule, under its scope only', () => {
    const out = captureOutput();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC, DESC]), summary: true });
    const orders = restApi(stack, 'Orders');
    restApi(stack, 'Users');
    Validations.of(orders).acknowledge({
      id: `ApiGuardrails::${EXEC}`,
      reason: 'logging arrives with the next release',
    });
    const fromTree = jest.spyOn(AcknowledgementIndex, 'fromTree');
    // Users still fails execution-logging and both fail the description rule: synth fails on them.
    expect(synth(app)?.message).toMatch(/ERROR REST and WebSocket stages write execution logs: .*\n +Shop\/Users\//);
    expect(fromTree).toHaveBeenCalledTimes(1); // no aws:cdk:path metadata: paths come from the logical-id index
    const violations = ourReport(outdir)!.violations;
    const byRule = (id: string) =>
      violations.filter((v) => v.ruleName === id).flatMap((v) => v.violatingConstructs.map((c) => c.constructPath));
    expect(byRule(EXEC)).toEqual(['Shop/Users/DeploymentStage.prod/Resource']);
    expect(byRule(DESC).sort()).toEqual([
      'Shop/Orders/DeploymentStage.prod/Resource',
      'Shop/Users/DeploymentStage.prod/Resource',
    ]);
    expect(out.stderr()).toMatch(/Orders \(Shop\/\w+\) +rest +public +orders-team +1 +0 +1 +0/);
  });

  test('fails on what is not acknowledged with path metadata on (as under the CDK CLI), matching by construct path', () => {
    captureOutput();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC]) }, { 'aws:cdk:enable-path-metadata': true });
    const orders = restApi(stack, 'Orders');
    restApi(stack, 'Users');
    const vault = restApi(stack, 'Vault', {}, 'restricted');
    Validations.of(orders).acknowledge({ id: `ApiGuardrails::${EXEC}`, reason: 'next release' });
    Validations.of(vault).acknowledge({ id: `ApiGuardrails::${EXEC}`, reason: 'please' });
    const fromTree = jest.spyOn(AcknowledgementIndex, 'fromTree');
    // Users is not acknowledged and Vault's acknowledgement is refused (restricted tier): synth fails.
    expect(synth(app)?.message).toMatch(
      /FATAL .* cannot be acknowledged in tier restricted\. \(ApiGuardrails\)\n +Shop\/Vault\//,
    );
    expect(fromTree).not.toHaveBeenCalled(); // construct paths come from the templates: no logical-id index
    const paths = (severity: string) =>
      ourReport(outdir)!
        .violations.filter((v) => v.severity === severity)
        .flatMap((v) => v.violatingConstructs.map((c) => c.constructPath));
    expect(paths('error')).toEqual(['Shop/Users/DeploymentStage.prod/Resource']);
    expect(paths('fatal')).toEqual(['Shop/Vault/DeploymentStage.prod/Resource']);
  });

  test('acknowledging the only failing rule lets synth pass', () => {
    captureOutput();
    const { app, stack } = newApp({ standard: standardWith([EXEC]) });
    restApi(stack, 'Orders');
    Validations.of(app).acknowledge({ id: `ApiGuardrails::${EXEC}`, reason: 'demo app' });
    expect(synth(app)).toBeUndefined();
  });

  test('fails again when a risk acceptance has expired, naming the ticket; passes while it holds', () => {
    captureOutput();
    const acceptance = { ruleId: EXEC, reason: 'logging arrives in Q1', ticket: 'SEC-7', expires: '2026-12-31' };
    const lapsed = newApp({ standard: standardWith([EXEC]) });
    acknowledgeRisk(restApi(lapsed.stack, 'Orders'), acceptance, new Date('2027-01-01T00:00:00Z'));
    expect(synth(lapsed.app)?.message).toMatch(
      /The acknowledgement \(ticket SEC-7, "logging arrives in Q1"\) expired on 2026-12-31\./,
    );
    expect(ourReport(lapsed.outdir)!.violations[0].severity).toBe('error');

    const live = newApp({ standard: standardWith([EXEC]) });
    acknowledgeRisk(restApi(live.stack, 'Orders'), acceptance, new Date('2026-12-31T00:00:00Z'));
    expect(synth(live.app)).toBeUndefined();
  });

  test('fails when the acknowledged rule is not acknowledgeable in the tier (reported as fatal)', () => {
    captureOutput();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC]) });
    const api = restApi(stack, 'Vault', {}, 'restricted');
    Validations.of(api).acknowledge({ id: `ApiGuardrails::${EXEC}`, reason: 'please' });
    const error = synth(app);
    expect(error?.message).toMatch(/FATAL .*cannot be acknowledged in tier restricted/);
    expect(ourReport(outdir)!.violations[0]).toMatchObject({
      ruleName: EXEC,
      severity: 'fatal',
      ruleMetadata: { tier: 'restricted' },
    });
  });

  test('fails on unknown findings by default (unknownAs rule-severity)', () => {
    captureOutput();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC]) });
    const level = new CfnParameter(stack, 'LogLevel', { type: 'String' });
    restApi(stack, 'Orders', { loggingLevel: level.valueAsString as MethodLoggingLevel });
    const error = synth(app);
    expect(error?.message).toMatch(
      /ERROR REST and WebSocket stages write execution logs \(could not be decided\): .*unresolved/,
    );
    expect(ourReport(outdir)!.violations[0]).toMatchObject({ severity: 'error', ruleMetadata: { status: 'unknown' } });
  });

  test('unknown findings are warnings and do not fail when the standard says unknownAs warning', () => {
    const out = captureOutput();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC], { unknownAs: 'warning' }) });
    const level = new CfnParameter(stack, 'LogLevel', { type: 'String' });
    restApi(stack, 'Orders', { loggingLevel: level.valueAsString as MethodLoggingLevel });
    expect(synth(app)).toBeUndefined();
    expect(ourReport(outdir)).toMatchObject({
      conclusion: 'success',
      violations: [{ severity: 'warning', ruleMetadata: { status: 'unknown' } }],
    });
    expect(out.console()).toMatch(/WARNING REST and WebSocket stages write execution logs/);
  });

  test("fails on warnings with failOn 'warning'; failOn 'never' reports violations without failing", () => {
    captureOutput();
    const never = newApp({ standard: standardWith([EXEC]), failOn: 'never' });
    restApi(never.stack, 'Orders');
    expect(synth(never.app)).toBeUndefined();
    expect(ourReport(never.outdir)?.violations).toHaveLength(1);

    const warnings = standardWith([DESC], {
      rules: { ...standardWith([DESC]).rules, [DESC]: { enabled: true, severity: 'warning' } },
    });
    const lenient = newApp({ standard: warnings });
    restApi(lenient.stack, 'Orders', { loggingLevel: LOGGING.loggingLevel });
    expect(synth(lenient.app)).toBeUndefined();
    const strict = newApp({ standard: warnings, failOn: 'warning' });
    restApi(strict.stack, 'Orders', { loggingLevel: LOGGING.loggingLevel });
    expect(synth(strict.app)?.message).toMatch(/WARNING Stages have a description/);
  });

  test('summary is off when summary: false', () => {
    const out = captureOutput();
    const { app, stack } = newApp({ standard: standardWith([EXEC]), summary: false });
    restApi(stack, 'Orders', LOGGING);
    synth(app);
    expect(out.stderr()).not.toContain('ApiGuardrails:');
  });

  test('validate reads each template once and works without the app construct', () => {
    captureOutput();
    const { app, stack } = newApp({ standard: standardWith([EXEC]), failOn: 'never' });
    restApi(stack, 'Orders');
    restApi(new Stack(app, 'Other'), 'Users', LOGGING);
    const assembly = app.synth();
    const templatePaths = assembly.stacks.map((s) => s.templateFullPath);
    const read = jest.spyOn(jest.requireActual<typeof fs>('fs'), 'readFileSync');
    const plugin = new ApiGuardrails({ standard: standardWith([EXEC]), rules: testRules, summary: false });
    const report = plugin.validate({
      templatePaths,
      stackTemplates: templatePaths.map((p) => ({
        templatePath: p,
        stackConstructPath: path.basename(p),
        accountId: undefined,
        region: undefined,
      })),
    } as unknown as IPolicyValidationContext);
    expect(read.mock.calls.filter((c) => templatePaths.includes(String(c[0])))).toHaveLength(2);
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => v.violatingResources.map((r) => r.templatePath))).toEqual([
      [templatePaths.find((p) => p.endsWith('Shop.template.json'))],
    ]);
    expect(report.metadata).toMatchObject({
      standard: 'test standard 0.0.1',
      failOn: 'error',
      apis: '2',
      fail: '1',
      pass: '1',
    });
  });
});
