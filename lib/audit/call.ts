import { failed, fetched, type Fetched } from '../model/aws/snapshot';
import { AUDIT_CALLS } from './iam-policy';

const DENIED_NAMES = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedException',
  'UnauthorizedOperation',
  'WAFAccessDeniedException',
]);
const NOT_FOUND_NAMES = new Set(['NotFoundException', 'ResourceNotFoundException', 'WAFNonexistentItemException']);
const THROTTLED_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'ThrottledException',
  'Throttling',
  'LimitExceededException',
  'RequestLimitExceeded',
]);

interface SdkErrorLike {
  readonly name?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
}

/** Why a call failed, by what the user can do about it. */
export type FailureKind = 'denied' | 'not-found' | 'throttled' | 'failed';

/** True when the error says the caller lacks permission. */
export function isDenied(error: unknown): boolean {
  return failureKind(error) === 'denied';
}

export function failureKind(error: unknown): FailureKind {
  const e = error as SdkErrorLike;
  const name = e?.name ?? '';
  const status = e?.$metadata?.httpStatusCode;
  if (DENIED_NAMES.has(name) || status === 403) return 'denied';
  if (NOT_FOUND_NAMES.has(name) || status === 404) return 'not-found';
  if (THROTTLED_NAMES.has(name) || status === 429) return 'throttled';
  return 'failed';
}

/** The IAM action that authorizes an SDK operation of the audit (e.g. apigateway:GET for GetStages). */
export function iamActionOf(operation: string): string | undefined {
  return AUDIT_CALLS.find((c) => c.operation === operation)?.action;
}

/**
 * Why a call failed, worded by kind and naming the call: "GetStages denied (needs IAM action
 * apigateway:GET): ...", "GetStages not found: ...", "GetStages throttled after 6 attempts: ...",
 * "GetStages failed (ServiceUnavailableException, 3 attempts): ...".
 */
export function describeFailure(operation: string, error: unknown): string {
  const e = error as SdkErrorLike;
  const message = (e?.message ?? String(error)).replace(/\s+/g, ' ').trim() || '(no message)';
  const attempts = e?.$metadata?.attempts;
  const tries = attempts ? `${attempts} attempt${attempts > 1 ? 's' : ''}` : '';
  switch (failureKind(error)) {
    case 'denied': {
      const action = iamActionOf(operation);
      return `${operation} denied${action ? ` (needs IAM action ${action})` : ''}: ${message}`;
    }
    case 'not-found':
      return `${operation} not found: ${message}`;
    case 'throttled':
      return `${operation} throttled${tries ? ` after ${tries}` : ''}: ${message}`;
    default:
      return `${operation} failed (${e?.name ?? 'Error'}${tries ? `, ${tries}` : ''}): ${message}`;
  }
}

const FAILURE = /\b([A-Z][A-Za-z]+) (denied|not found|throttled|failed)\b/g;

/** The first audit call failure `describeFailure` worded in `text`: the operation and the kind. */
export function failureIn(text: string): { operation: string; kind: string } | undefined {
  for (const [, operation, kind] of text.matchAll(FAILURE)) {
    if (iamActionOf(operation) !== undefined) return { operation, kind };
  }
  return undefined;
}

/** The fix for a failure described by `describeFailure` (found anywhere in `text`), or undefined. */
export function failureFix(text: string): string | undefined {
  const found = failureIn(text);
  if (!found) return undefined;
  const { operation, kind } = found;
  switch (kind) {
    case 'denied': {
      const action = iamActionOf(operation);
      return `Allow ${action ?? 'the action'} for ${operation} to the auditing role (\`api-guardrails iam-policy\` prints the whole read-only policy), then audit again.`;
    }
    case 'not found':
      return `${operation} found nothing: the resource was deleted while the audit ran, or an id or --region is wrong. Check them and audit again.`;
    case 'throttled':
      return `API Gateway throttled ${operation} after the SDK's retries: retry later, or lower --concurrency (default 8).`;
    default:
      return `${operation} kept failing after the SDK's retries: retry the audit; if it persists, check the service health in the region.`;
  }
}

/** Run one call (already retried by the SDK) and keep its failure as data, so the audit carries on. */
export async function attempt<T>(operation: string, run: () => Promise<T>): Promise<Fetched<T>> {
  try {
    return fetched(await run());
  } catch (error) {
    return failed(describeFailure(operation, error));
  }
}
