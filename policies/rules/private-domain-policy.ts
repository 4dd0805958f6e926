import { defineRule } from '../../lib/engine/rule';
import type { PolicyStatement } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Condition keys that tie a private custom domain to the VPC endpoints or VPCs allowed to invoke it. */
  readonly networkConditionKeys: string[];
}

/** Whether a statement is conditioned on one of the network keys; 'unknown' when its condition is unresolved. */
function networkConditioned(statement: PolicyStatement, keys: string[]): boolean | 'unknown' {
  const condition = statement.Condition;
  if (condition === undefined) return false;
  if (isUnresolved(condition) || typeof condition !== 'object' || condition === null) return 'unknown';
  let unknown = false;
  for (const block of Object.values(condition as Record<string, unknown>)) {
    if (isUnresolved(block) || typeof block !== 'object' || block === null) unknown = true;
    else if (Object.keys(block).some((k) => keys.includes(k.toLowerCase()))) return true;
  }
  return unknown ? 'unknown' : false;
}

export default defineRule<'domain', Options>({
  id: 'private-domain-policy',
  title: 'Private custom domains limit invocation to VPC endpoints or VPCs',
  rationale:
    'A private custom domain (DomainNameV2) is reached through VPC endpoints; its policy decides which ones. An Allow that ' +
    'no aws:SourceVpce or aws:SourceVpc condition narrows (and no Deny conditioned on them) lets any VPC endpoint with an ' +
    'access association, in any account, invoke every API mapped to the domain.',
  fix: {
    cdk:
      '`new apigw.CfnDomainNameV2(this, "Domain", { ..., policy: { Statement: [{ Effect: "Allow", Principal: "*", ' +
      'Action: "execute-api:Invoke", Resource: "execute-api:/*", Condition: { StringEquals: { "aws:SourceVpce": vpce.vpcEndpointId } } }] } })`.',
    cloudFormation:
      'Policy on AWS::ApiGateway::DomainNameV2 whose Allow statements carry a StringEquals aws:SourceVpce (or aws:SourceVpc) ' +
      'condition, or a Deny with StringNotEquals on them.',
    sam: '`Domain.Policy` on an AWS::Serverless::Api whose `Domain.EndpointConfiguration` is PRIVATE.',
  },
  severity: 'error',
  owasp: ['API5:2023', 'API8:2023'],
  controls: { nist80053: ['AC-3', 'AC-4', 'SC-7'], pciDss4: ['1.3.1', '7.2.1'] },
  references: {},
  appliesTo: { subject: 'domain', apiKinds: ['rest'] },
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
      },
      additionalProperties: false,
    },
    defaults: { networkConditionKeys: ['aws:SourceVpce', 'aws:SourceVpc'] },
  },
  check(domain, ctx) {
    const types = ctx.need(domain.endpointTypes, 'the domain endpoint types');
    if (!types.some((t) => t.toUpperCase() === 'PRIVATE')) return ctx.skip();
    const keys = ctx.options.networkConditionKeys.map((k) => k.toLowerCase());
    const shown = ctx.options.networkConditionKeys.join(' or ');
    if (domain.policy === undefined) {
      return ctx.fail(
        `Private custom domain has no policy limiting execute-api:Invoke to VPC endpoints or VPCs (${shown}).`,
        {
          location: 'Properties.Policy',
        },
      );
    }
    const statements = ctx.need(domain.policy, 'the private domain policy').Statement;
    const facts = statements.map((s) => ({
      effect: isUnresolved(s) ? 'unknown' : typeof s.Effect === 'string' ? s.Effect : 'unknown',
      network: isUnresolved(s) ? ('unknown' as const) : networkConditioned(s, keys),
    }));
    if (facts.some((f) => f.effect === 'Deny' && f.network === true)) return;
    const open = facts.flatMap((f, i) => (f.effect === 'Allow' && f.network === false ? [i + 1] : []));
    if (open.length) {
      return ctx.fail(
        `Private custom domain policy statement${open.length > 1 ? 's' : ''} #${open.join(', #')} allow${open.length > 1 ? '' : 's'} invocation without a condition on ${shown}.`,
        { location: 'Properties.Policy' },
      );
    }
    if (
      facts.some((f) => f.effect !== 'Deny' && f.network === 'unknown') ||
      facts.some((f) => f.effect === 'unknown')
    ) {
      return ctx.unknown(
        `Cannot tell whether the private domain policy is conditioned on ${shown}: a statement is unresolved.`,
      );
    }
  },
});
