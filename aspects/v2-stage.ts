import { Stack, Token } from 'aws-cdk-lib';
import type { CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { extendedAccessLogFormat } from '../lib/defaults/access-log-format';
import { aspectLogGroup, requireAccountRole } from './logging';
import { recordRemediation } from './remediation';
import type { ResolvedStageStandard } from './settings';
import { capLimit } from './settings';
import { refTarget, stackIndex } from './stack-index';

/** Bring one HTTP or WebSocket stage up to the standard. Never weakens a stricter setting. */
export function remediateV2Stage(stage: CfnStage, standard: ResolvedStageStandard): void {
  const apiLogicalId = refTarget(Stack.of(stage), stage.apiId);
  const protocol = apiLogicalId ? stackIndex(stage).v2Protocols.get(apiLogicalId) : undefined;
  if (protocol === undefined) return; // imported or unresolvable API: the rules will say unknown
  const websocket = protocol === 'WEBSOCKET';
  const changes: string[] = [];

  if (!Token.isUnresolved(stage.defaultRouteSettings)) {
    const current = { ...((stage.defaultRouteSettings as CfnStage.RouteSettingsProperty | undefined) ?? {}) };
    const rate = capLimit(current.throttlingRateLimit, standard.throttleRateLimit);
    const burst = capLimit(current.throttlingBurstLimit, standard.throttleBurstLimit);
    if (rate.changed) changes.push(`throttling rate limit set to ${rate.value}`);
    if (burst.changed) changes.push(`throttling burst limit set to ${burst.value}`);
    current.throttlingRateLimit = rate.value;
    current.throttlingBurstLimit = burst.value;
    if (websocket) {
      // Execution logs and data trace exist for WebSocket APIs only.
      if (current.loggingLevel !== 'ERROR' && current.loggingLevel !== 'INFO') {
        current.loggingLevel = 'ERROR';
        changes.push('execution logging set to ERROR');
      }
      if (current.dataTraceEnabled === true) {
        current.dataTraceEnabled = false;
        changes.push('data trace turned off');
      }
    }
    if (changes.length) stage.defaultRouteSettings = current;
  }

  if (stage.accessLogSettings === undefined) {
    const group = aspectLogGroup(stage, standard);
    stage.accessLogSettings = {
      destinationArn: group.logGroupArn,
      format: extendedAccessLogFormat(websocket ? 'websocket' : 'http'),
    };
    changes.push('JSON access logs sent to a new log group with finite retention');
  }
  // WebSocket execution logs (and REST/WebSocket access logs) are written with the account CloudWatch role.
  if (websocket) requireAccountRole(stage, standard);
  for (const change of changes) recordRemediation(stage, change);
}
