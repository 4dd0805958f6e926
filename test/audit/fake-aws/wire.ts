import type { ServerResponse } from 'node:http';
import type { Wire } from './state';

export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
  json11 = false,
): void {
  res.writeHead(status, { 'content-type': json11 ? 'application/x-amz-json-1.1' : 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, status: number, name: string, message: string, json11: boolean): void {
  if (json11) send(res, status, {}, { __type: name, message }, true);
  else send(res, status, { 'x-amzn-ErrorType': name }, { message });
}

/** One page of `items` from `token`, capped at the fake's page size. */
export function page(
  items: Wire[],
  token: string | undefined,
  limit: string | undefined,
  pageSize: number,
): { slice: Wire[]; next?: string } {
  const start = token ? Number(token.replace(/^p/, '')) : 0;
  const size = Math.min(pageSize, limit ? Number(limit) : 25);
  const slice = items.slice(start, start + size);
  return start + size < items.length ? { slice, next: `p${start + size}` } : { slice };
}

/** A REST API (v1) list page: `item` and `position`. */
export function restList(items: Wire[], query: Record<string, string>, pageSize: number): Wire {
  const { slice, next } = page(items, query.position, query.limit, pageSize);
  return { item: slice, ...(next ? { position: next } : {}) };
}

/** An API Gateway v2 list page: `items` and `nextToken`. */
export function v2List(items: Wire[], query: Record<string, string>, pageSize: number): Wire {
  const { slice, next } = page(items, query.nextToken, query.maxResults, pageSize);
  return { items: slice, ...(next ? { nextToken: next } : {}) };
}
