import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { AwsClientOptions } from '../audit/clients';
import { evaluateAudit } from '../audit/evaluate-audit';
import { fromAws } from '../audit/from-aws';
import { ResolvedStandard } from '../standard';
import { ASFF_BATCH_SIZE, toAsff, type AwsPartition } from '../reporters/asff';
import { buildReport } from '../reporters/report';
import { allRules } from '../../policies/rules';
import { AUDIT_CONFIG_FILE, type ScheduledAuditConfig } from './scheduled-audit-config';

export interface ScheduledAuditOptions extends AwsClientOptions {
  readonly standard: ResolvedStandard;
  /** The audited account (the function's own). */
  readonly accountId: string;
  readonly region: string;
  /** @default 'aws' */
  readonly partition?: AwsPartition;
  readonly now?: Date;
  /** Security Hub endpoint override (tests). @default `endpoint`, else the SDK's */
  readonly securityHubEndpoint?: string;
}

export interface ScheduledAuditResult {
  readonly apis: number;
  /** Findings sent: open ones ACTIVE, fixed and acknowledged ones ARCHIVED. */
  readonly sent: number;
  readonly active: number;
  readonly archived: number;
  readonly failedToImport: { readonly id: string; readonly error: string }[];
}

/**
 * One scheduled audit: read the deployed API Gateway configuration of the function's own account and
 * region (read-only), evaluate it with the bundled standard and send every (rule, resource) result to
 * Security Hub as ASFF, in batches of 100. Findings Security Hub rejects are reported, and fail the run.
 */
export async function runScheduledAudit(options: ScheduledAuditOptions): Promise<ScheduledAuditResult> {
  const aws = {
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.retryBaseDelayMs ? { retryBaseDelayMs: options.retryBaseDelayMs } : {}),
  };
  const inventory = await fromAws({ ...aws, progress: false });
  const evaluation = evaluateAudit(inventory, { standard: options.standard });
  const report = buildReport({
    evaluation,
    standard: options.standard,
    inputs: [{ path: `aws:${options.accountId}:${options.region}` }],
  });
  const findings = toAsff(report, { partition: options.partition, now: options.now });
  const client = new SecurityHubClient({
    region: options.region,
    ...(options.securityHubEndpoint || options.endpoint
      ? { endpoint: options.securityHubEndpoint ?? options.endpoint }
      : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
  const failedToImport: { id: string; error: string }[] = [];
  try {
    for (let i = 0; i < findings.length; i += ASFF_BATCH_SIZE) {
      const batch = findings.slice(i, i + ASFF_BATCH_SIZE);
      const out = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
      for (const failed of out.FailedFindings ?? [])
        failedToImport.push({
          id: failed.Id ?? '',
          error: `${failed.ErrorCode ?? ''} ${failed.ErrorMessage ?? ''}`.trim(),
        });
    }
  } finally {
    client.destroy();
  }
  const active = findings.filter((f) => f.RecordState === 'ACTIVE').length;
  return {
    apis: inventory.apis.length,
    sent: findings.length,
    active,
    archived: findings.length - active,
    failedToImport,
  };
}

/** The Lambda entry point (bundled as dist/lambda/scheduled-audit/index.js); EventBridge Scheduler invokes it. */
export async function handler(
  _event: unknown,
  context: { readonly invokedFunctionArn: string },
): Promise<ScheduledAuditResult> {
  const [, partition, , region, accountId] = context.invokedFunctionArn.split(':');
  const file = join(__dirname, AUDIT_CONFIG_FILE);
  const config: ScheduledAuditConfig = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as ScheduledAuditConfig)
    : {};
  if (!config.standard) {
    throw new Error(
      `E_AUDIT_CONFIG: ${file} is missing or holds no standard. Deploy the function with the ScheduledAudit construct, which writes it at synth.`,
    );
  }
  const result = await runScheduledAudit({
    standard: new ResolvedStandard(config.standard, allRules),
    accountId,
    region: process.env.AWS_REGION ?? region,
    partition: partition as AwsPartition,
  });
  process.stdout.write(`${JSON.stringify({ apiGuardrailsAudit: result })}\n`);
  if (result.failedToImport.length > 0) {
    throw new Error(
      `E_SECURITY_HUB_IMPORT: Security Hub rejected ${result.failedToImport.length} of ${result.sent} findings (first: ${result.failedToImport[0].id}: ${result.failedToImport[0].error}). Check that Security Hub is enabled in this account and region.`,
    );
  }
  return result;
}
