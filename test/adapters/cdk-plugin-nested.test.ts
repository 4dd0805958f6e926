import { NestedStack, Validations } from 'aws-cdk-lib';
import { cleanOutdirs, LOGGING, newApp, ourReport, restApi, standardWith, synth } from './cdk-plugin-helpers';

const EXEC = 'execution-logging';
/** As the CDK CLI synthesizes: construct paths and asset paths (which name a nested stack's template) in metadata. */
const CLI_CONTEXT = { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true };

afterEach(() => {
  cleanOutdirs();
  jest.restoreAllMocks();
});

function quiet(): () => string {
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  return () => err.mock.calls.map((c) => String(c[0])).join('');
}

describe('ApiGuardrails plugin and CDK nested stacks', () => {
  test('evaluates an API in a NestedStack (CDK hands plugins only top-level stacks) and names the nested template', () => {
    quiet();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC]) }, CLI_CONTEXT);
    restApi(stack, 'Public', LOGGING);
    const nested = new NestedStack(stack, 'Inner');
    restApi(nested as never, 'Hidden');
    const error = synth(app);
    expect(error?.message).toMatch(/REST and WebSocket stages write execution logs/);
    const report = ourReport(outdir);
    expect(report?.violations).toHaveLength(1);
    const [resource] = report!.violations[0].violatingConstructs;
    expect(resource.constructPath).toBe('Shop/Inner/Hidden/DeploymentStage.prod/Resource');
    expect(resource.cloudFormationResource?.templatePath).toMatch(/^ShopInner[0-9A-F]+\.nested\.template\.json$/);
  });

  test('honours an acknowledgement made inside the nested stack, and prints the nested API in the summary', () => {
    const stderr = quiet();
    const { app, stack, outdir } = newApp({ standard: standardWith([EXEC]), summary: true }, CLI_CONTEXT);
    const nested = new NestedStack(stack, 'Inner');
    const api = restApi(nested as never, 'Hidden');
    Validations.of(api).acknowledge({ id: `ApiGuardrails::${EXEC}`, reason: 'batch API, logs in the backend' });
    expect(synth(app)).toBeUndefined();
    // CDK leaves out a plugin report with nothing in it.
    expect(ourReport(outdir)?.violations ?? []).toEqual([]);
    expect(stderr()).toMatch(/Hidden \(Shop\/InnerNestedStack[^)]*\/Hidden[0-9A-F]+\).*\b0\s+0\s+1\s+0\n/);
  });

  test('without asset metadata it cannot find the nested template: the summary warns instead of passing silently', () => {
    const stderr = quiet();
    const { app, stack } = newApp(
      { standard: standardWith([EXEC]), summary: true, failOn: 'never' },
      { 'aws:cdk:enable-path-metadata': true },
    );
    restApi(new NestedStack(stack, 'Inner') as never, 'Hidden');
    expect(synth(app)).toBeUndefined();
    expect(stderr()).toMatch(/NESTED_STACK_NOT_EVALUATED/);
  });
});
