import type { Command } from 'commander';
import { auditIamPolicy, IamPolicyOptionError } from '../../audit/iam-policy';
import { CliError } from '../errors';
import type { CliIo, SetExit } from '../io';

interface IamPolicyCliOptions {
  readonly region?: string;
  readonly account?: string;
  readonly partition?: string;
}

/** `api-guardrails iam-policy`: print the least-privilege read-only IAM policy `audit` needs. */
export function register(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command('iam-policy')
    .description('print the least-privilege, read-only IAM policy JSON that `audit` needs')
    .option('-r, --region <region>', 'limit the policy to one region (default: all)')
    .option('--account <id>', 'limit the WAF and Logs resources to one account id (default: all)')
    .option('--partition <partition>', 'ARN partition', 'aws')
    .action((options: IamPolicyCliOptions) => {
      try {
        const policy = auditIamPolicy({
          region: options.region,
          accountId: options.account,
          partition: options.partition,
        });
        io.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
        setExit(0);
      } catch (error) {
        if (error instanceof IamPolicyOptionError) throw new CliError(error.code, error.what, error.fix);
        throw error;
      }
    });
}
