import { App, Stack } from 'aws-cdk-lib';
import { acknowledgeRisk, NOW_CONTEXT_KEY } from '../../lib/adapters/acknowledge-risk';
import { ApiGuardrailsChecks } from '../../lib/adapters/nag-pack';
import {
  cleanOutdirs,
  newApp,
  ourReport,
  restApi,
  standardWith,
  synth,
  testRules,
} from '../adapters/cdk-plugin-helpers';

const EXEC = 'execution-logging';
const FAR = { ruleId: EXEC, reason: 'logging later', ticket: 'SEC-7', expires: '9999-12-31' };

afterEach(() => {
  cleanOutdirs();
  jest.restoreAllMocks();
});

function quiet(): void {
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
}

describe('acknowledgements.maxDaysAhead at synth (the engine enforces the cap for the plugin)', () => {
  test('fails synth on an acknowledgement expiring beyond the cap, naming the cap and the date', () => {
    quiet();
    const { app, stack, outdir } = newApp({
      standard: standardWith([EXEC], { acknowledgements: { maxDaysAhead: 90 } }),
    });
    acknowledgeRisk(restApi(stack, 'Orders'), FAR);
    const error = synth(app);
    expect(error?.message).toMatch(
      /The acknowledgement \(ticket SEC-7, "logging later"\) is refused: it expires on 9999-12-31, beyond the standard's cap of 90 days ahead \(acknowledgements.maxDaysAhead: latest allowed \d{4}-\d{2}-\d{2}\)/,
    );
    // CDK holds a live acknowledgement for it, so the plugin makes the violation unsuppressible.
    expect(ourReport(outdir)!.violations[0]).toMatchObject({ ruleName: EXEC, severity: 'fatal' });
  });

  test('passes synth on the same acknowledgement when the standard sets no cap', () => {
    quiet();
    const { app, stack } = newApp({ standard: standardWith([EXEC]) });
    acknowledgeRisk(restApi(stack, 'Orders'), FAR);
    expect(synth(app)).toBeUndefined();
  });

  test('passes synth on an acknowledgement within the cap', () => {
    quiet();
    const { app, stack } = newApp({ standard: standardWith([EXEC], { acknowledgements: { maxDaysAhead: 3660 } }) });
    const soon = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    acknowledgeRisk(restApi(stack, 'Orders'), { ...FAR, expires: soon });
    expect(synth(app)).toBeUndefined();
  });

  // Expiry and cap are judged against the same day: the context's, when it fixes one.
  const FIXED_DAY = { [NOW_CONTEXT_KEY]: '2020-01-01' };
  const capped = standardWith([EXEC], { acknowledgements: { maxDaysAhead: 90 } });

  test('fails synth on an expiry beyond the cap counted from the context today, although it is in the past of the clock', () => {
    quiet();
    const { app, stack } = newApp({ standard: capped }, FIXED_DAY);
    acknowledgeRisk(restApi(stack, 'Orders'), { ...FAR, expires: '2020-12-31' });
    expect(synth(app)?.message).toContain(
      "is refused: it expires on 2020-12-31, beyond the standard's cap of 90 days ahead (acknowledgements.maxDaysAhead: latest allowed 2020-03-31)",
    );
  });

  test('passes synth on an expiry within the cap counted from the context today', () => {
    quiet();
    const { app, stack } = newApp({ standard: capped }, FIXED_DAY);
    acknowledgeRisk(restApi(stack, 'Orders'), { ...FAR, expires: '2020-03-31' });
    expect(synth(app)).toBeUndefined();
  });
});

describe('acknowledgements.maxDaysAhead in the cdk-nag pack', () => {
  test('fails the stage on an expiry beyond the cap counted from the context today, as the plugin does', () => {
    const app = new App({ context: { [NOW_CONTEXT_KEY]: '2020-01-01' } });
    const stack = new Stack(app, 'Shop');
    const api = restApi(stack, 'Orders');
    acknowledgeRisk(api, { ...FAR, expires: '2020-12-31' });
    app.synth();
    const pack = new ApiGuardrailsChecks(app, {
      standard: standardWith([EXEC], { acknowledgements: { maxDaysAhead: 90 } }),
      rules: testRules,
    });
    const violation = pack.validateScope(app).violations.find((v) => v.ruleName === `ApiGuardrails-${EXEC}`);
    expect(violation?.description).toContain('latest allowed 2020-03-31');
  });
});
