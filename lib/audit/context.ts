import type { Fetched } from '../model/aws/snapshot';
import { attempt } from './call';
import type { AuditClients } from './clients';
import type { Limiter } from './limit';
import { allPages, type Page } from './paginate';
import type { Progress } from './progress';

/** What every collector shares: the clients, the request limiter and the progress line. */
export interface CollectContext {
  readonly clients: AuditClients;
  readonly limit: Limiter;
  readonly progress: Progress;
}

/** One bounded, SDK-retried call whose failure is kept as data. */
export function one<T>(ctx: CollectContext, operation: string, run: () => Promise<T>): Promise<Fetched<T>> {
  return attempt(operation, () => ctx.limit(run));
}

/** A paginated list call: every page through the limiter, the whole series as one Fetched. */
export async function list<T>(
  ctx: CollectContext,
  operation: string,
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
): Promise<Fetched<T[]>> {
  return attempt(operation, () => allPages(operation, (token) => ctx.limit(() => fetchPage(token))));
}
