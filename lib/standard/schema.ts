import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { AnyRule } from '../engine/rule';
import baseSchema from '../../policies/standard.schema.json';
import { StandardError } from './errors';

let ajv: Ajv | undefined;

/**
 * The schema compiler, loaded on first use: the shipped standard needs none, and a plugin or CLI run
 * with the shipped standard should not pay for loading ajv. Code optimisation is off: the schema is
 * compiled once per standard to validate one small document.
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
export function validatorFor(rules: readonly AnyRule[], tiers: string[] | undefined): ValidateFunction {
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
      fix: "Correct `options.schema` in the rule's definition (defineRule) named above.",
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
