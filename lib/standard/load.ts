import * as path from 'path';
import type { AnyRule } from '../engine/rule';
import { allRules } from '../../policies/rules';
import defaultStandardJson from '../../policies/standards/default.json';
import { describe, OWN_STANDARD_HINT, StandardError } from './errors';
import { issuesOf } from './issues';
import { limitIssues, nonFiniteIssues } from './limits';
import { readStandardFile } from './read';
import { ResolvedStandard } from './resolved';
import { validatorFor } from './schema';
import type { Standard } from './types';

/** Absolute path of the standard's JSON Schema, in the repository and in an installed package alike. */
export const STANDARD_SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'policies', 'standard.schema.json');
/** Absolute path of the shipped standard (`cdk-api-guardrails/standards/default.json`). */
export const DEFAULT_STANDARD_FILE = path.resolve(__dirname, '..', '..', 'policies', 'standards', 'default.json');

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
 * The shipped standard (`cdk-api-guardrails/standards/default.json`). Each call returns a fresh copy.
 * Not schema-validated at runtime (it cannot change after release); the repository's tests validate it
 * with the same loader as user files.
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
    fix: `Pass the path of a .json/.yaml/.yml standard file, or a Standard object. ${OWN_STANDARD_HINT}.`,
  });
}

/** Validate parsed data against the schema specialised for `rules` and the declared tiers; fill defaults. */
function validateStandard(data: unknown, rules: readonly AnyRule[], file?: string): Standard {
  const validate = validatorFor(rules, declaredTiers(data));
  let issues = nonFiniteIssues(data);
  if (issues.length === 0) {
    issues = validate(data) ? limitIssues(withDefaults(data), rules) : issuesOf(validate.errors ?? [], data, rules);
  }
  if (issues.length > 0) {
    throw new StandardError({
      code: 'E_STANDARD_INVALID',
      file,
      summary: `${file ? `standard "${file}"` : 'the standard'} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:`,
      fix: `Correct each value listed above; the allowed shape is described by the package's standard.schema.json (${path.relative(process.cwd(), STANDARD_SCHEMA_FILE) || STANDARD_SCHEMA_FILE}).`,
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
