import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { acknowledgeRisk, RiskAcceptanceError } from '../../lib/adapters/acknowledge-risk';
import { ApiGuardrails, type ApiGuardrailsProps } from '../../lib/adapters/cdk-plugin';
import { PluginOptionError } from '../../lib/adapters/plugin-options';
import { HttpApiAuthorization, RestApiAuthorization, SecureHttpApi, SecureRestApi } from '../../lib/constructs';
import { OWNERSHIP, newStack } from './fixtures';
import { constructError } from './helpers';

/** JavaScript callers (and casts) reach these paths: the type checker cannot stop the typo. */
const TODAY = new Date('2026-11-25T12:00:00Z');
const acceptance = { reason: 'fronted by CloudFront', ticket: 'SEC-1', expires: '2026-12-31' };

function plainApi(): apigw.RestApi {
  const stack = new Stack(new App(), 'S');
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration());
  return api;
}

describe('acknowledgeRisk rule ids', () => {
  it('fails with E_ACK_RULE_UNKNOWN naming the nearest shipped rule for a typo', () => {
    const api = plainApi();
    let error: unknown;
    try {
      acknowledgeRisk(api, { ruleId: 'stage-wafs', ...acceptance }, TODAY);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RiskAcceptanceError);
    expect((error as RiskAcceptanceError).code).toBe('E_ACK_RULE_UNKNOWN');
    expect((error as Error).message).toContain('"stage-wafs"');
    expect((error as RiskAcceptanceError).fix).toContain("ruleId: 'stage-waf'");
    expect((error as RiskAcceptanceError).received).toBe('stage-wafs');
    expect(api.node.metadata).toEqual([]);
  });

  it('fails for an id that is near no shipped rule, and says how to acknowledge a custom rule', () => {
    expect(() => acknowledgeRisk(plainApi(), { ruleId: 'zz-unrelated-id', ...acceptance }, TODAY)).toThrow(
      /E_ACK_RULE_UNKNOWN.*customRule: true/,
    );
  });

  it('accepts a shipped rule id, and a custom rule id when customRule is set', () => {
    expect(acknowledgeRisk(plainApi(), { ruleId: 'stage-waf', ...acceptance }, TODAY).expired).toBe(false);
    const custom = acknowledgeRisk(plainApi(), { ruleId: 'acme-owner-email', customRule: true, ...acceptance }, TODAY);
    expect(custom.ruleId).toBe('acme-owner-email');
  });
});

describe('relax keys', () => {
  it('fails with E_UNKNOWN_PROP on a mistyped SecureRestApi relaxation, naming the nearest key', () => {
    const stack = newStack();
    const error = constructError(
      () =>
        new SecureRestApi(stack, 'Api', {
          ...OWNERSHIP,
          authorization: RestApiAuthorization.iam(),
          relax: { noWafs: { reason: 'fronted by CloudFront' } } as never,
        }),
    );
    expect(error.code).toBe('E_UNKNOWN_PROP');
    expect(error.received).toBe('"noWafs"');
    expect(error.fix).toContain('relax.noWaf');
  });

  it('fails on a relaxation another construct has but this one does not (tracingOff on an HTTP API)', () => {
    const stack = newStack();
    const error = constructError(
      () =>
        new SecureHttpApi(stack, 'Api', {
          ...OWNERSHIP,
          authorization: HttpApiAuthorization.iam(),
          relax: { tracingOff: { reason: 'no X-Ray on HTTP APIs' } } as never,
        }),
    );
    expect(error.code).toBe('E_UNKNOWN_PROP');
    expect(error.fix).toContain('Valid keys: accessLoggingOff, throttlingOff, noWaf');
  });

  it('accepts the declared relaxations', () => {
    const stack = newStack();
    const api = new SecureHttpApi(stack, 'Api', {
      ...OWNERSHIP,
      authorization: HttpApiAuthorization.iam(),
      relax: { noWaf: { reason: 'fronted by CloudFront with the org web ACL' } },
    });
    expect(api.stage.stageName).toBe('$default');
  });
});

describe('ApiGuardrails failOn', () => {
  it.each([
    ['warn', "failOn: 'warning'"],
    ['ERROR', "failOn: 'error'"],
    ['always', "'error' (the default)"],
  ])('fails with E_FAIL_ON_INVALID for %p and says %s', (value, fix) => {
    let error: unknown;
    try {
      new ApiGuardrails({ failOn: value } as unknown as ApiGuardrailsProps);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PluginOptionError);
    expect((error as PluginOptionError).code).toBe('E_FAIL_ON_INVALID');
    expect((error as Error).message).toContain(JSON.stringify(value));
    expect((error as PluginOptionError).fix).toContain(fix);
    expect((error as PluginOptionError).received).toEqual(value);
  });

  it.each(['error', 'warning', 'never'] as const)('accepts %s', (failOn) => {
    expect(new ApiGuardrails({ failOn, summary: false }).name).toBe('ApiGuardrails');
  });
});
