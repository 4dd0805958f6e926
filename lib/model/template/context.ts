import type { ResourceLocation, Source } from '../source';
import type { Api, ApiKind, Authorizer, Domain, LogGroup, Notice, Stage, UsagePlan, Validator, WebAcl } from '../types';
import { isUnresolved, unresolved } from '../value';
import { Converter } from './convert';
import { emptyApiParts, type Mutable } from './empty-api';
import { NO_VALUE, Resolver, type ResolveScope } from './intrinsics';
import { NESTED_STACK_TYPE, type NestedIn } from './nested';
import { TokenTable } from './tokens';

export type { Mutable };

export interface StackScope extends ResolveScope {
  readonly templatePath?: string;
  readonly template: Record<string, unknown>;
  readonly resolver: Resolver;
  readonly locations?: ReadonlyMap<string, ResourceLocation>;
  /** For a SAM template: generated logical id → the SAM resource it is generated from (lib/model/sam). */
  readonly samOrigins?: Readonly<Record<string, string>>;
  /**
   * The input this template belongs with: its own index, or for a nested template its root parent's. An
   * unknown in one family (e.g. a WAF association whose target is a parameter) never spreads to another.
   */
  readonly family: number;
}

/** A resource of one input template, indexed once. */
export interface RawResource {
  /** Unique inside the build: scope prefix + logical id. */
  readonly key: string;
  readonly logicalId: string;
  readonly type: string;
  /** The resource's Condition: it exists only when the condition holds. */
  readonly condition?: string;
  readonly raw: Record<string, unknown>;
  readonly scope: StackScope;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A short name for an API that is not in the inputs: its literal id, the missing logical id, or the reason. */
function externalName(ctx: BuildContext, value: unknown): string {
  if (value === undefined) return 'no API id';
  if (isUnresolved(value)) return /^Ref to (\S+?),/.exec(value.because)?.[1] ?? value.because;
  return typeof value === 'string' ? ctx.v.display(value) : ctx.v.describe(value);
}

/** Everything a build shares: the resource index, the resolver, the tokens and the model being filled. */
export class BuildContext {
  readonly tokens = new TokenTable();
  readonly v: Converter;
  readonly resources = new Map<string, RawResource>();
  readonly scopes: StackScope[] = [];
  readonly notices: Notice[] = [];
  readonly origins: string[] = [];

  // The model, keyed by resource key.
  readonly apis = new Map<string, Mutable<Api>>();
  readonly stages = new Map<string, Mutable<Stage>>();
  readonly authorizers = new Map<string, Authorizer>();
  readonly validators = new Map<string, Validator>();
  readonly logGroups = new Map<string, LogGroup>();
  readonly logGroupsByName = new Map<string, string>();
  readonly webAcls = new Map<string, Mutable<WebAcl>>();
  readonly domains = new Map<string, Mutable<Domain>>();
  readonly usagePlans: UsagePlan[] = [];

  private readonly byType = new Map<string, RawResource[]>();
  private readonly propsCache = new Map<string, Record<string, unknown>>();
  private readonly exportsByName = new Map<string, { scope: StackScope; value: unknown }>();
  private readonly resolvingExports = new Set<string>();
  private readonly prefixes = new Set<string>();
  private readonly nestedEvaluated = new Set<string>();

  constructor(private readonly multi: boolean) {
    this.v = new Converter(this.tokens, (key) => this.label(key));
  }

  /**
   * Index one template: one pass over its resources. A nested template names its parent input (added
   * before it) and the parent's Stack resource, whose Parameters then resolve in the parent.
   */
  addTemplate(
    template: Record<string, unknown>,
    templatePath: string | undefined,
    stackName: string | undefined,
    nestedIn?: NestedIn,
    locations?: ReadonlyMap<string, ResourceLocation>,
    samOrigins?: Readonly<Record<string, string>>,
  ): StackScope {
    const index = this.scopes.length;
    let prefix = this.multi ? `${stackName ?? templatePath ?? `template${index + 1}`}/` : '';
    // Two inputs with the same stack name (e.g. one stack in two assemblies) must not share keys.
    if (this.multi && this.prefixes.has(prefix)) prefix = `${prefix.slice(0, -1)}#${index + 1}/`;
    this.prefixes.add(prefix);
    const resources = record(template.Resources);
    const host = { tokens: this.tokens, importValue: (name: string) => this.importValue(name) };
    const passed = nestedIn ? this.passedBy(nestedIn) : undefined;
    const base = {
      prefix,
      stackName,
      templatePath,
      template,
      parameters: record(template.Parameters),
      mappings: record(template.Mappings),
      resources,
      passed,
    };
    const parent = nestedIn ? this.scopes.find((s) => s.templatePath === nestedIn.templatePath) : undefined;
    const scope: StackScope = {
      ...base,
      resolver: new Resolver(host, base),
      family: parent?.family ?? index,
      locations,
      ...(samOrigins ? { samOrigins } : {}),
    };
    this.scopes.push(scope);
    this.origins.push(templatePath ?? stackName ?? `template ${index + 1}`);
    for (const [logicalId, value] of Object.entries(resources)) {
      const raw = record(value);
      const type = typeof raw.Type === 'string' ? raw.Type : '';
      const resource: RawResource = {
        key: prefix + logicalId,
        logicalId,
        type,
        condition: typeof raw.Condition === 'string' ? raw.Condition : undefined,
        raw,
        scope,
      };
      this.resources.set(resource.key, resource);
      const list = this.byType.get(type);
      if (list) list.push(resource);
      else this.byType.set(type, [resource]);
    }
    for (const output of Object.values(record(template.Outputs))) {
      const out = record(output);
      const exportName = scope.resolver.resolve(record(out.Export).Name);
      if (typeof exportName === 'string' && !this.tokens.hasTokens(exportName))
        this.exportsByName.set(exportName, { scope, value: out.Value });
    }
    return scope;
  }

