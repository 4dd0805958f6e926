import type { Stage, WafAssociation, WafLogging, WafRule, WebAcl } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import type { BuildContext, Mutable } from './context';
import { asArray, asRecord } from './convert';
import { ipSetsOf } from './waf-ip-sets';

function action(ctx: BuildContext, value: unknown): Value<'ALLOW' | 'BLOCK'> {
  if (isUnresolved(value)) return value;
  const keys = Object.keys(asRecord(value));
  if (keys.includes('Block')) return 'BLOCK';
  if (keys.includes('Allow')) return 'ALLOW';
  return unresolved(`DefaultAction is not Allow or Block (got ${ctx.v.describe(value)})`);
}

function countOnly(value: unknown): Value<boolean> | undefined {
  if (value === undefined) return undefined;
  if (isUnresolved(value)) return value;
  return Object.keys(asRecord(value)).includes('Count');
}

function rule(ctx: BuildContext, value: unknown): Value<WafRule> {
  if (isUnresolved(value)) return value;
  const props = asRecord(value);
  const statement = asRecord(props.Statement);
  const managed = statement.ManagedRuleGroupStatement;
  const rate = statement.RateBasedStatement;
  const name = ctx.v.str(props.Name, 'rule Name') ?? '';
  const ipSets = ipSetsOf(ctx, props.Statement);
  return {
    name,
    priority: ctx.v.num(props.Priority, 'Priority'),
    ...(managed !== undefined
      ? {
          managedRuleGroup: {
            vendor: ctx.v.str(asRecord(managed).VendorName, 'VendorName') ?? unresolved('VendorName not set'),
            name: ctx.v.str(asRecord(managed).Name, 'Name') ?? unresolved('managed rule group Name not set'),
          },
        }
      : {}),
    ...(rate !== undefined
      ? {
          rateBased: {
            limit: ctx.v.num(asRecord(rate).Limit, 'Limit') ?? unresolved('rate limit not set'),
            aggregateKeyType: ctx.v.str(asRecord(rate).AggregateKeyType),
          },
        }
      : {}),
    countOnly: countOnly(props.OverrideAction) ?? countOnly(props.Action) ?? false,
    ...(ipSets ? { ipSets } : {}),
  };
}

/** AWS::WAFv2::WebACL (+ LoggingConfiguration). */
export function mapWebAcls(ctx: BuildContext): void {
  for (const resource of ctx.ofType('AWS::WAFv2::WebACL')) {
    const props = ctx.props(resource);
    let rules: Value<WafRule[]>;
    if (isUnresolved(props.Rules)) rules = props.Rules;
    else {
      const list = asArray(props.Rules).map((item) => rule(ctx, item));
      const unknown = list.find(isUnresolved);
      rules = unknown ?? (list as WafRule[]);
    }
    ctx.webAcls.set(resource.key, {
      id: ctx.label(resource.key),
      source: ctx.source(resource),
      name: ctx.v.str(props.Name, 'Name'),
      scope: ctx.v.str(props.Scope, 'Scope') ?? unresolved('Scope is not set'),
      defaultAction: action(ctx, props.DefaultAction),
      rules,
    });
  }
  for (const resource of ctx.ofType('AWS::WAFv2::LoggingConfiguration')) {
    const props = ctx.props(resource);
    const key = ctx.tokens.resourceKey(props.ResourceArn);
    const acl = key !== undefined ? ctx.webAcls.get(key) : undefined;
    if (!acl || acl.logging !== undefined) continue;
    const redacted: string[] = [];
    let unknown: Value<string[]> | undefined = isUnresolved(props.RedactedFields) ? props.RedactedFields : undefined;
    for (const field of asArray(props.RedactedFields)) {
      const entry = asRecord(field);
      if (entry.SingleHeader !== undefined) {
        const name = ctx.v.str(asRecord(entry.SingleHeader).Name, 'SingleHeader.Name');
        if (typeof name === 'string') redacted.push(name.toLowerCase());
        else if (name) unknown = name;
      }
      if (entry.UriPath !== undefined) redacted.push('uri-path');
      if (entry.QueryString !== undefined) redacted.push('query-string');
      if (entry.Method !== undefined) redacted.push('method');
    }
    const logging: WafLogging = {
      source: ctx.source(resource),
      destinations: ctx.v.strList(props.LogDestinationConfigs, 'LogDestinationConfigs') ?? [],
      redactedFields: unknown ?? redacted,
    };
    acl.logging = ctx.conditional(resource, 'WAF logging configuration') ?? logging;
  }
}

const STAGE_ARN = /\/restapis\/([^/]+)\/stages\/([^/]+)$/;

