import { createHash } from 'node:crypto';
import type { Finding } from '../engine/finding';
import type { Severity } from '../engine/rule';
import type { Report } from './report';

/**
 * AWS Security Finding Format (ASFF) for Security Hub's BatchImportFindings: one finding per failing or
 * unknown (rule, resource) pair of an audit, with an id that stays the same from run to run so each run
 * updates the finding instead of adding one. Passing and acknowledged pairs are sent too, ARCHIVED and
 * Compliance PASSED, so a finding that was fixed is archived (Security Hub then sets its workflow to RESOLVED).
 */

export const ASFF_SCHEMA_VERSION = '2018-10-08';
/** BatchImportFindings takes at most this many findings per call. */
export const ASFF_BATCH_SIZE = 100;

export interface AsffFinding {
  readonly SchemaVersion: string;
  readonly Id: string;
  readonly ProductArn: string;
  readonly GeneratorId: string;
  readonly AwsAccountId: string;
  readonly Types: string[];
  readonly CreatedAt: string;
  readonly UpdatedAt: string;
  readonly Severity: { readonly Label: AsffSeverity };
  readonly Title: string;
  readonly Description: string;
  readonly Resources: { Type: string; Id: string; Partition: AwsPartition; Region: string }[];
  readonly Compliance: { readonly Status: 'PASSED' | 'WARNING' | 'FAILED' | 'NOT_AVAILABLE' };
  readonly RecordState: 'ACTIVE' | 'ARCHIVED';
  readonly Workflow: { readonly Status: 'NEW' | 'RESOLVED' | 'SUPPRESSED' };
  readonly Remediation: { readonly Recommendation: { readonly Text: string } };
  readonly ProductFields: Record<string, string>;
  readonly CompanyName: string;
  readonly ProductName: string;
  readonly FindingProviderFields: { readonly Severity: { readonly Label: AsffSeverity }; readonly Types: string[] };
}

export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

export type AsffSeverity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

const SEVERITY: Record<Severity, AsffSeverity> = { error: 'HIGH', warning: 'MEDIUM', info: 'INFORMATIONAL' };
const TYPES = ['Software and Configuration Checks/Industry and Regulatory Standards/API Security Standard'];

/** The audit's account and region could not be told: ASFF needs both. */
export class AsffError extends Error {
  constructor(
    readonly code: string,
    readonly what: string,
    readonly fix: string,
  ) {
    super(`${code}: ${what}. ${fix}`);
    this.name = 'AsffError';
  }
}

export interface AsffOptions {
  /** @default the account in the report's `aws:<account>:<region>` input */
  readonly accountId?: string;
  /** @default the region in the report's `aws:...` input */
  readonly region?: string;
  /** @default 'aws' */
  readonly partition?: AwsPartition;
  /** CreatedAt/UpdatedAt. @default now */
  readonly now?: Date;
}

/** Where an audit report came from: its `aws:<account>:<region>` input. */
export function auditedAccount(report: Report): { accountId?: string; region?: string } {
  for (const input of report.inputs) {
    const match = /^aws:(?:(\d{12}):)?([a-z0-9-]+)$/.exec(input.path);
    if (match) return { ...(match[1] ? { accountId: match[1] } : {}), region: match[2] };
  }
  return {};
}

