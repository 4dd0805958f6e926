import * as fs from 'fs';
import * as path from 'path';
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { yaml } from '../lib/lazy-modules';
import type { AnyRule } from '../lib/engine/rule';
import { ResolvedStandard, type Standard } from '../lib/engine/standard';
import { allRules } from './rules';
import baseSchema from './standard.schema.json';
import defaultStandardJson from './standards/default.json';

/** One problem found in a standard: where, what was received, what is allowed. */
export interface StandardIssue {
  /** Dotted path inside the standard, e.g. `tiers.restricted.rules.stage-throttling.options.maxRateLimit`. */
  readonly path: string;
  readonly message: string;
}

/**
 * A standard that cannot be read or does not match the schema. `code` is stable (E_STANDARD_*), the
 * message lists every problem at once, `fix` says what to do.
 */
export class StandardError extends Error {
  readonly code: string;
  readonly file?: string;
  /** Path of the first problem (all of them are in `issues` and the message). */
  readonly path?: string;
  readonly fix: string;
  readonly issues: readonly StandardIssue[];

  constructor(props: { code: string; summary: string; fix: string; file?: string; issues?: StandardIssue[] }) {
    const issues = props.issues ?? [];
    const lines = [
      `${props.code}: ${props.summary}`,
      ...issues.map((i) => `  - ${i.path}: ${i.message}`),
      `Fix: ${props.fix}`,
    ];
    super(lines.join('\n'));
    this.name = 'StandardError';
    this.code = props.code;
    this.file = props.file;
    this.path = issues[0]?.path;
    this.fix = props.fix;
    this.issues = issues;
  }
}

const SCHEMA_HINT = 'policies/standard.schema.json (add "$schema" to your file for editor completion)';

/**
 * Read and validate a standard: a path to a .json/.yaml/.yml file, or an object (e.g. a typed
 * TypeScript standard). Options of every rule are checked against the rule's own schema, wherever they
 * appear. All problems are reported together in one StandardError.
 */
export function loadStandard(source: string | object): Standard {
  return loadFor(source, allRules);
}

let cachedDefault: Standard | undefined;

/**
 * The shipped standard (policies/standards/default.json). Each call returns a fresh copy.
 *
 * Not schema-validated at runtime: compiling the schema specialised for every rule's options costs about
 * a second of CPU per process (issue 7), and the file cannot change after release. The repository's tests
 * validate it with the same loader as user files (test/policies/standard.test.ts).
 */
export function defaultStandard(): Standard {
  cachedDefault ??= withDefaults(defaultStandardJson);
  return structuredClone(cachedDefault);
}

/**
 * Bind a standard to a rule set. `standard` is a Standard object (validated against `rules`), a file path,
 * or undefined for the shipped default. @default rules - every shipped rule (allRules)
 */
export function resolveStandard(standard?: Standard | string, rules: readonly AnyRule[] = allRules): ResolvedStandard {
  // The shipped default is validated against the shipped rules; settings of rules outside `rules` are ignored.
  if (standard === undefined) return new ResolvedStandard(defaultStandard(), rules);
  return new ResolvedStandard(loadFor(standard, rules), rules);
}

function loadFor(source: string | object, rules: readonly AnyRule[]): Standard {
  if (typeof source === 'string') return validateStandard(readStandardFile(source), rules, source);
  if (typeof source === 'object' && source !== null && !Array.isArray(source)) return validateStandard(source, rules);
  throw new StandardError({
    code: 'E_STANDARD_SOURCE',
    summary: `a standard must be a file path or an object; received ${describe(source)}.`,
    fix: 'Pass the path of a .json/.yaml/.yml standard file, or a Standard object.',
  });
}

function readStandardFile(file: string): unknown {
  const ext = path.extname(file).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(ext)) {
    throw new StandardError({
      code: 'E_STANDARD_FORMAT',
      file,
      summary: `cannot read standard "${file}": the extension "${ext || '(none)'}" is not supported.`,
      fix: 'Save the standard as .json, .yaml or .yml.',
    });
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new StandardError({
      code: 'E_STANDARD_NOT_FOUND',
      file,
      summary: `cannot read standard "${file}" (resolved to ${path.resolve(file)}): ${(error as Error).message}`,
      fix: 'Check the path; relative paths are resolved from the current directory.',
    });
  }
  try {
    return ext === '.json' ? JSON.parse(text) : yaml().parse(text, { prettyErrors: true });
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0];
    throw new StandardError({
      code: 'E_STANDARD_PARSE',
      file,
      summary: `standard "${file}" is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${detail}`,
      fix: `Correct the ${ext === '.json' ? 'JSON' : 'YAML'} syntax at the position given.`,
    });
  }
}

/** Validate parsed data against the schema specialised for `rules` and the declared tiers; fill defaults. */
function validateStandard(data: unknown, rules: readonly AnyRule[], file?: string): Standard {
  const tiers = declaredTiers(data);
  const validate = validatorFor(rules, tiers);
  if (!validate(data)) {
    const errors = (validate.errors ?? []).filter((e) => !isNoise(e));
    const issues = dedupe(errors.map((e) => toIssue(e, data, rules)));
    throw new StandardError({
      code: 'E_STANDARD_INVALID',
      file,
      summary: `${file ? `standard "${file}"` : 'the standard'} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:`,
      fix: `Correct each value listed above; the allowed shape is described by ${SCHEMA_HINT}.`,
      issues,
    });
  }
  return withDefaults(data);
}