  /** The parent's Stack resource for a nested template, marked as evaluated, and what it passes. */
  private passedBy(nestedIn: NestedIn): StackScope['passed'] {
    const parent = this.scopes.find((scope) => scope.templatePath === nestedIn.templatePath);
    const resource = parent ? this.resources.get(parent.prefix + nestedIn.logicalId) : undefined;
    if (!parent || !resource || resource.type !== NESTED_STACK_TYPE) return undefined;
    this.nestedEvaluated.add(resource.key);
    return { values: record(record(resource.raw.Properties).Parameters), resolver: parent.resolver };
  }

  /** Whether a nested Stack resource's template is one of the inputs. */
  isNestedEvaluated(resource: RawResource): boolean {
    return this.nestedEvaluated.has(resource.key);
  }

  private importValue(name: string): unknown {
    const found = this.exportsByName.get(name);
    if (!found || this.resolvingExports.has(name)) return undefined;
    this.resolvingExports.add(name);
    try {
      const value = found.scope.resolver.resolve(found.value);
      return value === NO_VALUE ? undefined : value;
    } finally {
      this.resolvingExports.delete(name);
    }
  }

  ofType(type: string): readonly RawResource[] {
    return this.byType.get(type) ?? [];
  }

  /** Resolved Properties of a resource, computed once. */
  props(resource: RawResource): Record<string, unknown> {
    let props = this.propsCache.get(resource.key);
    if (!props) {
      props = record(resource.scope.resolver.resolve(record(resource.raw.Properties)));
      this.propsCache.set(resource.key, props);
    }
    return props;
  }

  /** Resolve a value in a resource's template (for values outside Properties). */
  resolveIn(scope: StackScope, value: unknown): unknown {
    const resolved = scope.resolver.resolve(value);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  source(resource: RawResource, pointer?: string): Source {
    const source: { -readonly [K in keyof Source]: Source[K] } = {
      logicalId: resource.logicalId,
      resourceType: resource.type,
    };
    const { templatePath, stackName } = resource.scope;
    if (templatePath !== undefined) source.templatePath = templatePath;
    if (stackName !== undefined) source.stackName = stackName;
    const metadata = resource.raw.Metadata;
    const cdkPath =
      typeof metadata === 'object' && metadata !== null
        ? (metadata as Record<string, unknown>)['aws:cdk:path']
        : undefined;
    if (typeof cdkPath === 'string') source.constructPath = cdkPath;
    if (pointer !== undefined) source.pointer = pointer;
    const samResource = resource.scope.samOrigins?.[resource.logicalId];
    if (samResource !== undefined) source.samResource = samResource;
    // A generated resource has no line of its own: the SAM resource's line is where the user fixes it.
    const locations = resource.scope.locations;
    const location =
      locations?.get(resource.logicalId) ?? (samResource !== undefined ? locations?.get(samResource) : undefined);
    if (location?.line !== undefined) source.line = location.line;
    if (location?.code !== undefined) source.code = location.code;
    return source;
  }

  /** The inventory id of a resource key (the logical id; stack-qualified when several inputs are merged). */
  label(key: string): string {
    const resource = this.resources.get(key);
    return resource ? (this.multi ? key : resource.logicalId) : key;
  }

  /** Why a resource that exists only under a condition cannot be relied on. */
  conditional(resource: RawResource, what: string): ReturnType<typeof unresolved> | undefined {
    return resource.condition
      ? unresolved(`${what} ${resource.logicalId} exists only when condition ${resource.condition} is true`)
      : undefined;
  }

  notice(level: Notice['level'], code: string, message: string, source: Source): void {
    this.notices.push({ level, code, message, source });
  }

  /**
   * The API a child resource (method, stage, route...) belongs to. When the id does not name an API of the
   * right family in the inputs, an `external` API with unresolved fields stands in for it.
   */
  apiFor(idValue: unknown, kind: ApiKind | 'v2', child: RawResource): Mutable<Api> {
    const key = this.tokens.resourceKey(idValue);
    const api = key !== undefined ? this.apis.get(key) : undefined;
    if (api && (kind === 'v2' ? api.kind !== 'rest' : api.kind === kind)) return api;
    const shown = externalName(this, idValue);
    // One stand-in per template: a verdict on one input must not depend on which other inputs are checked with it.
    const id = `${child.scope.prefix}external:${shown}`;
    const existing = this.apis.get(id);
    if (existing) return existing;
    const why = unresolved(
      idValue === undefined
        ? `${child.logicalId} names no API`
        : `the API (${shown}) referenced by ${child.logicalId} is not in the template`,
    );
    const external: Mutable<Api> = {
      id,
      kind: kind === 'v2' ? 'http' : kind,
      source: {
        ...(child.scope.templatePath !== undefined ? { templatePath: child.scope.templatePath } : {}),
        ...(child.scope.stackName !== undefined ? { stackName: child.scope.stackName } : {}),
        arn: shown,
      },
      external: true,
      name: why,
      endpointTypes: why,
      vpcEndpointIds: why,
      tags: {},
      policy: why,
      disableExecuteApiEndpoint: why,
      ...emptyApiParts(),
      operationsUnresolved: why.because,
    };
    this.apis.set(id, external);
    return external;
  }
}
