import type { ServerResponse } from 'node:http';
import type { FakeState, Wire } from './state';
import { page, send, sendError } from './wire';

/** WAFv2 (JSON 1.1): GetWebACL, GetLoggingConfiguration and GetIPSet. */
export function wafv2(state: FakeState, operation: string, body: Wire, res: ServerResponse): void {
  if (operation === 'GetWebACL') {
    const entry = Object.values(state.webAcls).find((w) => w.webAcl.Name === body.Name && w.webAcl.Id === body.Id);
    if (!entry) return sendError(res, 400, 'WAFNonexistentItemException', 'The referenced item does not exist.', true);
    return send(res, 200, {}, { WebACL: entry.webAcl, LockToken: 'token' }, true);
  }
  if (operation === 'GetLoggingConfiguration') {
    const entry = state.webAcls[String(body.ResourceArn)];
    if (!entry?.logging)
      return sendError(res, 400, 'WAFNonexistentItemException', 'The referenced item does not exist.', true);
    return send(res, 200, {}, { LoggingConfiguration: entry.logging }, true);
  }
  if (operation === 'GetIPSet') {
    const set = Object.values(state.ipSets ?? {}).find((s) => s.Name === body.Name && s.Id === body.Id);
    if (!set) return sendError(res, 400, 'WAFNonexistentItemException', 'The referenced item does not exist.', true);
    return send(res, 200, {}, { IPSet: set, LockToken: 'token' }, true);
  }
  sendError(res, 400, 'UnknownOperationException', `the fake does not serve ${operation}`, true);
}

/** CloudWatch Logs (JSON 1.1): DescribeLogGroups by prefix, paginated. */
export function logs(state: FakeState, operation: string, body: Wire, res: ServerResponse, pageSize: number): void {
  if (operation !== 'DescribeLogGroups')
    return sendError(res, 400, 'UnknownOperationException', `the fake does not serve ${operation}`, true);
  const prefix = String(body.logGroupNamePrefix ?? '');
  const matching = state.logGroups.filter((g) => String(g.logGroupName).startsWith(prefix));
  const { slice, next } = page(
    matching,
    body.nextToken as string | undefined,
    body.limit === undefined ? '50' : String(body.limit),
    pageSize,
  );
  send(res, 200, {}, { logGroups: slice, ...(next ? { nextToken: next } : {}) }, true);
}

/** Cognito user pools (JSON 1.1): DescribeUserPool. */
export function cognito(state: FakeState, operation: string, body: Wire, res: ServerResponse): void {
  if (operation !== 'DescribeUserPool' && operation !== 'GetUserPoolMfaConfig')
    return sendError(res, 400, 'UnknownOperationException', `the fake does not serve ${operation}`, true);
  const id = String(body.UserPoolId);
  const pool = state.userPools?.[id];
  if (!pool) return sendError(res, 400, 'ResourceNotFoundException', 'User pool does not exist.', true);
  if (operation === 'GetUserPoolMfaConfig') {
    return send(res, 200, {}, state.userPoolMfa?.[id] ?? { MfaConfiguration: pool.MfaConfiguration }, true);
  }
  send(res, 200, {}, { UserPool: pool }, true);
}
