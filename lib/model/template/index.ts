/**
 * CloudFormation templates → Inventory.
 *
 * One pass indexes every resource by logical id and type (context.ts); each resource's Properties are
 * resolved once, lazily, and cached (intrinsics.ts). References that are not literals become tokens inside
 * strings (tokens.ts), so an ARN built with Fn::Sub, Fn::Join or written literally is matched the same way.
 * Mappers then run once per resource type, in dependency order: log groups, web ACLs, REST, v2, stages,
 * WAF associations, usage plans, domains. Anything the builder cannot know is `Unresolved` with a reason.
 * Changes our aspects and injectors recorded in resource metadata become REMEDIATED info notices.
 */
import type { ResourceLocation, Source } from '../source';
import type { Account, Inventory } from '../types';
import { expandSam } from '../sam';
import { BuildContext, type StackScope } from './context';
import { mapDistributions } from './distributions';
import { mapDomainsAndMappings } from './domains';
import { TemplateError } from './errors';
import { checkTemplateShape } from './limits';
import { mapLogGroups } from './logs';
import { mapRest } from './rest';
import { remediationNotices } from './remediations';
import { mapRestStages } from './rest-stages';
import { mapUsagePlans } from './usage-plans';
import { mapUserPools } from './user-pools';
import { NESTED_STACK_TYPE, type NestedIn } from './nested';
import { mapV2 } from './v2';
import { linkWafAssociations, mapWebAcls } from './waf';

export { TemplateError } from './errors';
export { parseTemplate, readTemplateFile } from './parse';
export { nestedStackTemplates, type NestedIn, type NestedTemplateRef } from './nested';

export interface TemplateInput {
  readonly template: unknown;
  readonly templatePath?: string;
  readonly stackName?: string;
  /** For a nested stack's template: the parent input (listed before this one) and its Stack resource. */
  readonly nestedIn?: NestedIn;
  /** Per logical id: its line in the template text and the code that made it (copied onto sources). */
  readonly locations?: ReadonlyMap<string, ResourceLocation>;
}

function asTemplate(input: TemplateInput): Record<string, unknown> {
  const template = input.template;
  if (
    typeof template !== 'object' ||
    template === null ||
    Array.isArray(template) ||
    typeof (template as Record<string, unknown>).Resources !== 'object'
  ) {
    throw new TemplateError(
      'E_NOT_CLOUDFORMATION',
      `expected a CloudFormation template object with a Resources map, got ${template === null ? 'null' : Array.isArray(template) ? 'a list' : typeof template}`,
      'pass the parsed template (parseTemplate/readTemplateFile) or Template.fromStack(stack).toJSON()',
      input.templatePath,
    );
  }
  // A template object built in code (not parsed) may still contain itself or nest without bound.
  checkTemplateShape(template, input.templatePath);
  return template as Record<string, unknown>;
}

/** Transforms the builder cannot apply (SAM's is expanded by lib/model/sam and removed before this): a warning each. */
function transformNotices(ctx: BuildContext, scope: StackScope): void {
  const raw = scope.template.Transform;
  const transforms = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((item) =>
    typeof item === 'string' ? item : JSON.stringify(item),
  );
  const source = {
    ...(scope.templatePath ? { templatePath: scope.templatePath } : {}),
    ...(scope.stackName ? { stackName: scope.stackName } : {}),
  };
  for (const transform of transforms) {
    ctx.notice(
      'warning',
      'TRANSFORM_NOT_APPLIED',
      `The template uses the ${transform} transform, which runs at deploy time; the template was evaluated as written.`,
      source,
    );
  }
}

function samSource(scope: StackScope, logicalId: string | undefined): Source {
  return {
    ...(logicalId !== undefined ? { logicalId } : {}),
    ...(scope.templatePath ? { templatePath: scope.templatePath } : {}),
    ...(scope.stackName ? { stackName: scope.stackName } : {}),
  };
}

function otherNotices(ctx: BuildContext): void {
  for (const resource of ctx.ofType(NESTED_STACK_TYPE)) {
    if (ctx.isNestedEvaluated(resource)) continue;
    ctx.notice(
      'warning',
      'NESTED_STACK_NOT_EVALUATED',
      `Nested stack ${resource.logicalId} is not evaluated: its template is not among the inputs (a CDK nested stack's template is read from the file its aws:asset:path metadata names, next to the parent's). Pass its template as another input.`,
      ctx.source(resource),
    );
  }
}

function mapAccount(ctx: BuildContext): Account | undefined {
  const resource = ctx.ofType('AWS::ApiGateway::Account')[0];
  if (!resource) return undefined;
  const role = ctx.props(resource).CloudWatchRoleArn;
  const conditional = ctx.conditional(resource, 'account settings');
  return {
    source: ctx.source(resource),
    ...(role !== undefined || conditional
      ? { cloudWatchRoleArn: conditional ?? ctx.v.str(role, 'CloudWatchRoleArn') }
      : {}),
  };
}

function build(inputs: readonly TemplateInput[]): Inventory {
  const ctx = new BuildContext(inputs.length > 1);
  for (const input of inputs) {
    const template = asTemplate(input);
    // A SAM template is read as the CloudFormation its transform makes (lib/model/sam).
    const sam = expandSam(template);
    const scope = ctx.addTemplate(
      sam?.template ?? template,
      input.templatePath,
      input.stackName,
      input.nestedIn,
      input.locations,
      sam?.origins,
    );
    for (const n of sam?.notices ?? []) ctx.notice(n.level, n.code, n.message, samSource(scope, n.logicalId));
    transformNotices(ctx, scope);
  }
  otherNotices(ctx);
  remediationNotices(ctx);
  mapLogGroups(ctx);
  mapWebAcls(ctx);
  mapRest(ctx);
  mapV2(ctx);
  mapRestStages(ctx);
  linkWafAssociations(ctx);
  mapUsagePlans(ctx);
  mapDomainsAndMappings(ctx);
  const account = mapAccount(ctx);
  return {
    apis: [...ctx.apis.values()],
    domains: [...ctx.domains.values()],
    webAcls: [...ctx.webAcls.values()],
    usagePlans: ctx.usagePlans,
    userPools: mapUserPools(ctx),
    distributions: mapDistributions(ctx),
    portals: [],
    ...(account ? { account } : {}),
    notices: ctx.notices,
    origins: ctx.origins,
  };
}

/** One CloudFormation template (parsed) → Inventory. Never throws for content it cannot resolve: that becomes Unresolved. */
export function fromTemplate(
  template: unknown,
  options: { templatePath?: string; stackName?: string } = {},
): Inventory {
  return build([{ template, ...options }]);
}

/**
 * Several stacks into one inventory. Ids are stack-qualified (`Stack/LogicalId`) and Fn::ImportValue
 * resolves against the other inputs' Outputs Export names when possible.
 */
export function fromTemplates(inputs: readonly TemplateInput[]): Inventory {
  return build(inputs);
}
