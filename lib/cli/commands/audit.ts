import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { compareWithIntent } from '../../audit/compare';
import { evaluateAudit } from '../../audit/evaluate-audit';
import { fromTemplates } from '../../model/template';
import type { Inventory } from '../../model/types';
import { AUDIT_FORMATS } from '../../reporters/index';
import { buildReport } from '../../reporters/report';
import { discoverTemplates } from '../discover';
import { CliError, errorLine, EXIT } from '../errors';
import type { CliIo, SetExit } from '../io';
import { readTemplates } from '../read-templates';
import { addReportOptions, emitReport, standardFor, type ReportCliOptions } from '../report-options';

export interface AuditCliOptions extends ReportCliOptions {
  readonly region?: string;
  readonly profile?: string;
  readonly apiId?: string[];
  readonly compare?: string;
  readonly concurrency: number;
  /** Account the findings are about (asff/ocsf), when the audit cannot read it from an ARN. */
  readonly accountId?: string;
  /** Hidden: endpoint override for every service (loopback tests). */
  readonly endpoint?: string;
}

/**
 * `api-guardrails audit`: read what is deployed in one region (read-only SDK calls, default credential
 * chain), evaluate it with the same rules, and optionally report drift from a cdk.out.
 */
export function register(program: Command, io: CliIo, setExit: SetExit): void {
  const command = program
    .command('audit')
    .description(
      'audit the API Gateway APIs deployed in one region (read-only) against the standard, optionally for drift from cdk.out',
    )
    .option('-r, --region <region>', 'region to audit (default: AWS_REGION / the profile)')
    .option('-p, --profile <profile>', 'shared-config profile for the SDK credential chain (default: AWS_PROFILE)')
    .option('--api-id <ids...>', 'audit only these API ids (REST, HTTP or WebSocket)')
    .option(
      '--compare <cdk.out>',
      'report what the synthesized app (cdk.out or templates) has that the deployed APIs lack',
    )
    .addOption(new Option('--concurrency <n>', 'AWS requests in flight at once').default(8).argParser(positiveInt))
    .option(
      '--account-id <id>',
      'the audited account, for --format asff/ocsf (default: read from the ARNs the audit sees)',
    )
    .addOption(new Option('--endpoint <url>', 'endpoint override for every service (testing)').hideHelp());
  addReportOptions(command, AUDIT_FORMATS).action(async (options: AuditCliOptions) => {
    setExit(await runAudit(options, io));
  });
}

export async function runAudit(options: AuditCliOptions, io: CliIo): Promise<number> {
  const standard = standardFor(options, io);
  // Read the intent first: a bad --compare path should fail before any AWS call.
  const intent = options.compare === undefined ? undefined : readIntent(options.compare, io);
  const stderr = io.stderr as { isTTY?: boolean; write(chunk: string): unknown };
  // Loading the AWS SDK is slow: only the audit pays for it, not every CLI start.
  const { fromAws } = await import('../../audit/from-aws');
  const { AuditConfigError } = await import('../../audit/collect');
  let inventory;
  try {
    inventory = await fromAws({
      ...(options.region ? { region: options.region } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.apiId ? { apiIds: options.apiId } : {}),
      concurrency: options.concurrency,
      progress: { isTTY: stderr.isTTY === true, write: (chunk) => stderr.write(chunk) },
    });
  } catch (error) {
    if (error instanceof AuditConfigError) throw new CliError(error.code, error.what, error.fix);
    throw error;
  }
  const evaluation = evaluateAudit(inventory, { standard });
  const drift = intent ? compareWithIntent(intent, inventory, { standard }) : [];
  const report = buildReport({
    evaluation: { ...evaluation, findings: [...evaluation.findings, ...drift] },
    standard,
    failOn: options.failOn,
    inputs: [
      ...inventory.origins.map((path) => ({ path: withAccount(path, options.accountId) })),
      ...(options.compare ? [{ path: options.compare }] : []),
    ],
  });
  const code = emitReport(report, options, io);
  const unread = readNothing(inventory);
  if (unread === undefined) return code;
  // Nothing was audited: no --fail-on setting may turn that into a pass.
  io.stderr.write(
    `${errorLine(new CliError('E_AUDIT_READ_NOTHING', `the audit could read no API: ${unread}`, 'Fix the cause above (permissions, --api-id or --region) and audit again'))}\n`,
  );
  return EXIT.usage;
}

/** Why no API could be read (a listing failed, or none of the --api-id exists), or undefined when some were. */
function readNothing(inventory: Inventory): string | undefined {
  if (inventory.apis.length > 0) return undefined;
  const errors = inventory.notices.filter((n) => n.level === 'error').map((n) => n.message);
  return errors.length > 0 ? errors.join('; ') : undefined;
}

function readIntent(path: string, io: CliIo): ReturnType<typeof fromTemplates> {
  const { inputs } = readTemplates(discoverTemplates([path], io.cwd), io);
  if (inputs.length === 0) {
    throw new CliError(
      'E_COMPARE_EMPTY',
      `--compare "${path}" holds no CloudFormation template`,
      'Run `cdk synth` first, or pass the cdk.out directory or a template file',
    );
  }
  return fromTemplates(inputs);
}

/** `aws:<region>` → `aws:<account>:<region>` when --account-id names the account the audit could not read. */
function withAccount(origin: string, accountId: string | undefined): string {
  if (accountId === undefined) return origin;
  if (!/^\d{12}$/.test(accountId))
    throw new CliError(
      'E_ACCOUNT_ID',
      `--account-id "${accountId}" is not a 12-digit AWS account id`,
      'Pass e.g. --account-id 123456789012',
    );
  return origin.replace(/^aws:(?:\d{12}:)?/, `aws:${accountId}:`);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new InvalidArgumentError(`expected a whole number from 1 to 64, received "${value}"`);
  return n;
}
