import { defineRule } from '../../lib/engine/rule';
import type { PolicyStatement } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Condition keys that tie a PRIVATE API to the VPC endpoints or VPCs allowed to call it. */
  readonly networkConditionKeys: string[];
  /** A PRIVATE API must have a policy conditioned on one of `networkConditionKeys`. */
  readonly requirePrivateNetworkCondition: boolean;
  /** Condition keys that narrow who or where a caller is; an Allow for `*` needs one (or a Deny conditioned on one). */
  readonly narrowingConditionKeys: string[];
  /** Fail any Allow statement for every principal (`*`) that no narrowing condition limits. */
  readonly forbidOpenAllow: boolean;
}

type Verdict = true | false | 'unknown';

/** Whether a statement's Principal is everyone ('*', { AWS: '*' }, { AWS: ['*', ...] }). */
function isEveryone(principal: unknown): Verdict {
  if (principal === undefined) return false;
  if (isUnresolved(principal)) return 'unknown';
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  let sawUnknown = false;
  for (const value of Object.values(principal as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (isUnresolved(item)) sawUnknown = true;
      else if (item === '*') return true;
    }
  }
  return sawUnknown ? 'unknown' : false;
}

/** Lower-cased condition keys of a statement (operators flattened), or 'unknown'. */
function conditionKeys(condition: unknown): string[] | 'unknown' {
  if (condition === undefined) return [];
  if (isUnresolved(condition) || typeof condition !== 'object' || condition === null) return 'unknown';
  const keys: string[] = [];
  for (const block of Object.values(condition as Record<string, unknown>)) {
    if (isUnresolved(block) || typeof block !== 'object' || block === null) return 'unknown';
    keys.push(...Object.keys(block).map((k) => k.toLowerCase()));
  }
  return keys;
}

function effectOf(statement: PolicyStatement): string | 'unknown' {
  const effect = statement.Effect;
  return typeof effect === 'string' ? effect : 'unknown';
}

/** What the rule needs to know about one policy statement. */
interface StatementFacts {
  readonly effect: string | 'unknown';
  /** Whether the statement is conditioned on a network key (VPC endpoint, VPC). */
  readonly network: Verdict;
  readonly everyone: Verdict;
  /** Whether a narrowing condition (who or where) limits the statement. */
  readonly narrowed: Verdict;
  /** An Allow for everyone: 'open' when nothing narrows it, 'unknown' when that cannot be told. */
  readonly allow: 'open' | 'unknown' | 'none';
}

function statementFacts(statement: PolicyStatement, networkKeys: string[], narrowingKeys: string[]): StatementFacts {
  if (isUnresolved(statement))
    return { effect: 'unknown', network: 'unknown', everyone: 'unknown', narrowed: 'unknown', allow: 'unknown' };
  const effect = effectOf(statement);
  const keys = conditionKeys(statement.Condition);
  const network = keys === 'unknown' ? 'unknown' : keys.some((k) => networkKeys.includes(k));
  const everyone = isEveryone(statement.Principal);
  const narrowed = keys === 'unknown' ? 'unknown' : keys.some((k) => narrowingKeys.includes(k));
  let allow: StatementFacts['allow'] = 'none';
  if (everyone !== false && (effect === 'Allow' || effect === 'unknown')) {
    if (everyone === true && effect === 'Allow' && narrowed === false) allow = 'open';
    else if (narrowed !== true) allow = 'unknown';
  }
  return { effect, network, everyone, narrowed, allow };
}

/** Indexes of the statements whose Allow is `kind`. */
function indexesOf(facts: StatementFacts[], kind: 'open' | 'unknown'): number[] {
  return facts.flatMap((f, index) => (f.allow === kind ? [index] : []));
}

