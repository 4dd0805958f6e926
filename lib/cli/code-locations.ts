import { existsSync, readFileSync } from 'node:fs';
import type { CodeLocation } from '../model/source';

const LOGICAL_ID = 'aws:cdk:logicalId';
const CREATION_STACK = 'aws:cdk:creationStack';

interface MetadataEntry {
  readonly type?: unknown;
  readonly data?: unknown;
  readonly trace?: unknown;
}

/**
 * The line of the CDK app's code that made each resource of a synthesized template, from the stack
 * metadata beside it in the cloud assembly (`<stack>.metadata.json`). CDK records a stack trace there
 * only when stack traces are on (`cdk synth --debug`, or CDK_DEBUG): the `trace` of the resource's
 * `aws:cdk:logicalId` entry, or its `aws:cdk:creationStack` entry. The first frame outside node_modules
 * and Node's own modules is the user's line. Empty when there is no metadata or no trace.
 */
export function codeLocations(templatePath: string): Map<string, CodeLocation> {
  const locations = new Map<string, CodeLocation>();
  const file = templatePath.replace(/\.template\.json$/, '.metadata.json');
  if (file === templatePath || !existsSync(file)) return locations;
  let metadata: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('"trace"') && !text.includes(CREATION_STACK)) return locations;
    metadata = JSON.parse(text);
  } catch {
    return locations; // unreadable metadata only costs the code location: SARIF falls back to the template
  }
  if (typeof metadata !== 'object' || metadata === null) return locations;
  for (const entries of Object.values(metadata as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue;
    const list = entries.filter((e): e is MetadataEntry => typeof e === 'object' && e !== null);
    const logical = list.find((e) => e.type === LOGICAL_ID && typeof e.data === 'string');
    if (!logical) continue;
    const creation = list.find((e) => e.type === CREATION_STACK);
    const location = userFrame(logical.trace) ?? userFrame(creation?.data);
    if (location) locations.set(logical.data as string, location);
  }
  return locations;
}

/** A frame like `at new OrdersStack (/app/lib/orders-stack.ts:12:17)` or `/app/bin/app.ts:5:1`. */
const FRAME = /(?:\(|\s|^)((?:file:\/\/)?(?:\/|[A-Za-z]:[\\/])[^():]*?):(\d+):(\d+)\)?\s*$/;

/** The first frame of a stack trace in the user's own code. */
export function userFrame(trace: unknown): CodeLocation | undefined {
  if (!Array.isArray(trace)) return undefined;
  for (const frame of trace) {
    if (typeof frame !== 'string') continue;
    const match = FRAME.exec(frame.trim());
    if (!match) continue;
    const file = match[1].replace(/^file:\/\//, '');
    if (/[\\/]node_modules[\\/]/.test(file) || file.startsWith('node:')) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
