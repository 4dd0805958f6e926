import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { Api, Inventory } from '../../lib/model/types';
import { isUnresolved, unresolved, type Value } from '../../lib/model/value';

type Control = 'authentication' | 'waf' | 'production-stage';
type Verdict = boolean | 'unknown';

interface Options {
  /** The controls a routing rule's target must keep when the domain's default mappings have them. */
  readonly controls: Control[];
  /** Stage names (or name parts split on - _ .) that mark a non-production stage. */
  readonly nonProductionStageNames: string[];
}

const DESCRIBED: Record<Control, string> = {
  authentication: 'every operation that reaches a backend requires authorization',
  waf: 'a WAF web ACL on the stage',
  'production-stage': 'a production stage name',
};

/** Whether one target (API + stage name) holds each control. */
function controlsOf(api: Api | undefined, stageName: Value<string>, nonProduction: string[]): Record<Control, Verdict> {
  const production: Verdict = isUnresolved(stageName)
    ? 'unknown'
    : !stageName
        .toLowerCase()
        .split(/[-_.]/)
        .some((part) => nonProduction.includes(part));
  if (!api || api.external) return { authentication: 'unknown', waf: 'unknown', 'production-stage': production };
  let authentication: Verdict = api.operationsUnresolved ? 'unknown' : true;
  for (const op of api.operations) {
    const type = op.integration?.type;
    if (op.method === 'OPTIONS' || type === 'MOCK') continue;
    if (isUnresolved(op.auth.type)) authentication = authentication === false ? false : 'unknown';
    else if (op.auth.type === 'NONE') authentication = false;
  }
  const stage = isUnresolved(stageName) ? undefined : api.stages.find((s) => s.name === stageName);
  const waf: Verdict = !stage ? 'unknown' : stage.waf ? true : false;
  return { authentication, waf, 'production-stage': production };
}

function apiOf(inventory: Inventory, id: Value<string>): Api | undefined {
  return isUnresolved(id) ? undefined : inventory.apis.find((a) => a.id === id);
}

export default defineRule<'domain', Options>({
  id: 'domain-routing-rules',
  title: 'Routing rules never send a custom domain’s traffic to a target weaker than its default mappings',
  rationale:
    'Routing rules (2025) pick the API and stage per request from headers and base paths, ahead of the API mappings. A rule ' +
    'that matches a header any client can set, and routes to an unauthenticated API, a stage without WAF or a dev stage, ' +
    'opens that target on the production host name.',
  fix: {
    cdk:
      'Point every `apigwv2.CfnRoutingRule` action (`invokeApi: { apiId, stage }`) at a production stage of an API with the ' +
      'same authorization and web ACL as the domain’s base path mappings, or delete the rule.',
    cloudFormation:
      'Actions[].InvokeApi of AWS::ApiGatewayV2::RoutingRule: an API and stage that keep the controls of the domain’s ' +
      'BasePathMapping targets; RoutingMode on the domain decides whether rules apply.',
  },
  severity: 'error',
  owasp: ['API8:2023', 'API9:2023'],
  controls: { nist80053: ['AC-3', 'CM-7', 'SC-7'], pciDss4: ['6.4.1', '7.2.1'] },
  references: {},
  appliesTo: { subject: 'domain', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        controls: {
          type: 'array',
          items: { enum: ['authentication', 'waf', 'production-stage'] },
          uniqueItems: true,
        },
        nonProductionStageNames: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaults: {
      controls: ['authentication', 'waf', 'production-stage'],
      nonProductionStageNames: [
        'dev',
        'develop',
        'test',
        'testing',
        'qa',
        'uat',
        'beta',
        'alpha',
        'staging',
        'sandbox',
        'preview',
      ],
    },
  },
  check(domain, ctx) {
    if (domain.routingRules.length === 0) return ctx.skip();
    const mode =
      domain.routingMode === undefined ? 'API_MAPPING_ONLY' : ctx.need(domain.routingMode, 'the routing mode');
    if (!mode.startsWith('ROUTING_RULE')) {
      return ctx.exempt(`routing mode ${mode} ignores routing rules`);
    }
    const nonProduction = ctx.options.nonProductionStageNames.map((n) => n.toLowerCase());
    // The baseline: what every default mapping target holds; with no mapping in use, every control.
    const mappings = mode === 'ROUTING_RULE_ONLY' ? [] : domain.mappings;
    const baseline: Record<Control, Verdict> = { authentication: true, waf: true, 'production-stage': true };
    for (const m of mappings) {
      const held = controlsOf(
        apiOf(ctx.inventory, m.apiId),
        m.stage ?? unresolved('the mapping names no stage'),
        nonProduction,
      );
      for (const control of ctx.options.controls) {
        if (held[control] === false) baseline[control] = false;
        else if (held[control] === 'unknown' && baseline[control] === true) baseline[control] = 'unknown';
      }
    }
    const reference = mappings.length ? 'the domain’s base path mappings' : 'the secure baseline (no mapping in use)';
    const undecided: string[] = [];
    for (const rule of domain.routingRules) {
      const apiId = ctx.need(rule.apiId, 'the API a routing rule invokes');
      const target = controlsOf(apiOf(ctx.inventory, apiId), rule.stage, nonProduction);
      const shown = `${apiId} stage ${isUnresolved(rule.stage) ? '(unresolved)' : rule.stage}`;
      const priority = isUnresolved(rule.priority) ? '?' : String(rule.priority);
      const weaker: string[] = [];
      for (const control of ctx.options.controls) {
        if (baseline[control] === false) continue;
        if (target[control] === false) weaker.push(DESCRIBED[control]);
        else if (target[control] === 'unknown' || baseline[control] === 'unknown')
          undecided.push(`${shown}: ${DESCRIBED[control]}`);
      }
      if (weaker.length) {
        ctx.fail(
          `Routing rule (priority ${priority}) sends traffic to ${shown}, which lacks what ${reference} have: ${weaker.join('; ')}.`,
          { source: rule.source, location: 'Properties.Actions' },
        );
      }
    }
    if (undecided.length)
      ctx.unknown(`Cannot compare routing rule targets with ${reference}: ${undecided.join(', ')} is unknown.`);
  },
});
