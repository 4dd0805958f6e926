/** One page of a list call: its items and the token for the next page (position / NextToken / nextToken). */
export interface Page<T> {
  readonly items?: T[];
  readonly next?: string;
}

export class PaginationError extends Error {
  readonly code = 'E_AUDIT_PAGINATION';
  constructor(operation: string, token: string) {
    super(
      `${operation} returned the page token "${token}" twice; the listing would never end. Report this to the toolkit maintainers.`,
    );
  }
}

/** Every item of a paginated list call, following its token until the service returns none. */
export async function allPages<T>(
  operation: string,
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...(page.items ?? []));
    token = page.next || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw new PaginationError(operation, token);
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}