export default defineRule<'api', Options>({
  id: 'resource-policy',
  title: 'Resource policies restrict who may invoke the API',
  rationale:
    'A PRIVATE API is only private if its resource policy limits calls to the intended VPC endpoints or VPCs; otherwise any VPC ' +
    'endpoint in any account can reach it. An Allow for Principal "*" without a condition opens IAM-authorized methods to ' +
    'every AWS account.',
  fix: {
    cdk:
      'SecureRestApi generates the policy from `endpointType: EndpointType.PRIVATE` and `vpcEndpoints`; on a ' +
      'plain RestApi set `policy: new iam.PolicyDocument({ statements: [...] })` with an Allow for ' +
      'execute-api:Invoke and a Deny when `StringNotEquals: { "aws:SourceVpce": vpce.vpcEndpointId }`, and ' +
      'name principals or add conditions (aws:SourceVpce, aws:SourceVpc, aws:SourceIp, aws:PrincipalOrgID) to ' +
      'every Allow for "*".',
    cloudFormation: 'Policy on AWS::ApiGateway::RestApi.',
    sam:
      '`Auth.ResourcePolicy` (e.g. `IntrinsicVpceWhitelist`, `SourceVpcWhitelist`, `IpRangeWhitelist` or ' +
      '`CustomStatements`) on AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API5:2023', 'API8:2023'],
  controls: { nist80053: ['AC-3', 'AC-4', 'SC-7'], pciDss4: ['7.2.1', '1.3.1'] },
  references: {},
  appliesTo: { subject: 'api', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        networkConditionKeys: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          uniqueItems: true,
        },
        narrowingConditionKeys: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          uniqueItems: true,
        },
        requirePrivateNetworkCondition: { type: 'boolean' },
        forbidOpenAllow: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: {
      networkConditionKeys: ['aws:SourceVpce', 'aws:SourceVpc'],
      narrowingConditionKeys: [
        'aws:SourceVpce',
        'aws:SourceVpc',
        'aws:SourceIp',
        'aws:VpcSourceIp',
        'aws:PrincipalOrgID',
        'aws:PrincipalOrgPaths',
        'aws:PrincipalAccount',
        'aws:PrincipalArn',
        'aws:userid',
      ],
      requirePrivateNetworkCondition: true,
      forbidOpenAllow: true,
    },
  },
  check(api, ctx) {
    // An API declared elsewhere is checked where it is declared.
    if (api.external) return ctx.skip();
    const policy = api.policy === undefined ? undefined : ctx.need(api.policy, 'the resource policy');
    const statements = policy?.Statement ?? [];
    const networkKeys = ctx.options.networkConditionKeys.map((k) => k.toLowerCase());
    const narrowingKeys = ctx.options.narrowingConditionKeys.map((k) => k.toLowerCase());
    const facts = statements.map((statement) => statementFacts(statement, networkKeys, narrowingKeys));
    const networkConditioned = facts.some((f) => f.network === true);
    const networkUnknown = facts.some((f) => f.network === 'unknown');
    const denyNarrowsEveryone = facts.some((f) => f.effect === 'Deny' && f.everyone === true && f.narrowed === true);
    const openAllows = indexesOf(facts, 'open');
    const unknownAllows = indexesOf(facts, 'unknown');
    if (ctx.options.forbidOpenAllow && !denyNarrowsEveryone) {
      const list = (items: number[]): string =>
        `statement${items.length > 1 ? 's' : ''} ${items.map((i) => `#${i + 1}`).join(', ')}`;
      if (openAllows.length) {
        ctx.fail(
          `Resource policy ${list(openAllows)} allow${openAllows.length > 1 ? '' : 's'} Principal "*" without a condition on who or where ` +
            `(${ctx.options.narrowingConditionKeys.join(', ')}), and no such Deny narrows it.`,
          { location: 'Properties.Policy' },
        );
      } else if (unknownAllows.length) {
        ctx.unknown(
          `Cannot decide whether resource policy ${list(unknownAllows)} allow everyone: the effect, principal or condition is unresolved.`,
          {
            location: 'Properties.Policy',
          },
        );
      }
    }
    if (!ctx.options.requirePrivateNetworkCondition) return;
    const types = ctx.need(api.endpointTypes, 'the endpoint types');
    if (!types.some((t) => t.toUpperCase() === 'PRIVATE')) return;
    if (!policy) {
      ctx.fail('PRIVATE API has no resource policy limiting it to VPC endpoints or VPCs.', {
        location: 'Properties.Policy',
      });
    } else if (!networkConditioned) {
      const keys = ctx.options.networkConditionKeys.join(' or ');
      if (networkUnknown)
        ctx.unknown(
          `Cannot tell whether the PRIVATE API's resource policy is conditioned on ${keys}: a condition is unresolved.`,
        );
      else
        ctx.fail(`PRIVATE API's resource policy has no condition on ${keys}, so any VPC endpoint can reach it.`, {
          location: 'Properties.Policy',
        });
    }
  },
});
