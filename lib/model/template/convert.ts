import { isUnresolved, unresolved, type Unresolved, type Value } from '../value';
import type { TokenTable } from './tokens';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns resolved template values into model values. Strings that still contain references come out in
 * a readable `${Logical.Attr}` form; strings that contain an unknown piece become `Unresolved`.
 */
export class Converter {
  constructor(
    private readonly tokens: TokenTable,
    private readonly label: (key: string) => string,
  ) {}

  display(text: string): string {
    return this.tokens.display(text, this.label);
  }

  describe(value: unknown): string {
    if (typeof value === 'string') return this.display(value);
    if (isUnresolved(value)) return `unresolved: ${value.because}`;
    return JSON.stringify(value) ?? String(value);
  }

  str(value: unknown, what = 'value'): Value<string> | undefined {
    if (value === undefined || value === null) return undefined;
    if (isUnresolved(value)) return value;
    if (typeof value === 'string') return this.tokens.firstUnresolved(value) ?? this.display(value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return unresolved(`${what} is not a string (got ${Array.isArray(value) ? 'a list' : 'an object'})`);
  }

  bool(value: unknown, what = 'value'): Value<boolean> | undefined {
    if (value === undefined || value === null) return undefined;
    if (isUnresolved(value)) return value;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') {
      const lower = value.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      const inner = this.tokens.firstUnresolved(value);
      if (inner) return inner;
    }
    return unresolved(`${what} is not a boolean (got ${this.describe(value)})`);
  }

  num(value: unknown, what = 'value'): Value<number> | undefined {
    if (value === undefined || value === null) return undefined;
    if (isUnresolved(value)) return value;
    if (typeof value === 'number') return value;
    if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
    if (typeof value === 'string') {
      const inner = this.tokens.firstUnresolved(value);
      if (inner) return inner;
    }
    return unresolved(`${what} is not a number (got ${this.describe(value)})`);
  }

  /** A list of strings; a single string counts as a one-element list. */
  strList(value: unknown, what = 'list'): Value<string[]> | undefined {
    if (value === undefined || value === null) return undefined;
    if (isUnresolved(value)) return value;
    const items = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    for (const item of items) {
      const text = this.str(item, what);
      if (text === undefined) continue;
      if (isUnresolved(text)) return text;
      out.push(text);
    }
    return out;
  }

  /**
   * Tags and, when the set of tag keys cannot be known (the whole list is unresolved, or an entry or its key
   * is), why: a key that is absent may then still be there at deploy time.
   */
  tagFields(value: unknown): { tags: Record<string, Value<string>>; tagsUnresolved?: Unresolved } {
    const unknown = this.unknownTagKeys(value);
    return unknown ? { tags: this.tags(value), tagsUnresolved: unknown } : { tags: this.tags(value) };
  }

  private unknownTagKeys(value: unknown): Unresolved | undefined {
    if (isUnresolved(value)) return value;
    if (!Array.isArray(value)) return undefined;
    for (const tag of value) {
      if (isUnresolved(tag)) return tag;
      if (!isObject(tag)) continue;
      const key = this.str(tag.Key, 'tag key');
      if (key !== undefined && isUnresolved(key)) return key;
    }
    return undefined;
  }

  /** CloudFormation tags: a list of { Key, Value } or a map (v2). */
  tags(value: unknown): Record<string, Value<string>> {
    const out: Record<string, Value<string>> = {};
    if (isUnresolved(value)) return out;
    if (Array.isArray(value)) {
      for (const tag of value) {
        if (!isObject(tag)) continue;
        const key = this.str(tag.Key, 'tag key');
        if (typeof key !== 'string') continue;
        out[key] = this.str(tag.Value, `tag ${key}`) ?? '';
      }
    } else if (isObject(value)) {
      for (const [key, tagValue] of Object.entries(value)) out[key] = this.str(tagValue, `tag ${key}`) ?? '';
    }
    return out;
  }

  /** A map of strings (stage variables, parameters). */
  strMap(value: unknown, what = 'map'): Record<string, Value<string>> {
    const out: Record<string, Value<string>> = {};
    if (!isObject(value)) return out;
    for (const [key, item] of Object.entries(value)) {
      const text = this.str(item, `${what} ${key}`);
      if (text !== undefined) out[key] = text;
    }
    return out;
  }

  boolMap(value: unknown, what = 'map'): Record<string, Value<boolean>> {
    const out: Record<string, Value<boolean>> = {};
    if (!isObject(value)) return out;
    for (const [key, item] of Object.entries(value)) out[key] = this.bool(item, `${what} ${key}`) ?? false;
    return out;
  }

  /** A JSON document (policy, schema) with references shown readably and unknown strings as Unresolved. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.str(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (isObject(value)) {
      if (isUnresolved(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.json(item);
      return out;
    }
    return value;
  }
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

/**
 * A value that must be an object (a property type such as EndpointConfiguration or StageDescription): the
 * object, undefined when absent, or Unresolved when it is unresolved itself or not an object at all (a
 * string, a number or a list there is a template CloudFormation would refuse: what is deployed is unknown).
 */
export function objectOrUnresolved(value: unknown, what = 'value'): Record<string, unknown> | Unresolved | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnresolved(value) || isObject(value)) return value;
  return unresolved(`${what} is not an object (got ${Array.isArray(value) ? 'a list' : typeof value})`);
}

/**
 * One field of an object value. Every field of an object that is itself unresolved (a Fn::If between two
 * objects, a Fn::FindInMap with an unknown key, a parameter) or not an object is Unresolved, never absent:
 * an absent field takes its default, which would be a guess.
 */
export function field(value: unknown, key: string, what?: string): unknown {
  const object = objectOrUnresolved(value, what);
  return object === undefined || isUnresolved(object) ? object : object[key];
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Structural equality of resolved JSON values (Fn::If branches that are the same are known). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}
