import { isRecord, record, type Json } from './common';

const VERBS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method']);

/** A value, or the branches of `{ Fn::If: [condition, a, b] }` that are maps (SAM's get_conditional_contents). */
function conditionalContents(value: unknown): Json[] {
  if (!isRecord(value)) return [];
  const branches = value['Fn::If'];
  if (Array.isArray(branches) && Object.keys(value).length === 1) return branches.slice(1).filter(isRecord);
  return [value];
}

/** SAM's method names in an OpenAPI document: lower case, `any` → x-amazon-apigateway-any-method. */
export function normalizeMethod(method: unknown): string {
  const lower = String(method).toLowerCase();
  return lower === 'any' ? 'x-amazon-apigateway-any-method' : lower;
}

/** The swagger/OpenAPI document of one API being generated (SAM's SwaggerEditor, the parts we need). */
export class SwaggerDoc {
  constructor(
    readonly doc: Json,
    private readonly schemesKey: 'securityDefinitions' | 'securitySchemes' = 'securityDefinitions',
  ) {
    if (!isRecord(doc.paths)) doc.paths = {};
  }

  static skeleton(): SwaggerDoc {
    return new SwaggerDoc({ swagger: '2.0', info: { version: '1.0', title: { Ref: 'AWS::StackName' } }, paths: {} });
  }

  get paths(): Json {
    return this.doc.paths as Json;
  }

  /** The method object at path/verb, created when missing. */
  method(path: string, verb: string): Json {
    const item = isRecord(this.paths[path]) ? (this.paths[path] as Json) : {};
    this.paths[path] = item;
    const method = isRecord(item[verb]) ? (item[verb] as Json) : {};
    item[verb] = method;
    return method;
  }

  hasMethod(path: string, verb: string): boolean {
    return isRecord(record(this.paths[path])[verb]);
  }

  /** Every method object of every path item (both branches of an Fn::If path item or method), with its verb. */
  *methods(): Generator<[string, Json]> {
    for (const item of Object.values(this.paths))
      for (const contents of conditionalContents(item))
        for (const [verb, raw] of Object.entries(contents)) {
          if (!VERBS.has(verb)) continue;
          for (const method of conditionalContents(raw)) yield [verb, method];
        }
  }

  /** Verbs of one path (for CORS Allow-Methods). */
  verbs(path: string): string[] {
    return Object.keys(record(this.paths[path])).filter((verb) => VERBS.has(verb));
  }

  addScheme(name: string, scheme: Json): void {
    const holder = this.schemesKey === 'securityDefinitions' ? this.doc : this.components();
    const schemes = record(holder[this.schemesKey]);
    holder[this.schemesKey] = schemes;
    if (!isRecord(schemes[name])) schemes[name] = scheme;
  }

  components(): Json {
    const components = record(this.doc.components);
    this.doc.components = components;
    return components;
  }
}
