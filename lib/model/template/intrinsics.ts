import { isUnresolved, unresolved } from '../value';
import { deepEqual } from './convert';
import { v2ApiEndpoint } from './api-endpoint';
import { withDynamicReferences } from './dynamic-references';
import type { TokenTable } from './tokens';

/** What `{ Ref: AWS::NoValue }` resolves to: the enclosing property or list element is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** One template's name spaces. */
export interface ResolveScope {
  /** Prefix of resource keys of this template inside a multi-stack build ('' for one template). */
  readonly prefix: string;
  readonly stackName?: string;
  readonly parameters: Record<string, unknown>;
  readonly mappings: Record<string, unknown>;
  readonly resources: Record<string, unknown>;
  /** What a parent stack passes to this nested template's parameters (its Stack resource's Parameters), resolved in the parent. */
  readonly passed?: { readonly values: Record<string, unknown>; readonly resolver: Resolver };
}

export interface ResolveHost {
  readonly tokens: TokenTable;
  /** The resolved value of another input's Output exported under `name`, or undefined. */
  importValue(name: string): unknown;
}

const PSEUDO = new Set([
  'AWS::Region',
  'AWS::AccountId',
  'AWS::Partition',
  'AWS::URLSuffix',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::NotificationARNs',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Resolves CloudFormation intrinsics inside one template. Results are plain JSON in which references that
 * are not literals are tokens (see TokenTable) and whole values that cannot be known are `Unresolved`.
 */
export class Resolver {
  private readonly parameterCache = new Map<string, unknown>();
  /** Mapping entries being resolved: a value that looks itself up again is a cycle, not a stack overflow. */
  private readonly mappingsInProgress = new Set<string>();

  constructor(
    private readonly host: ResolveHost,
    private readonly scope: ResolveScope,
  ) {}

  /**
   * Resolve a property value deeply. May return NO_VALUE at the top level. Subtrees without intrinsics
   * are returned as they are (no copy), so resolving a large template allocates little.
   */
  resolve(value: unknown): unknown {
    if (typeof value === 'string') return withDynamicReferences(value, this.host.tokens);
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const resolved = this.resolve(item);
        if (out === undefined && resolved !== item) out = value.slice(0, i);
        if (out !== undefined && resolved !== NO_VALUE) out.push(resolved);
      }
      return out ?? value;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition')) {
      const intrinsic = this.intrinsic(keys[0], record[keys[0]]);
      if (intrinsic !== undefined) return intrinsic;
    }
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const item = record[key];
      const resolved = this.resolve(item);
      if (out === undefined && resolved !== item) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j]] = record[keys[j]];
      }
      if (out !== undefined && resolved !== NO_VALUE) out[key] = resolved;
    }
    return out ?? record;
  }

  /** A resolved value as a string piece for Fn::Join / Fn::Sub. */
  private piece(value: unknown, where: string): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (isUnresolved(value)) return this.host.tokens.fromUnresolved(value);
    return this.host.tokens.fromUnresolved(
      unresolved(`${where} received a ${Array.isArray(value) ? 'list' : 'non-string value'}`),
    );
  }

  /** Undefined: not an intrinsic after all (the key is an ordinary property named like one). */
  private intrinsic(fn: string, arg: unknown): unknown {
    switch (fn) {
      case 'Ref':
        return typeof arg === 'string' ? this.ref(arg) : unresolved('Ref with a non-string argument');
      case 'Fn::GetAtt':
        return this.getAtt(arg);
      case 'Fn::Sub':
        return this.sub(arg);
      case 'Fn::Join':
        return this.join(arg);
      case 'Fn::Select':
        return this.select(arg);
      case 'Fn::Split':
        return this.split(arg);
      case 'Fn::FindInMap':
        return this.findInMap(arg);
      case 'Fn::If':
        return this.fnIf(arg);
      case 'Fn::ImportValue':
        return this.importValue(arg);
      case 'Fn::Base64': {
        const inner = this.resolve(arg);
        return typeof inner === 'string' && !this.host.tokens.hasTokens(inner)
          ? Buffer.from(inner, 'utf8').toString('base64')
          : unresolved('Fn::Base64 of a value only known at deploy time');
      }
      case 'Fn::GetAZs':
        return unresolved('Fn::GetAZs is only known at deploy time');
      case 'Fn::Cidr':
        return unresolved('Fn::Cidr is computed at deploy time');
      case 'Fn::Transform':
        return unresolved('Fn::Transform (a macro) runs at deploy time; evaluate the processed template');
      case 'Condition':
        return typeof arg === 'string' ? unresolved(`condition ${arg} is decided at deploy time`) : undefined;
      default:
        if (fn.startsWith('Fn::')) return unresolved(`${fn} is not evaluated by the toolkit`);
        return undefined;
    }
  }

  private ref(name: string): unknown {
    const tokens = this.host.tokens;
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name === 'AWS::StackName' && this.scope.stackName) return this.scope.stackName;
    if (PSEUDO.has(name)) return tokens.make({ kind: 'pseudo', name });
    if (Object.prototype.hasOwnProperty.call(this.scope.parameters, name)) return this.parameter(name);
    if (Object.prototype.hasOwnProperty.call(this.scope.resources, name))
      return tokens.make({ kind: 'ref', key: this.scope.prefix + name });
    return unresolved(`Ref to ${name}, which is neither a parameter nor a resource of the template`);
  }

  private parameter(name: string): unknown {
    if (this.parameterCache.has(name)) return this.parameterCache.get(name);
    const definition = this.scope.parameters[name];
    let value: unknown;
    const type = isObject(definition) && typeof definition.Type === 'string' ? definition.Type : 'String';
    let fallback = isObject(definition) ? definition.Default : undefined;
    const passed = this.scope.passed;
    if (passed && Object.prototype.hasOwnProperty.call(passed.values, name)) {
      // A nested stack's parameter is what its parent passes; AWS::NoValue leaves the default.
      const given = passed.resolver.resolve(passed.values[name]);
      if (given !== NO_VALUE) fallback = given;
    }
    if (type.startsWith('AWS::SSM::Parameter::Value')) {
      value = unresolved(`parameter ${name} is read from SSM Parameter Store at deploy time`);
    } else if (fallback === undefined || fallback === null) {
      value = unresolved(`parameter ${name} has no default`);
    } else if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof fallback === 'string') {
      value = fallback.split(',').map((item) => withDynamicReferences(item.trim(), this.host.tokens));
    } else {
      value = typeof fallback === 'string' ? withDynamicReferences(fallback, this.host.tokens) : fallback;
    }
    this.parameterCache.set(name, value);
    return value;
  }

  private getAtt(arg: unknown): unknown {
    let parts: unknown[];
    if (typeof arg === 'string') {
      const dot = arg.indexOf('.');
      parts = dot < 0 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
    } else if (Array.isArray(arg)) {
      parts = arg.map((part) => this.resolve(part));
    } else {
      return unresolved('Fn::GetAtt with an invalid argument');
    }
    const [logicalId, attr] = parts;
    if (typeof logicalId !== 'string' || typeof attr !== 'string' || this.host.tokens.hasTokens(attr)) {
      return unresolved('Fn::GetAtt with a computed logical id or attribute');
    }
    if (!Object.prototype.hasOwnProperty.call(this.scope.resources, logicalId)) {
      return unresolved(`Fn::GetAtt ${logicalId}.${attr}: ${logicalId} is not a resource of the template`);
    }
    const endpoint = attr === 'ApiEndpoint' ? v2ApiEndpoint(this.host.tokens, this.scope, logicalId) : undefined;
    if (endpoint !== undefined) return endpoint;
    return this.host.tokens.make({ kind: 'att', key: this.scope.prefix + logicalId, attr });
  }

  private sub(arg: unknown): unknown {
    let text: unknown = arg;
    let variables: Record<string, unknown> = {};
    if (Array.isArray(arg)) {
      text = arg[0];
      const resolved = this.resolve(arg[1]);
      if (isObject(resolved)) variables = resolved;
    }
    if (typeof text !== 'string') return unresolved('Fn::Sub with a non-string template');
    const substituted = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      if (Object.prototype.hasOwnProperty.call(variables, name))
        return this.piece(variables[name], `Fn::Sub variable ${name}`);
      const value = name.includes('.') && !name.startsWith('AWS::') ? this.getAtt(name) : this.ref(name);
      if (value === NO_VALUE) return this.piece(unresolved('AWS::NoValue inside Fn::Sub'), 'Fn::Sub');
      return this.piece(value, `Fn::Sub ${whole}`);
    });
    return withDynamicReferences(substituted, this.host.tokens);
  }

  private join(arg: unknown): unknown {
    if (!Array.isArray(arg) || arg.length !== 2) return unresolved('Fn::Join needs [delimiter, list]');
    const delimiter = this.resolve(arg[0]);
    const list = this.resolve(arg[1]);
    if (typeof delimiter !== 'string') return unresolved('Fn::Join with a computed delimiter');
    if (isUnresolved(list)) return list;
    if (!Array.isArray(list)) return unresolved('Fn::Join over a list only known at deploy time');
    const joined = list.map((item) => this.piece(item, 'Fn::Join')).join(delimiter);
    return withDynamicReferences(joined, this.host.tokens);
  }

  private select(arg: unknown): unknown {
    if (!Array.isArray(arg) || arg.length !== 2) return unresolved('Fn::Select needs [index, list]');
    const rawIndex = this.resolve(arg[0]);
    const index = typeof rawIndex === 'number' || typeof rawIndex === 'string' ? Number(rawIndex) : Number.NaN;
    const list = this.resolve(arg[1]);
    if (isUnresolved(list)) return list;
    if (!Array.isArray(list) || !Number.isInteger(index))
      return unresolved('Fn::Select over a list or index only known at deploy time');
    return index >= 0 && index < list.length ? list[index] : unresolved(`Fn::Select index ${index} is out of range`);
  }

  private split(arg: unknown): unknown {
    if (!Array.isArray(arg) || arg.length !== 2) return unresolved('Fn::Split needs [delimiter, string]');
    const delimiter = this.resolve(arg[0]);
    const text = this.resolve(arg[1]);
    if (isUnresolved(text)) return text;
    if (typeof delimiter !== 'string' || typeof text !== 'string' || delimiter === '')
      return unresolved('Fn::Split of a value only known at deploy time');
    return text.split(delimiter);
  }

  private findInMap(arg: unknown): unknown {
    if (!Array.isArray(arg) || arg.length < 3) return unresolved('Fn::FindInMap needs [map, key, key]');
    const [mapName, first, second] = arg.slice(0, 3).map((part) => this.resolve(part));
    const literal = (value: unknown): value is string =>
      (typeof value === 'string' && !this.host.tokens.hasTokens(value)) || typeof value === 'number';
    if (!literal(mapName) || !literal(first) || !literal(second)) {
      return unresolved(
        `Fn::FindInMap ${String(typeof mapName === 'string' ? mapName : '?')} with keys only known at deploy time`,
      );
    }
    const map = this.scope.mappings[String(mapName)];
    const row = isObject(map) ? map[String(first)] : undefined;
    if (!isObject(row) || !Object.prototype.hasOwnProperty.call(row, String(second)))
      return unresolved(`Fn::FindInMap ${mapName}.${first}.${second} is not in the Mappings`);
    const entry = `${mapName}\u0000${first}\u0000${second}`;
    if (this.mappingsInProgress.has(entry))
      return unresolved(`Fn::FindInMap ${mapName}.${first}.${second} refers to itself`);
    this.mappingsInProgress.add(entry);
    try {
      return this.resolve(row[String(second)]);
    } finally {
      this.mappingsInProgress.delete(entry);
    }
  }

  private fnIf(arg: unknown): unknown {
    if (!Array.isArray(arg) || arg.length !== 3) return unresolved('Fn::If needs [condition, then, else]');
    const whenTrue = this.resolve(arg[1]);
    const whenFalse = this.resolve(arg[2]);
    if (deepEqual(whenTrue, whenFalse)) return whenTrue;
    return unresolved(`the value depends on condition ${typeof arg[0] === 'string' ? arg[0] : '(computed)'}`);
  }

  private importValue(arg: unknown): unknown {
    const name = this.resolve(arg);
    if (typeof name !== 'string' || this.host.tokens.hasTokens(name)) {
      return unresolved('Fn::ImportValue of an export whose name is only known at deploy time');
    }
    const found = this.host.importValue(name);
    return found === undefined ? unresolved(`Fn::ImportValue ${name} comes from another stack`) : found;
  }
}
