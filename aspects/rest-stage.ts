import { Aws, Stack, Token } from 'aws-cdk-lib';
import type { CfnStage } from 'aws-cdk-lib/aws-apigateway';
import { CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { extendedAccessLogFormat } from '../lib/defaults/access-log-format';
import { aspectLogGroup, requireAccountRole } from './logging';
import { recordRemediation } from './remediation';
import type { ResolvedStageStandard } from './settings';
import { capLimit } from './settings';
import { logicalIdOf, refTarget, stackIndex } from './stack-index';

type MethodSetting = CfnStage.MethodSettingProperty;

const STAGE_WIDE = (s: MethodSetting): boolean => s.resourcePath === '/*' && s.httpMethod === '*';

/** Bring one REST stage up to the standard. Never weakens a stricter setting; records every change. */
export function remediateRestStage(
  stage: CfnStage,
  standard: ResolvedStageStandard,
  webAclArn: string | undefined,
): void {
  remediateMethodSettings(stage, standard);
  requireAccountRole(stage, standard);
  if (stage.tracingEnabled !== true && !Token.isUnresolved(stage.tracingEnabled)) {
    stage.tracingEnabled = true;
    recordRemediation(stage, 'X-Ray tracing turned on');
  }
  if (stage.accessLogSetting === undefined) {
    const group = aspectLogGroup(stage, standard);
    stage.accessLogSetting = { destinationArn: group.logGroupArn, format: extendedAccessLogFormat('rest') };
    recordRemediation(stage, 'JSON access logs sent to a new log group with finite retention');
  }
  if (webAclArn) associateWebAcl(stage, webAclArn);
}

function remediateMethodSettings(stage: CfnStage, standard: ResolvedStageStandard): void {
  if (Token.isUnresolved(stage.methodSettings)) return; // cannot read it: leave it to the rules (unknown)
  const settings = [...((stage.methodSettings as MethodSetting[] | undefined) ?? [])];
  let index = settings.findIndex((s) => !Token.isUnresolved(s) && STAGE_WIDE(s));
  if (index < 0) {
    settings.unshift({ resourcePath: '/*', httpMethod: '*' });
    index = 0;
  }
  const current = { ...settings[index] };
  const changes: string[] = [];
  if (current.loggingLevel !== 'ERROR' && current.loggingLevel !== 'INFO') {
    current.loggingLevel = 'ERROR';
    changes.push('execution logging set to ERROR');
  }
  if (current.dataTraceEnabled !== false) {
    current.dataTraceEnabled = false;
    changes.push('data trace turned off');
  }
  const rate = capLimit(current.throttlingRateLimit, standard.throttleRateLimit);
  const burst = capLimit(current.throttlingBurstLimit, standard.throttleBurstLimit);
  if (rate.changed) changes.push(`throttling rate limit set to ${rate.value}`);
  if (burst.changed) changes.push(`throttling burst limit set to ${burst.value}`);
  current.throttlingRateLimit = rate.value;
  current.throttlingBurstLimit = burst.value;
  if (current.cachingEnabled === true && current.cacheDataEncrypted !== true) {
    current.cacheDataEncrypted = true;
    changes.push('cache data encryption turned on');
  }
  settings[index] = current;
  for (let i = 0; i < settings.length; i++) {
    const override = settings[i];
    if (i === index || Token.isUnresolved(override)) continue;
    settings[i] = capOverride(override, standard, changes);
  }
  if (changes.length === 0) return;
  stage.methodSettings = settings;
  for (const change of changes) recordRemediation(stage, change);
}

/** Per-method overrides may not loosen what the stage-wide entry now enforces. */
function capOverride(override: MethodSetting, standard: ResolvedStageStandard, changes: string[]): MethodSetting {
  const where = `${override.httpMethod} ${override.resourcePath}`;
  const next = { ...override };
  if (next.dataTraceEnabled === true) {
    next.dataTraceEnabled = false;
    changes.push(`data trace turned off for ${where}`);
  }
  if (next.loggingLevel === 'OFF') {
    next.loggingLevel = 'ERROR';
    changes.push(`execution logging set to ERROR for ${where}`);
  }
  for (const [key, bound] of [
    ['throttlingRateLimit', standard.throttleRateLimit],
    ['throttlingBurstLimit', standard.throttleBurstLimit],
  ] as const) {
    if (typeof next[key] === 'number' && (next[key] as number) > bound) {
      next[key] = bound;
      changes.push(
        `${key === 'throttlingRateLimit' ? 'throttling rate' : 'throttling burst'} limit lowered to ${bound} for ${where}`,
      );
    }
  }
  return next;
}

/** Associate the web ACL with the stage unless some association already covers it; true when added. */
function associateWebAcl(stage: CfnStage, webAclArn: string): void {
  const stack = Stack.of(stage);
  const index = stackIndex(stage);
  const stageId = logicalIdOf(stage);
  const apiId = refTarget(stack, stage.restApiId);
  // Any association that mentions this stage or its API may already cover it: a second one would fail
  // at deployment (one web ACL per resource), so leave that stage to the stage-waf rule.
  if (index.associatedRefs.has(stageId) || (apiId && index.associatedRefs.has(apiId))) return;
  const association = new CfnWebACLAssociation(stage.node.scope as Construct, 'GuardrailsWebAcl', {
    resourceArn: `arn:${Aws.PARTITION}:apigateway:${stack.region}::/restapis/${stage.restApiId}/stages/${stage.ref}`,
    webAclArn,
  });
  association.addResourceDependency(stage, 'the association targets the stage ARN');
  index.associatedRefs.add(stageId);
  recordRemediation(stage, 'associated with the organisation web ACL');
}
