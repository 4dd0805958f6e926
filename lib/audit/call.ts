import { failed, fetched, type Fetched } from '../model/aws/snapshot';

const DENIED_NAMES = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedException',
  'UnauthorizedOperation',
  'WAFAccessDeniedException',
]);

interface SdkErrorLike {
  readonly name?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
}

/** True when the error says the caller lacks permission. */
export function isDenied(error: unknown): boolean {
  const e = error as SdkErrorLike;
  return DENIED_NAMES.has(e?.name ?? '') || e?.$metadata?.httpStatusCode === 403;
}

/** Why a call failed, naming it: "GetStages denied: ..." or "GetStages failed (ServiceUnavailable, 6 attempts): ...". */
export function describeFailure(operation: string, error: unknown): string {
  const e = error as SdkErrorLike;
  const message = (e?.message ?? String(error)).trim() || '(no message)';
  if (isDenied(error)) return `${operation} denied: ${message}`;
  const attempts = e?.$metadata?.attempts;
  return `${operation} failed (${e?.name ?? 'Error'}${attempts ? `, ${attempts} attempt${attempts > 1 ? 's' : ''}` : ''}): ${message}`;
}

/** Run one call (already retried by the SDK) and keep its failure as data, so the audit carries on. */
export async function attempt<T>(operation: string, run: () => Promise<T>): Promise<Fetched<T>> {
  try {
    return fetched(await run());
  } catch (error) {
    return failed(describeFailure(operation, error));
  }
}
