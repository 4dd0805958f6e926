import { createHash } from 'crypto';
import { unresolved, type Unresolved } from '../value';

export type Json = Record<string, unknown>;

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

/** A value that is one CloudFormation intrinsic (`{ Ref }`, `{ Fn::... }`): SAM treats it as opaque. */
export function isIntrinsic(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::') || keys[0] === 'Condition');
}

/** The logical id a `RestApiId` / `ApiId` names: `!Ref X` or a plain string. */
export function refTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.Ref === 'string' && Object.keys(value).length === 1) return value.Ref;
  return undefined;
}

/** SAM's LogicalIdGenerator: prefix + the first 10 hex digits of the SHA-1 of the data (JSON for non-strings). */
export function logicalIdHash(data: unknown): string {
  if (data === undefined || data === null || data === '') return '';
  const text = typeof data === 'string' ? data : stableJson(data);
  return createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 10);
}

/** JSON with sorted keys and no spaces (Python's json.dumps(sort_keys=True, separators=(",", ":"))). */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** An unknown value that names the SAM resource and property the builder does not model. */
export function notModelled(
  logicalId: string,
  property: string,
  why = 'is not modelled by the SAM builder',
): Unresolved {
  return unresolved(`SAM property ${property} of ${logicalId} ${why}`);
}

/** Deep copy of plain JSON (SAM inputs are edited while generating, never the caller's template). */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** SAM resolves `{ Ref: Parameter }` to the parameter's Default in some properties (Auth, CorsConfiguration) before using them. */
export function resolveParameterRefs(value: unknown, parameters: Json): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveParameterRefs(item, parameters));
  if (!isRecord(value)) return value;
  const name = refTarget(value);
  if (name !== undefined && isRecord(value) && 'Ref' in value) {
    const definition = record(parameters[name]);
    return definition.Default !== undefined ? definition.Default : value;
  }
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) out[key] = resolveParameterRefs(item, parameters);
  return out;
}

/** A DefinitionBody SAM cannot edit: an intrinsic (`Fn::Transform: AWS::Include`, `Fn::If`) or not a map. */
export function isOpaqueBody(body: unknown): boolean {
  return body !== undefined && (!isRecord(body) || isIntrinsic(body));
}
