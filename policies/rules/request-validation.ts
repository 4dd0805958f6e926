import { defineRule } from '../../lib/engine/rule';
import type { RuleContext } from '../../lib/engine/rule';
import type { Api, Operation } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** HTTP methods whose requests carry a body that must be validated against a model. */
  readonly bodyMethods: string[];
  /** Request models must close every object schema with `additionalProperties: false` (mass assignment, API3). */
  readonly requireClosedModels: boolean;
}

/** Models API Gateway provides that validate nothing useful. */
const PERMISSIVE_BUILT_IN_MODELS = ['Empty', 'Error'];

export default defineRule<'operation', Options>({
  id: 'request-validation',
  title: 'REST methods validate request bodies and required parameters',
  rationale:
    'Validation at the gateway rejects malformed or oversized input before it reaches the backend, and a closed schema stops ' +
    'clients from setting properties they should not (mass assignment).',
  fix: {
    cdk:
      'SecureRestApi validates bodies and parameters on every method by default (add `requestModels` with a ' +
      '`Model` whose schema sets `additionalProperties: false`); on a plain RestApi use ' +
      '`requestValidatorOptions: { validateRequestBody: true, validateRequestParameters: true }` with such ' +
      'models.',
    cloudFormation:
      'RequestValidatorId and RequestModels on AWS::ApiGateway::Method (OpenAPI: ' +
      'x-amazon-apigateway-request-validator and a requestBody $ref).',
    sam:
      '`RequestModel: { Model, Required: true, ValidateBody: true }` and required `RequestParameters` on ' +
      'each Api event, with the model under `Models` of AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API3:2023', 'API8:2023'],
  controls: { nist80053: ['SI-10'], pciDss4: ['6.2.4'] },
  references: { cdkNag: 'AwsSolutions-APIG2', checkov: 'CKV2_AWS_53' },
  appliesTo: { subject: 'operation', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        bodyMethods: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
        requireClosedModels: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { bodyMethods: ['POST', 'PUT', 'PATCH', 'ANY'], requireClosedModels: false },
  },
  check(op, ctx) {
    const api = ctx.api;
    if (!api) return ctx.skip();
    const takesBody = ctx.options.bodyMethods.map((m) => m.toUpperCase()).includes(op.method);
    // Path parameters are always present once routing matched; header and query parameters can be required.
    const requiredParams = Object.entries(op.requestParameters).filter(
      ([name]) => !/^method\.request\.path\./i.test(name),
    );
    const unresolvedParam = requiredParams.find(([, required]) => isUnresolved(required));
    if (unresolvedParam)
      return ctx.unknown(`Whether request parameter ${unresolvedParam[0]} is required is unresolved.`);
    const takesParams = requiredParams.some(([, required]) => required === true);
    if (!takesBody && !takesParams) return ctx.skip();

    const where = `${op.method} ${op.path}`;
    if (op.validator === undefined) {
      const what = [takesBody ? 'a body' : '', takesParams ? 'required parameters' : ''].filter(Boolean).join(' and ');
      return ctx.fail(`Method ${where} takes ${what} but has no request validator.`, {
        location: 'Properties.RequestValidatorId',
      });
    }
    const validator = ctx.need(op.validator, `the request validator of ${where}`);
    if (takesParams && !ctx.need(validator.validateParameters, 'whether the validator checks parameters')) {
      ctx.fail(`Method ${where} has required parameters but its validator does not validate parameters.`, {
        location: 'Properties.RequestValidatorId',
      });
    }
    if (!takesBody) return;
    if (!ctx.need(validator.validateBody, 'whether the validator checks the body')) {
      return ctx.fail(`Method ${where} takes a body but its validator does not validate the body.`, {
        location: 'Properties.RequestValidatorId',
      });
    }
    checkModels(op, api, ctx, where);
  },
});

function checkModels(op: Operation, api: Api, ctx: RuleContext<Options>, where: string): void {
  const entries = Object.entries(op.requestModels);
  if (entries.length === 0) {
    return ctx.fail(`Method ${where} validates the body but declares no request model, so any body passes.`, {
      location: 'Properties.RequestModels',
    });
  }
  for (const [contentType, modelName] of entries) {
    if (isUnresolved(modelName)) {
      ctx.unknown(`The request model for ${contentType} is unresolved (${modelName.because}).`, {
        location: 'Properties.RequestModels',
      });
      continue;
    }
    if (PERMISSIVE_BUILT_IN_MODELS.includes(modelName)) {
      ctx.fail(
        `Method ${where} validates ${contentType} bodies against the built-in ${modelName} model, which accepts any object.`,
        {
          location: 'Properties.RequestModels',
        },
      );
      continue;
    }
    if (!ctx.options.requireClosedModels) continue;
    const model = api.models.find((m) => m.name === modelName);
    // A model whose name is unresolved (or models that could not be read) may be this one.
    const unnamed = model ? undefined : api.models.find((m) => isUnresolved(m.name))?.name;
    if (isUnresolved(unnamed)) {
      ctx.unknown(`The schema of request model ${modelName} is unknown (${unnamed.because}).`, {
        location: 'Properties.RequestModels',
      });
      continue;
    }
    if (!model) {
      ctx.unknown(`Request model ${modelName} is not in the source, so its schema cannot be checked.`, {
        location: 'Properties.RequestModels',
      });
      continue;
    }
    if (isUnresolved(model.schema)) {
      ctx.unknown(`The schema of model ${modelName} is unresolved (${model.schema.because}).`, {
        source: model.source,
        location: 'Properties.Schema',
      });
      continue;
    }
    const open = openObjects(model.schema, '#');
    if (open.length) {
      ctx.fail(
        `Model ${modelName} leaves ${open.join(', ')} open (no additionalProperties: false), so clients can send extra properties.`,
        {
          source: model.source,
          location: 'Properties.Schema',
        },
      );
    }
  }
}

/** JSON pointers of object schemas that do not set additionalProperties: false. */
function openObjects(schema: unknown, pointer: string, depth = 0): string[] {
  if (depth > 32 || typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [];
  const node = schema as Record<string, unknown>;
  const out: string[] = [];
  const isObject =
    node.type === 'object' ||
    (Array.isArray(node.type) && node.type.includes('object')) ||
    (node.type === undefined && node.properties !== undefined);
  if (isObject && node.additionalProperties !== false && node.$ref === undefined) out.push(pointer);
  for (const key of ['properties', 'definitions', '$defs', 'patternProperties']) {
    const children = node[key];
    if (typeof children !== 'object' || children === null) continue;
    for (const [name, child] of Object.entries(children))
      out.push(...openObjects(child, `${pointer}/${key}/${name}`, depth + 1));
  }
  for (const key of ['items', 'additionalProperties', 'not']) {
    if (typeof node[key] === 'object') out.push(...openObjects(node[key], `${pointer}/${key}`, depth + 1));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[key];
    if (Array.isArray(list))
      list.forEach((child, i) => out.push(...openObjects(child, `${pointer}/${key}/${i}`, depth + 1)));
  }
  return out;
}
