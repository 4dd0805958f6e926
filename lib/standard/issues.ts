import type { ErrorObject } from 'ajv';
import type { AnyRule } from '../engine/rule';
import { nearest } from '../engine/nearest';
import { describe, type StandardIssue } from './errors';

/** The schema errors worth showing, one issue per path and message. */
export function issuesOf(errors: readonly ErrorObject[], data: unknown, rules: readonly AnyRule[]): StandardIssue[] {
  const seen = new Set<string>();
  const out: StandardIssue[] = [];
  for (const error of errors) {
    if (isNoise(error)) continue;
    const issue = toIssue(error, data, rules);
    const key = `${issue.path}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

/** `if`-style wrapper errors repeat their children; keep the specific ones. */
function isNoise(error: ErrorObject): boolean {
  return error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'allOf';
}

/** `; the nearest <what> is "x"` when one is close, else the valid ones under `listLabel` (at most 6). */
function didYouMean(name: string, candidates: readonly string[], what: string, listLabel?: string): string {
  const near = nearest(name, candidates);
  if (near !== undefined) return `; the nearest ${what} is "${near}"`;
  if (candidates.length === 0) return '; none is allowed here';
  if (listLabel === undefined) return `; no ${what} is close`;
  const shown = candidates.length > 6 ? `${candidates.slice(0, 6).join(', ')}, ...` : candidates.join(', ');
  return `; ${listLabel}: ${shown}`;
}

function toIssue(error: ErrorObject, data: unknown, rules: readonly AnyRule[]): StandardIssue {
  const at = pointerToPath(error.instancePath);
  const received = describe(valueAt(data, error.instancePath));
  const params = error.params as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const where = join(at, name);
      if (/^(rules|tiers\.[^.]+\.rules)$/.test(at)) {
        const hint = didYouMean(name, rules.map((r) => r.id).sort(), 'rule id');
        return {
          path: where,
          message: `unknown rule id ${describe(name)}${hint} (\`api-guardrails rules\` lists all ${rules.length}).`,
        };
      }
      if (at === 'tiers') {
        return {
          path: where,
          message: `tier ${describe(name)} is not declared in classification.tiers${didYouMean(name, allowed, 'tier', 'declared tiers')}.`,
        };
      }
      return {
        path: where,
        message: `unknown property ${describe(name)}${didYouMean(name, allowed, 'property', 'allowed properties')}.`,
      };
    }
    case 'required':
      return { path: join(at, String(params.missingProperty)), message: 'is required but missing.' };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => String(v));
      const near =
        typeof valueAt(data, error.instancePath) === 'string'
          ? nearest(String(valueAt(data, error.instancePath)), allowed)
          : undefined;
      return {
        path: at,
        message: `received ${received}; ${near !== undefined ? `the nearest valid value is "${near}"; ` : ''}allowed: one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}.`,
      };
    }
    case 'const':
      return { path: at, message: `received ${received}; allowed: exactly ${JSON.stringify(params.allowedValue)}.` };
    case 'type':
      return { path: at, message: `received ${received}; allowed: a ${finiteNote(String(params.type))}.` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        path: at,
        message: `received ${received}; allowed: a number ${String(params.comparison)} ${String(params.limit)}.`,
      };
    case 'minItems':
    case 'maxItems':
      return {
        path: at,
        message: `received ${received}; allowed: ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} item(s).`,
      };
    case 'minLength':
    case 'maxLength':
      return {
        path: at,
        message: `received ${received}; allowed: ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params.limit)} character(s).`,
      };
    case 'pattern':
      return { path: at, message: `received ${received}; allowed: a string matching /${String(params.pattern)}/.` };
    case 'uniqueItems':
      return {
        path: at,
        message: `received ${received}; allowed: unique items (items ${Math.min(params.i, params.j)} and ${Math.max(params.i, params.j)} are equal).`,
      };
    default:
      return { path: at, message: `received ${received}; ${error.message ?? `fails ${error.keyword}`}.` };
  }
}

function finiteNote(type: string): string {
  return type === 'number' || type === 'integer' ? `finite ${type}` : `value of type ${type}`;
}

/** A JSON pointer as the dotted path a person writes: `/tiers/a/rules/x` → `tiers.a.rules.x`, indexes as `[0]`. */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '(root)';
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  }
  return out;
}

function join(at: string, name: string): string {
  return at === '(root)' ? name : `${at}.${name}`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}
