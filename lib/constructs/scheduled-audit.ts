import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AUDIT_CALLS } from '../audit/iam-policy';
import type { Standard } from '../standard';
import { defaultStandard, loadStandard } from '../standard';
import { assetWithConfig } from './guardrails-hook-bundle';
import { acknowledgeNag, nagResource } from './guardrails-hook-nag';
import { AUDIT_CONFIG_FILE, type ScheduledAuditConfig } from './scheduled-audit-config';

export interface ScheduledAuditProps {
  /** The organisation's standard (file path or object), bundled at synth. @default - the shipped standard */
  readonly standard?: string | Standard;
  /** @default events.Schedule.rate(Duration.days(1)) */
  readonly schedule?: events.Schedule;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
  /** Directory holding a bundled handler's index.js instead of the one this package ships (tests). @default - the shipped bundle */
  readonly bundleDirectory?: string;
}

/**
 * Audit the API Gateway APIs deployed in this account and region on a schedule (EventBridge → Lambda), with
 * the read-only policy `api-guardrails iam-policy` prints plus `securityhub:BatchImportFindings` for this
 * account's default product, and send the findings to Security Hub (ASFF; fixed findings are archived).
 */
export class ScheduledAudit extends Construct {
  readonly function: lambda.Function;
  readonly rule: events.Rule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ScheduledAuditProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    const standard = props.standard === undefined ? defaultStandard() : loadStandard(props.standard);
    const config: ScheduledAuditConfig = { standard };
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'api-guardrails scheduled audit: read-only API Gateway audit, findings to Security Hub',
    });
    logGroup.grantWrite(this.role);
    const fill = (text: string): string =>
      text
        .replace(/\$\{Region\}/g, stack.region)
        .replace(/\$\{Account\}/g, stack.account)
        .replace(/\$\{Partition\}/g, stack.partition);
    const byAction = new Map<string, Set<string>>();
    for (const call of AUDIT_CALLS) {
      const resources = byAction.get(call.action) ?? new Set<string>();
      resources.add(fill(call.resource));
      byAction.set(call.action, resources);
    }
    for (const [action, resources] of byAction)
      this.role.addToPolicy(new iam.PolicyStatement({ actions: [action], resources: [...resources].sort() }));
    const wildcards = [...byAction.values()].flatMap((r) => [...r]).filter((r) => r.includes('*'));
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['securityhub:BatchImportFindings'],
        resources: [
          `arn:${stack.partition}:securityhub:${stack.region}:${stack.account}:product/${stack.account}/default`,
        ],
      }),
    );
    acknowledgeNag(
      this.role,
      wildcards.map((r) => `AwsSolutions-IAM5[Resource::${nagResource(this, r)}]`),
      'The audit reads every API Gateway API, stage, route, web ACL and access-log group of the region, read-only (the policy `api-guardrails iam-policy` prints): the wildcards stand for ids and names it cannot know in advance.',
    );
    this.function = new lambda.Function(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(assetWithConfig('scheduled-audit', AUDIT_CONFIG_FILE, config, props.bundleDirectory)),
      memorySize: 1024,
      timeout: Duration.minutes(10),
      role: this.role,
      logGroup,
      description: `api-guardrails scheduled audit to Security Hub (standard ${standard.name}${standard.version ? ` ${standard.version}` : ''})`,
    });
    this.rule = new events.Rule(this, 'Schedule', {
      schedule: props.schedule ?? events.Schedule.rate(Duration.days(1)),
      description: 'Runs the api-guardrails audit and sends its findings to Security Hub',
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 2 })],
    });
  }
}
