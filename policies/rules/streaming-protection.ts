import { defineRule, type RuleContext } from '../../lib/engine/rule';
import { stageScopes } from '../../lib/model/stage-scopes';
import type { Operation, Stage } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Every stage that serves a streaming integration has a web ACL. @default true */
  readonly requireWaf: boolean;
  /** Every stage that serves a streaming integration throttles it (rate and burst). @default true */
  readonly requireThrottling: boolean;
}

/** Whether the operation's integration streams its response; stops with `unknown` when that is unresolved. */
export function isStreaming(op: Operation, ctx: RuleContext<unknown>): boolean {
  const mode = op.integration?.responseTransferMode;
  if (mode === undefined) return false;
  return ctx.need(mode, 'the integration response transfer mode').toUpperCase() === 'STREAM';
}

/** The throttling in effect for the operation on the stage: its method override, else the stage default. */
function throttleFor(stage: Stage, op: Operation): Stage['settings']['throttle'] {
  const [defaults, ...overrides] = stageScopes(stage);
  const match = overrides.find((o) => o.override.path === op.path && ['*', op.method].includes(o.override.method));
  return (match ?? defaults).effective.throttle;
}

export default defineRule<'operation', Options>({
  id: 'streaming-protection',
  title: 'Streaming integrations keep WAF and throttling on every stage that serves them',
  rationale:
    'A streaming response (ResponseTransferMode STREAM) holds a connection open for up to 15 minutes and is exempt from ' +
    'the 10 MB payload limit, so one unthrottled or uninspected caller can tie up the backend far longer than with a ' +
    'buffered response (OWASP API4: unrestricted resource consumption). WAF rate rules and stage throttling are the ' +
    'controls that still apply in front of it.',
  fix: {
    cdk:
      'Associate a web ACL with the stage (`new wafv2.CfnWebACLAssociation(..., { resourceArn: api.deploymentStage.stageArn })`) ' +
      'and set `deployOptions: { throttlingRateLimit, throttlingBurstLimit }` (or a `methodOptions` entry for the streaming method).',
    cloudFormation:
      'An AWS::WAFv2::WebACLAssociation for each stage, and MethodSettings ThrottlingRateLimit and ThrottlingBurstLimit ' +
      'on the stage (`/*` `*` or the streaming method).',
    sam: 'AWS::Serverless::Api `MethodSettings` with ThrottlingRateLimit/ThrottlingBurstLimit, and an AWS::WAFv2::WebACLAssociation for the stage.',
  },
  severity: 'error',
  owasp: ['API4:2023'],
  controls: { nist80053: ['SC-5', 'SC-7', 'SI-4'], pciDss4: ['6.4.2'] },
  // Response streaming is from November 2025: no peer scanner checks it yet.
  references: {},
  appliesTo: { subject: 'operation', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: { requireWaf: { type: 'boolean' }, requireThrottling: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { requireWaf: true, requireThrottling: true },
  },
  check(op, ctx) {
    if (!isStreaming(op, ctx)) return ctx.skip();
    const stages = ctx.api?.stages ?? [];
    for (const stage of stages) {
      const name = isUnresolved(stage.name) ? '(unresolved name)' : stage.name;
      if (ctx.options.requireWaf) {
        if (!stage.waf) {
          ctx.fail(`Stage ${name} serves this streaming integration without an AWS WAF web ACL.`, {
            source: stage.source,
          });
        } else if (isUnresolved(stage.waf.webAcl)) {
          ctx.unknown(`Stage ${name} may have a web ACL, but it is unresolved (${stage.waf.webAcl.because}).`, {
            source: stage.waf.source,
          });
        }
      }
      if (ctx.options.requireThrottling) {
        const throttle = throttleFor(stage, op);
        for (const [limit, label] of [
          ['rateLimit', 'rate limit'],
          ['burstLimit', 'burst limit'],
        ] as const) {
          const value = throttle[limit];
          if (value === undefined || (!isUnresolved(value) && value < 0)) {
            ctx.fail(
              `Stage ${name} sets no throttling ${label} for this streaming integration (only the account-level limit applies).`,
              { source: stage.source, location: 'Properties.MethodSettings' },
            );
          } else if (isUnresolved(value)) {
            ctx.unknown(`Stage ${name} throttling ${label} is unresolved (${value.because}).`, {
              source: stage.source,
            });
          }
        }
      }
    }
  },
});
