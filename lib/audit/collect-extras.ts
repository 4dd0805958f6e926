import { DescribeLogGroupsCommand, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  type GetUserPoolMfaConfigResponse,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  GetIPSetCommand,
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  type IPSet,
  type LoggingConfiguration,
  type WebACL,
} from '@aws-sdk/client-wafv2';
import { parseWebAclArn } from '../model/aws/arn';
import { failed, fetched, type Fetched, type WebAclSnapshot } from '../model/aws/snapshot';
import { ipSetArnsOf, parseIpSetArn } from '../model/aws/waf-ip-sets';
import { attempt, describeFailure } from './call';
import { one, type CollectContext } from './context';
import { allPages } from './paginate';

/** GetWebACL + GetLoggingConfiguration for one stage's web ACL ARN. */
export async function collectWebAcl(ctx: CollectContext, arn: string, region: string): Promise<WebAclSnapshot> {
  const ref = parseWebAclArn(arn);
  if (!ref) {
    const because = `web ACL ${arn} is not a WAFv2 web ACL ARN (AWS WAF Classic cannot be audited); migrate it to WAFv2`;
    return { acl: failed(because), logging: failed(because) };
  }
  if (ref.region !== region) {
    const because = `web ACL ${arn} is in ${ref.region}, outside the audited region ${region}`;
    return { acl: failed(because), logging: failed(because) };
  }
  const c = ctx.clients.wafv2;
  const [acl, logging] = await Promise.all([
    one(ctx, 'GetWebACL', async () => {
      const r = await c.send(new GetWebACLCommand({ Name: ref.name, Id: ref.id, Scope: ref.scope }));
      if (!r.WebACL) throw new Error('the response has no WebACL');
      return r.WebACL;
    }),
    loggingOf(ctx, arn),
  ]);
  return { acl, logging, ipSets: acl.ok ? await ipSetsOf(ctx, acl.value) : {} };
}

/** GetIPSet for every IP set the web ACL's rules reference (for the dual-stack rules). */
async function ipSetsOf(ctx: CollectContext, acl: WebACL): Promise<Record<string, Fetched<IPSet>>> {
  const arns = [...new Set((acl.Rules ?? []).flatMap((rule) => ipSetArnsOf(rule.Statement)))];
  const entries = await Promise.all(
    arns.map(async (arn) => {
      const ref = parseIpSetArn(arn);
      if (!ref) return [arn, failed(`${arn} is not a WAFv2 IP set ARN`)] as const;
      const read = await one(ctx, 'GetIPSet', async () => {
        const r = await ctx.clients.wafv2.send(new GetIPSetCommand({ Name: ref.name, Id: ref.id, Scope: ref.scope }));
        if (!r.IPSet) throw new Error('the response has no IPSet');
        return r.IPSet;
      });
      return [arn, read] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function loggingOf(ctx: CollectContext, arn: string): Promise<Fetched<LoggingConfiguration | undefined>> {
  try {
    const r = await ctx.limit(() => ctx.clients.wafv2.send(new GetLoggingConfigurationCommand({ ResourceArn: arn })));
    return fetched(r.LoggingConfiguration);
  } catch (error) {
    // WAF answers "no such item" when the web ACL has no logging configuration: that is a fact, not a failure.
    if ((error as { name?: string }).name === 'WAFNonexistentItemException') return fetched(undefined);
    return failed(describeFailure('GetLoggingConfiguration', error));
  }
}

/** The log group of exactly this name (DescribeLogGroups by prefix, paginated), or undefined when none. */
export async function collectLogGroup(ctx: CollectContext, name: string): Promise<Fetched<LogGroup | undefined>> {
  const c = ctx.clients.logs;
  return attempt('DescribeLogGroups', async () => {
    let found: LogGroup | undefined;
    await allPages<LogGroup>('DescribeLogGroups', async (nextToken) => {
      if (found) return {};
      const r = await ctx.limit(() => c.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, nextToken })));
      found = r.logGroups?.find((g) => g.logGroupName === name);
      return { items: [], next: found ? undefined : r.nextToken };
    });
    return found;
  });
}

/** DescribeUserPool for a pool an authorizer names; undefined when the pool does not exist. */
export async function collectUserPool(ctx: CollectContext, id: string): Promise<Fetched<UserPoolType | undefined>> {
  try {
    const r = await ctx.limit(() => ctx.clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: id })));
    return fetched(r.UserPool);
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return fetched(undefined);
    return failed(describeFailure('DescribeUserPool', error));
  }
}

/** GetUserPoolMfaConfig: the second factors of a pool (DescribeUserPool does not return them). */
export function collectUserPoolMfa(ctx: CollectContext, id: string): Promise<Fetched<GetUserPoolMfaConfigResponse>> {
  return one(ctx, 'GetUserPoolMfaConfig', async () => {
    const { $metadata: _metadata, ...config } = await ctx.clients.cognito.send(
      new GetUserPoolMfaConfigCommand({ UserPoolId: id }),
    );
    return config;
  });
}
