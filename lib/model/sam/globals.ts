import { clone, isIntrinsic, isRecord, record, type Json } from './common';

/** Globals section name → the SAM resource type it applies to. */
const SECTIONS: Record<string, string> = {
  Api: 'AWS::Serverless::Api',
  HttpApi: 'AWS::Serverless::HttpApi',
  Function: 'AWS::Serverless::Function',
  WebSocketApi: 'AWS::Serverless::WebSocketApi',
};

/**
 * SAM's merge of a global value into a resource's own: maps merge key by key (the resource wins), lists
 * are the global items followed by the resource's, anything else (strings, intrinsics) is the resource's.
 */
export function mergeGlobal(global: unknown, local: unknown): unknown {
  if (local === undefined) return clone(global);
  const globalMap = isRecord(global) && !isIntrinsic(global);
  const localMap = isRecord(local) && !isIntrinsic(local);
  if (globalMap && localMap) {
    const out: Json = clone(global);
    for (const [key, value] of Object.entries(local)) out[key] = mergeGlobal(out[key], value);
    return out;
  }
  if (Array.isArray(global) && Array.isArray(local)) return [...clone(global), ...local];
  return local;
}

/** Apply the template's Globals to every SAM resource of the types they cover (in place on a copy of Resources). */
export function applyGlobals(resources: Record<string, Json>, globals: unknown): void {
  for (const [section, values] of Object.entries(record(globals))) {
    const type = SECTIONS[section];
    if (!type || !isRecord(values)) continue;
    for (const resource of Object.values(resources)) {
      if (resource.Type !== type) continue;
      resource.Properties = mergeGlobal(values, isRecord(resource.Properties) ? resource.Properties : {});
    }
  }
}