/** The ASFF findings of an audit report, ready for BatchImportFindings (in batches of ASFF_BATCH_SIZE). */
export function toAsff(report: Report, options: AsffOptions = {}): AsffFinding[] {
  const audited = auditedAccount(report);
  const accountId = options.accountId ?? audited.accountId;
  const region = options.region ?? audited.region;
  if (!accountId || !/^\d{12}$/.test(accountId) || !region) {
    throw new AsffError(
      'E_ASFF_ACCOUNT',
      `ASFF findings need the audited AWS account and region (received account ${accountId ?? 'none'}, region ${region ?? 'none'})`,
      'Use `api-guardrails audit --format asff --account-id 123456789012`; templates (`check`) have no account to report',
    );
  }
  const partition = options.partition ?? 'aws';
  const now = (options.now ?? new Date()).toISOString();
  const productArn = `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
  const titles = new Map(report.rules.map((r) => [r.id, r.title]));
  const byId = new Map<string, { finding: Finding; messages: string[] }>();
  for (const finding of report.findings) {
    const id = findingId(finding, accountId, region);
    const entry = byId.get(id);
    if (entry) {
      if (rank(finding) < rank(entry.finding)) entry.finding = finding;
      entry.messages.push(finding.message);
    } else byId.set(id, { finding, messages: [finding.message] });
  }
  return [...byId].map(([id, { finding, messages }]) => {
    const open = finding.status === 'fail' || finding.status === 'unknown';
    const severity = open ? SEVERITY[finding.severity] : 'INFORMATIONAL';
    return {
      SchemaVersion: ASFF_SCHEMA_VERSION,
      Id: id,
      ProductArn: productArn,
      GeneratorId: `api-guardrails/${finding.ruleId}`,
      AwsAccountId: accountId,
      Types: TYPES,
      CreatedAt: now,
      UpdatedAt: now,
      Severity: { Label: severity },
      Title: cut(`${titles.get(finding.ruleId) ?? finding.title} (${finding.ruleId})`, 256),
      Description: cut(describe(finding, [...new Set(messages)]), 1024),
      Resources: [{ ...resourceOf(finding), Partition: partition, Region: region }],
      Compliance: {
        Status: finding.status === 'fail' ? 'FAILED' : finding.status === 'unknown' ? 'WARNING' : 'PASSED',
      },
      RecordState: open ? 'ACTIVE' : 'ARCHIVED',
      Workflow: { Status: finding.status === 'acknowledged' ? 'SUPPRESSED' : open ? 'NEW' : 'RESOLVED' },
      Remediation: { Recommendation: { Text: cut(finding.fix, 512) } },
      ProductFields: {
        'api-guardrails/ruleId': finding.ruleId,
        'api-guardrails/status': finding.status,
        'api-guardrails/tier': finding.tier,
        'api-guardrails/standard': [report.standard.name, report.standard.version].filter(Boolean).join(' '),
        ...(finding.acknowledgement
          ? { 'api-guardrails/acknowledgement': cut(finding.acknowledgement.reason, 256) }
          : {}),
      },
      CompanyName: 'cdk-api-guardrails',
      ProductName: 'api-guardrails',
      FindingProviderFields: { Severity: { Label: severity }, Types: TYPES },
    };
  });
}

/** `audit --format asff`: the findings as the JSON list `aws securityhub batch-import-findings --findings` takes. */
export function renderAsff(report: Report): string {
  return `${JSON.stringify(toAsff(report), null, 2)}\n`;
}

/** Same rule, same resource → same id, whatever the message says this run. */
export function findingId(finding: Finding, accountId: string, region: string): string {
  const resource = finding.resource.source.arn ?? finding.resource.label;
  const digest = createHash('sha256')
    .update(`${finding.ruleId}\u0000${resource}\u0000${finding.resource.label}`)
    .digest('hex');
  return `api-guardrails/${accountId}/${region}/${finding.ruleId}/${digest.slice(0, 32)}`;
}

/** fail < unknown < acknowledged < pass: what a merged finding reports. */
function rank(f: Finding): number {
  return { fail: 0, unknown: 1, acknowledged: 2, baselined: 2, pass: 3 }[f.status];
}

function describe(f: Finding, messages: string[]): string {
  const what =
    f.status === 'pass'
      ? 'Passes.'
      : f.status === 'acknowledged'
        ? `Acknowledged: ${f.acknowledgement?.reason ?? ''}.`
        : f.status === 'unknown'
          ? 'Could not be decided (counted as the standard says).'
          : 'Fails.';
  return `${f.resource.label}: ${what} ${messages.join(' ')}`;
}

/** ASFF resource type from the API Gateway ARN of the finding's resource. */
function resourceOf(f: Finding): { Type: string; Id: string } {
  const arn = f.resource.source.arn;
  if (!arn) return { Type: 'Other', Id: cut(f.resource.label, 512) };
  const v1 = /::\/restapis\/[^/]+(\/stages\/[^/]+)?$/.exec(arn);
  if (v1) return { Type: v1[1] ? 'AwsApiGatewayStage' : 'AwsApiGatewayRestApi', Id: arn };
  const v2 = /::\/apis\/[^/]+(\/stages\/[^/]+)?$/.exec(arn);
  if (v2) return { Type: v2[1] ? 'AwsApiGatewayV2Stage' : 'AwsApiGatewayV2Api', Id: arn };
  if (/:wafv2:/.test(arn)) return { Type: 'AwsWafv2WebAcl', Id: arn };
  return { Type: 'Other', Id: arn };
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
