import type { CfnResource } from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { accessLogGroup } from '../lib/constructs/access-logs';
import { ApiGatewayAccountLogging } from '../lib/constructs/account-logging';
import { recordRemediation } from './remediation';
import type { ResolvedStageStandard } from './settings';
import { stackIndex } from './stack-index';

/**
 * The access-log group the aspect creates for a stage: the tier's retention and, where the tier requires
 * it, a customer-managed KMS key (the secure constructs' own log-group factory, so both meet the same rules).
 */
export function aspectLogGroup(stage: CfnResource, standard: ResolvedStageStandard): ILogGroup {
  return accessLogGroup(
    stage.node.scope as Construct,
    'GuardrailsAccessLogs',
    { retention: standard.accessLogRetention, encryptionKey: standard.accessLogEncryptionKey },
    standard.tier,
  );
}

/**
 * Execution logs are written with the account-level CloudWatch role: when the stack sets none, create the
 * shared one (ApiGatewayAccountLogging) and make the stage deploy after it, unless told the role is
 * managed elsewhere.
 */
export function requireAccountRole(stage: CfnResource, standard: ResolvedStageStandard): void {
  if (!standard.accountCloudWatchRole || stackIndex(stage).hasAccount) return;
  const created = !Stack.of(stage).node.tryFindChild(ACCOUNT_LOGGING_ID);
  ApiGatewayAccountLogging.of(stage).bindStage(stage);
  if (created)
    recordRemediation(stage, 'account CloudWatch role for execution logs created (ApiGatewayAccountLogging)');
}

/** The id ApiGatewayAccountLogging.of gives its singleton in a stack. */
const ACCOUNT_LOGGING_ID = 'ApiGuardrailsAccountLogging';