/** A schema-valid standard with `$schema` dropped and the optional top-level fields filled in. */
function withDefaults(data: unknown): Standard {
  const raw = structuredClone(data) as Record<string, unknown> & { classification: Record<string, unknown> };
  delete raw.$schema;
  return {
    ...(raw as unknown as Standard),
    classification: { tagKey: 'data-classification', ...(raw.classification as object) } as Standard['classification'],
    ownerTagKey: (raw.ownerTagKey as string | undefined) ?? 'owner',
    unknownAs: (raw.unknownAs as Standard['unknownAs'] | undefined) ?? 'rule-severity',
    rules: (raw.rules as Standard['rules'] | undefined) ?? {},
    tiers: (raw.tiers as Standard['tiers'] | undefined) ?? {},
  };
}

function declaredTiers(data: unknown): string[] | undefined {
  const tiers = (data as { classification?: { tiers?: unknown } } | null)?.classification?.tiers;
  return Array.isArray(tiers) && tiers.every((t) => typeof t === 'string') ? (tiers as string[]) : undefined;
}

let ajv: Ajv | undefined;

/**
 * The schema compiler, loaded on first use: the shipped standard needs none, and loading ajv costs
 * ~65 ms per process (plugin and CLI start-up). Code optimisation is off: it took ~40 % of the compile
 * of the rule-specialised schema, which runs once per standard and validates one small document.
 */
function compiler(): Ajv {
  if (!ajv) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load; `import()` would make loading a standard async
    const { default: AjvClass } = require('ajv') as { default: typeof Ajv };
    ajv = new AjvClass({ allErrors: true, verbose: true, strict: false, code: { optimize: false } });
  }
  return ajv;
}
const validators = new WeakMap<readonly AnyRule[], Map<string, ValidateFunction>>();

/** The base schema with `rules` keyed by the known rule ids (each with its options schema) and `tiers` by declared tier. */
function validatorFor(rules: readonly AnyRule[], tiers: string[] | undefined): ValidateFunction {
  const byTiers = validators.get(rules) ?? new Map<string, ValidateFunction>();
  validators.set(rules, byTiers);
  const key = tiers ? JSON.stringify(tiers) : '';
  const cached = byTiers.get(key);
  if (cached) return cached;

  const schema = structuredClone(baseSchema) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ruleSettings = {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(rules.map((rule) => [rule.id, ruleSettingSchema(rule)])),
  };
  schema.definitions.ruleSettings = ruleSettings;
  schema.properties.rules = { ...ruleSettings, description: schema.properties.rules.description };
  schema.definitions.tierSetting.properties.rules = { $ref: '#/definitions/ruleSettings' };
  if (tiers) {
    schema.properties.tiers = {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(tiers.map((t) => [t, { $ref: '#/definitions/tierSetting' }])),
    };
  }
  let validate: ValidateFunction;
  try {
    validate = compiler().compile(schema);
  } catch (error) {
    throw new StandardError({
      code: 'E_RULE_OPTIONS_SCHEMA',
      summary: `a rule's options schema is not a valid JSON Schema: ${(error as Error).message}`,
      fix: 'Correct `options.schema` in the rule file named above (policies/rules/<rule-id>.ts).',
    });
  }
  byTiers.set(key, validate);
  return validate;
}

function ruleSettingSchema(rule: AnyRule): Record<string, unknown> {
  // A standard sets options partially (they are merged over the rule's defaults): drop top-level `required`.
  const options = structuredClone(
    rule.options?.schema ?? { type: 'object', additionalProperties: false, properties: {} },
  );
  delete options.required;
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      enabled: { type: 'boolean' },
      severity: { enum: ['error', 'warning', 'info'] },
      options,
      acknowledgeable: { type: 'boolean' },
    },
  };
}

/** `if`-style wrapper errors repeat their children; keep the specific ones. */
function isNoise(error: ErrorObject): boolean {
  return error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'allOf';
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
        const known = rules.map((r) => r.id);
        return {
          path: where,
          message: `unknown rule id "${name}"; known rule ids (closest first): ${byCloseness(name, known).join(', ') || '(none)'}.`,
        };
      }
      if (at === 'tiers') {
        return {
          path: where,
          message: `tier "${name}" is not declared in classification.tiers; declared tiers: ${allowed.join(', ')}.`,
        };
      }
      return {
        path: where,
        message: `unknown property "${name}"; allowed properties (closest first): ${byCloseness(name, allowed).join(', ') || '(none)'}.`,
      };
    }
    case 'required':
      return { path: join(at, String(params.missingProperty)), message: 'is required but missing.' };
    case 'enum':
      return {
        path: at,
        message: `received ${received}; allowed: one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`,
      };
    case 'const':
      return { path: at, message: `received ${received}; allowed: exactly ${JSON.stringify(params.allowedValue)}.` };
    case 'type':
      return { path: at, message: `received ${received}; allowed: a value of type ${String(params.type)}.` };
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

function pointerToPath(pointer: string): string {
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

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function dedupe(issues: StandardIssue[]): StandardIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\n${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Candidates sorted by edit distance to `name` (closest first), then alphabetically. */
function byCloseness(name: string, candidates: readonly string[]): string[] {
  return [...candidates]
    .map((c) => ({ c, d: distance(name, c) }))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .map((x) => x.c);
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