/** Link AWS::WAFv2::WebACLAssociation resources to REST stages (after stages are mapped). */
export function linkWafAssociations(ctx: BuildContext): void {
  const ambiguous = new Map<number, AmbiguousAssociation[]>();
  const partial: { stages: Mutable<Stage>[]; association: WafAssociation }[] = [];
  const tokens = ctx.tokens;
  for (const resource of ctx.ofType('AWS::WAFv2::WebACLAssociation')) {
    const props = ctx.props(resource);
    const aclKey = tokens.resourceKey(props.WebACLArn);
    const acl = aclKey !== undefined ? ctx.webAcls.get(aclKey) : undefined;
    const aclResource = aclKey !== undefined ? ctx.resources.get(aclKey) : undefined;
    const webAcl: Value<WebAcl> =
      ctx.conditional(resource, 'WAF association') ??
      (aclResource && acl ? ctx.conditional(aclResource, 'web ACL') : undefined) ??
      acl ??
      unresolved(`web ACL ${ctx.v.describe(props.WebACLArn)} is not in the template`);
    const association: WafAssociation = { source: ctx.source(resource), webAcl };
    const arn = props.ResourceArn;
    if (isUnresolved(arn) || (typeof arn === 'string' && tokens.whole(arn)?.kind === 'unresolved')) {
      const because = isUnresolved(arn) ? arn.because : (tokens.firstUnresolved(arn)?.because ?? 'unknown reason');
      doubtIn(ambiguous, resource.scope.family, {
        logicalId: resource.logicalId,
        source: association.source,
        why: `its ResourceArn is unresolved (${because})`,
      });
      continue;
    }
    if (typeof arn !== 'string') continue;
    const match = STAGE_ARN.exec(arn);
    if (!match) continue;
    const [, apiPart, stagePart] = match;
    const apiKey = tokens.resourceKey(apiPart);
    const api = apiKey !== undefined ? ctx.apis.get(apiKey) : undefined;
    if (!api) {
      const apiUnknown = tokens.firstUnresolved(apiPart);
      if (apiUnknown)
        doubtIn(ambiguous, resource.scope.family, {
          logicalId: resource.logicalId,
          source: association.source,
          why: `the API id in its ResourceArn is unresolved (${apiUnknown.because})`,
        });
      continue;
    }
    const stageKey = tokens.refKey(stagePart);
    let stage: Mutable<Stage> | undefined;
    if (stageKey !== undefined) stage = ctx.stages.get(stageKey);
    else if (!tokens.hasTokens(stagePart))
      stage = api.stages.find((candidate) => candidate.name === stagePart) as Mutable<Stage> | undefined;
    if (stage && api.stages.includes(stage)) {
      if (!stage.waf) stage.waf = association;
    } else if (tokens.hasTokens(stagePart)) {
      const because = tokens.firstUnresolved(stagePart)?.because ?? `it is not a stage of ${api.id} in the template`;
      const why = unresolved(
        `WAF association ${resource.logicalId} may protect this stage: it targets a stage of ${api.id} whose name is unresolved (${because})`,
      );
      partial.push({
        stages: api.stages as Mutable<Stage>[],
        association: { source: association.source, webAcl: why },
      });
    }
  }
  // Exact links first; an association that may target a stage only fills stages left without one.
  for (const { stages, association } of partial) for (const stage of stages) if (!stage.waf) stage.waf = association;
  if (ambiguous.size === 0) return;
  // Conservative: an association whose target is unknown may protect any REST stage of its template (or of
  // its nested stacks) left without one, so those stages are unknown (not unprotected, not protected), with
  // a message naming the association(s). Stages of unrelated templates are not in doubt.
  const doubts = new Map<number, WafAssociation>();
  for (const [family, list] of ambiguous)
    doubts.set(family, { source: list[0].source, webAcl: unresolved(ambiguousReason(list)) });
  for (const [key, stage] of ctx.stages) {
    const resource = ctx.resources.get(key);
    if (!resource || !REST_STAGE_TYPES.has(resource.type)) continue;
    const doubt = doubts.get(resource.scope.family);
    if (doubt && !stage.waf) stage.waf = doubt;
  }
}

const REST_STAGE_TYPES = new Set(['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment']);

function doubtIn(ambiguous: Map<number, AmbiguousAssociation[]>, family: number, entry: AmbiguousAssociation): void {
  const list = ambiguous.get(family);
  if (list) list.push(entry);
  else ambiguous.set(family, [entry]);
}

interface AmbiguousAssociation {
  readonly logicalId: string;
  readonly source: WafAssociation['source'];
  readonly why: string;
}

function ambiguousReason(ambiguous: readonly AmbiguousAssociation[]): string {
  const [first] = ambiguous;
  const rest =
    ambiguous.length > 1
      ? `; so may ${ambiguous
          .slice(1)
          .map((a) => `${a.logicalId} (${a.why})`)
          .join(', ')}`
      : '';
  return `WAF association ${first.logicalId} may protect this stage: ${first.why}${rest}`;
}
