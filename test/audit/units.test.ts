import { describeFailure, failureFix, isDenied } from '../../lib/audit/call';
import { backoffDelay } from '../../lib/audit/clients';
import { createLimiter } from '../../lib/audit/limit';
import { createProgress } from '../../lib/audit/progress';
import { allPages, PaginationError } from '../../lib/audit/paginate';
import { parseLogGroupArn, parseWebAclArn } from '../../lib/model/aws/arn';
import { parsePolicy } from '../../lib/model/aws/rest-api';
import { parseMethodSettingsKey } from '../../lib/model/aws/rest-stage';
import { splitRouteKey } from '../../lib/model/aws/v2-api';
import { isUnresolved } from '../../lib/model/value';

describe('audit building blocks', () => {
  it('limits concurrency and keeps FIFO order', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          order.push(i);
          await new Promise((r) => setTimeout(r, 2));
          active--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('fails a limiter with a non-positive concurrency, naming the value', () => {
    expect(() => createLimiter(0)).toThrow('E_AUDIT_CONCURRENCY: concurrency must be a positive integer, received 0');
  });

  it('follows page tokens to the end', async () => {
    const pages: Record<string, { items: number[]; next?: string }> = {
      start: { items: [1, 2], next: 'b' },
      b: { items: [3], next: 'c' },
      c: { items: [4] },
    };
    expect(await allPages('List', async (token) => pages[token ?? 'start'])).toEqual([1, 2, 3, 4]);
  });

  it('fails a listing that repeats a page token instead of looping forever', async () => {
    await expect(allPages('GetRestApis', async () => ({ items: [1], next: 'same' }))).rejects.toBeInstanceOf(
      PaginationError,
    );
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, 100, () => 0.999))).toEqual([99, 199, 399, 799]);
    expect(backoffDelay(30, 100, () => 0.999)).toBe(19980);
    expect(backoffDelay(3, 100, () => 0)).toBe(0);
  });

  it('names the call and the reason of a failure', () => {
    const denied = Object.assign(new Error('not authorized'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'TooManyRequestsException',
      $metadata: { httpStatusCode: 429, attempts: 6 },
    });
    expect(isDenied(denied)).toBe(true);
    const missing = Object.assign(new Error('Invalid API identifier specified'), {
      name: 'NotFoundException',
      $metadata: { httpStatusCode: 404, attempts: 1 },
    });
    const broken = Object.assign(new Error('Service is unavailable'), {
      name: 'ServiceUnavailableException',
      $metadata: { httpStatusCode: 503, attempts: 3 },
    });
    expect(isDenied(denied)).toBe(true);
    expect(describeFailure('GetStages', denied)).toBe(
      'GetStages denied (needs IAM action apigateway:GET): not authorized',
    );
    expect(describeFailure('GetStages', throttled)).toBe('GetStages throttled after 6 attempts: Rate exceeded');
    expect(describeFailure('GetStages', missing)).toBe('GetStages not found: Invalid API identifier specified');
    expect(describeFailure('GetStages', broken)).toBe(
      'GetStages failed (ServiceUnavailableException, 3 attempts): Service is unavailable',
    );
  });

  it('gives the fix by kind of failure: the IAM action, the ids, retry or --concurrency', () => {
    expect(failureFix('x: GetWebACL denied (needs IAM action wafv2:GetWebACL): no')).toMatch(
      /^Allow wafv2:GetWebACL for GetWebACL to the auditing role \(`api-guardrails iam-policy`/,
    );
    expect(failureFix('GetStages not found: gone')).toMatch(
      /deleted while the audit ran, or an id or --region is wrong/,
    );
    expect(failureFix('GetStages throttled after 6 attempts: Rate exceeded')).toMatch(/lower --concurrency/);
    expect(failureFix('GetAccount failed (ServiceUnavailableException, 3 attempts): x')).toMatch(
      /^GetAccount kept failing/,
    );
    expect(failureFix('GetStages denied')).not.toMatch(/--concurrency/);
  });

  it('fails to find a call failure in text that names no audit call', () => {
    expect(failureFix('the deployment failed')).toBeUndefined();
    expect(failureFix('Template denied')).toBeUndefined();
  });

  it('reads REST method-settings keys', () => {
    expect(parseMethodSettingsKey('~1orders~1{id}/GET')).toEqual({ path: '/orders/{id}', method: 'GET' });
    expect(parseMethodSettingsKey('orders/post')).toEqual({ path: '/orders', method: 'POST' });
  });

  it('splits v2 route keys', () => {
    expect(splitRouteKey('GET /a/{b}', 'http')).toEqual({ method: 'GET', path: '/a/{b}' });
    expect(splitRouteKey('$default', 'http')).toEqual({ method: 'ANY', path: '$default' });
    expect(splitRouteKey('sendMessage', 'websocket')).toEqual({ method: '', path: 'sendMessage' });
  });

  it('parses REST API policies, escaped or not', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*' }] };
    expect(parsePolicy(JSON.stringify(doc))).toEqual(doc);
    expect(parsePolicy(JSON.stringify(doc).replace(/"/g, '\\"'))).toEqual(doc);
  });

  it('fails a policy that is not JSON as unresolved, never a guess', () => {
    expect(isUnresolved(parsePolicy('{not json'))).toBe(true);
  });

  it('reads log group and web ACL ARNs', () => {
    expect(parseLogGroupArn('arn:aws:logs:eu-west-1:123456789012:log-group:/aws/x:*')).toEqual({
      region: 'eu-west-1',
      accountId: '123456789012',
      name: '/aws/x',
    });
    expect(
      parseLogGroupArn('arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-x'),
    ).toBeUndefined();
    expect(parseWebAclArn('arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/n/i-d')).toEqual({
      region: 'eu-west-1',
      scope: 'REGIONAL',
      name: 'n',
      id: 'i-d',
    });
    expect(parseWebAclArn('arn:aws:waf-regional:eu-west-1:123456789012:webacl/abc')).toBeUndefined();
  });
});

describe('audit progress line', () => {
  it('writes nothing when stderr is not a TTY', () => {
    const chunks: string[] = [];
    const progress = createProgress('audit', { isTTY: false, write: (c) => chunks.push(c) });
    progress.add(3);
    progress.done(3);
    progress.finish();
    expect(chunks).toEqual([]);
  });

  it('draws a counter on a TTY and ends the line', () => {
    const chunks: string[] = [];
    const progress = createProgress('audit', { isTTY: true, write: (c) => chunks.push(c) });
    progress.add(2);
    progress.done();
    progress.done();
    progress.finish();
    expect(chunks[chunks.length - 2]).toBe('\raudit: 2/2');
    expect(chunks[chunks.length - 1]).toBe('\n');
  });
});
