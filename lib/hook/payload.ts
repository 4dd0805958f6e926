import type { HookPayload } from './contract';

/** The stack or change-set payload could not be read; the handler turns this into an `unknown` finding. */
export class PayloadError extends Error {
  constructor(
    readonly code: 'E_HOOK_PAYLOAD_FETCH' | 'E_HOOK_PAYLOAD_PARSE' | 'E_HOOK_PAYLOAD_MISSING',
    readonly what: string,
    readonly fix: string,
  ) {
    super(`${code}: ${what}. ${fix}`);
    this.name = 'PayloadError';
  }
}

export interface FetchPayloadOptions {
  /** Give up after this many ms (the hook has 30 s in all). @default 10000 */
  readonly timeoutMs?: number;
}

/** Largest payload read: CloudFormation templates are at most 1 MB; a payload adds the previous one. */
const MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

/** Fetch the JSON object behind a stack or change-set request's presigned `payload` URL (https, or http). */
export async function fetchPayload(url: string | undefined, options: FetchPayloadOptions = {}): Promise<HookPayload> {
  if (!url) {
    throw new PayloadError(
      'E_HOOK_PAYLOAD_MISSING',
      'the request has no requestData.payload URL, so the template cannot be read',
      'Target the hook at STACK and CHANGE_SET operations as documented; this request shape is not one of them',
    );
  }
  if (!/^https?:\/\//i.test(url)) {
    throw new PayloadError(
      'E_HOOK_PAYLOAD_FETCH',
      `requestData.payload is not an http(s) URL (received "${url.slice(0, 80)}")`,
      'The hook expects the presigned S3 URL CloudFormation sends',
    );
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      throw new PayloadError(
        'E_HOOK_PAYLOAD_FETCH',
        `reading the payload URL returned HTTP ${response.status}`,
        'The presigned URL may have expired: retry the stack operation',
      );
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_PAYLOAD_BYTES) {
      throw new PayloadError(
        'E_HOOK_PAYLOAD_FETCH',
        `the payload is ${declared} bytes, more than the ${MAX_PAYLOAD_BYTES} the hook reads`,
        'CloudFormation templates are at most 1 MB; check what the URL points at',
      );
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof PayloadError) throw error;
    const name = (error as Error).name;
    throw new PayloadError(
      'E_HOOK_PAYLOAD_FETCH',
      name === 'TimeoutError'
        ? `reading the payload URL took longer than ${timeoutMs} ms`
        : `reading the payload URL failed (${(error as Error).message})`,
      'Retry the stack operation; if it keeps failing, check that the hook function can reach Amazon S3',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PayloadError(
      'E_HOOK_PAYLOAD_PARSE',
      `the payload is not JSON (${(error as Error).message})`,
      'The payload must be the JSON object CloudFormation writes ({ "template": ..., ... })',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PayloadError(
      'E_HOOK_PAYLOAD_PARSE',
      `the payload is JSON but not an object (received ${Array.isArray(parsed) ? 'a list' : typeof parsed})`,
      'The payload must be the JSON object CloudFormation writes ({ "template": ..., ... })',
    );
  }
  return parsed as HookPayload;
}
