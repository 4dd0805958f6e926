import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeState, Wire } from './state';

export type Service = 'apigateway' | 'apigatewayv2' | 'wafv2' | 'logs';

/** One request the fake received, for assertions (e.g. the IAM policy test). */
export interface RecordedRequest {
  readonly service: Service;
  /** SDK operation name, e.g. GetStages. */
  readonly operation: string;
  readonly method: string;
  /** URL path (decoded), for REST-JSON services. */
  readonly path: string;
  readonly query: Record<string, string>;
  /** Parsed JSON body, for JSON 1.1 services. */
  readonly body?: Wire;
}

export interface Fault {
  readonly service?: Service;
  readonly operation: string;
  readonly kind: 'throttle' | 'server-error' | 'deny';
  /** How many matching requests fail; then the fault is spent. @default Infinity */
  times?: number;
  /** Only requests whose path (REST) or body (JSON) contains this text. */
  readonly contains?: string;
}

export interface FakeOptions {
  /** Largest page the fake returns, whatever limit the client asks for. @default 1000 */
  readonly pageSize?: number;
  /** Added latency per request, in ms. @default 0 */
  readonly latencyMs?: number;
  readonly faults?: Fault[];
}

export interface FakeAws {
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** Most requests in flight at once. */
  readonly maxInFlight: () => number;
  readonly state: FakeState;
  close(): Promise<void>;
}

const JSON11_TARGETS: Record<string, Service> = { AWSWAF_20190729: 'wafv2', Logs_20140328: 'logs' };

/** Start the fake on 127.0.0.1 with a random port. */
export async function startFakeAws(state: FakeState, options: FakeOptions = {}): Promise<FakeAws> {
  const requests: RecordedRequest[] = [];
  const faults = (options.faults ?? []).map((f) => ({ ...f, times: f.times ?? Infinity }));
  const pageSize = options.pageSize ?? 1000;
  let inFlight = 0;
  let maxInFlight = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const finish = (): void => {
        inFlight--;
      };
      const respond = (): void => {
        try {
          handle(req, res, Buffer.concat(chunks).toString('utf8'));
        } catch (error) {
          send(res, 500, { 'x-amzn-ErrorType': 'InternalFailure' }, { message: String(error) });
        } finally {
          finish();
        }
      };
      if (options.latencyMs) setTimeout(respond, options.latencyMs);
      else respond();
    });
  });

  function handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams.entries());
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target) {
      const [prefix, operation] = target.split('.');
      const service = JSON11_TARGETS[prefix];
      const body = text ? (JSON.parse(text) as Wire) : {};
      const recorded: RecordedRequest = {
        service,
        operation,
        method: req.method ?? 'POST',
        path: url.pathname,
        query,
        body,
      };
      requests.push(recorded);
      if (injectFault(recorded, res, text, 'json')) return;
      return service === 'wafv2' ? wafv2(operation, body, res) : logs(operation, body, res);
    }
    const path = decodeURIComponent(url.pathname);
    const service: Service = path.startsWith('/v2/') ? 'apigatewayv2' : 'apigateway';
    const route = service === 'apigateway' ? restRoute(path) : v2Route(path.slice(3));
    const recorded: RecordedRequest = {
      service,
      operation: route?.operation ?? 'Unknown',
      method: req.method ?? 'GET',
      path,
      query,
    };
    requests.push(recorded);
    if (req.method !== 'GET')
      return send(
        res,
        400,
        { 'x-amzn-ErrorType': 'BadRequestException' },
        { message: `the fake only serves GET, received ${req.method}` },
      );
    if (!route) return send(res, 404, { 'x-amzn-ErrorType': 'NotFoundException' }, { message: `no route for ${path}` });
    if (injectFault(recorded, res, path, 'rest')) return;
    const result = route.answer(query);
    if (result === undefined)
      return send(res, 404, { 'x-amzn-ErrorType': 'NotFoundException' }, { message: `Invalid identifier in ${path}` });
    send(res, 200, {}, result);
  }

  function injectFault(
    request: RecordedRequest,
    res: ServerResponse,
    haystack: string,
    protocol: 'rest' | 'json',
  ): boolean {
    const fault = faults.find(
      (f) =>
        f.times > 0 &&
        f.operation === request.operation &&
        (!f.service || f.service === request.service) &&
        (!f.contains || haystack.includes(f.contains)),
    );
    if (!fault) return false;
    fault.times--;
    const json = protocol === 'json';
    if (fault.kind === 'throttle') {
      const name = json ? 'ThrottlingException' : 'TooManyRequestsException';
      sendError(res, json ? 400 : 429, name, 'Rate exceeded', json);
    } else if (fault.kind === 'server-error') {
      sendError(res, 503, 'ServiceUnavailableException', 'Service is unavailable', json);
    } else {
      const message = `User: arn:aws:sts::123456789012:assumed-role/auditor/session is not authorized to perform: ${request.service}:${request.operation}`;
      sendError(res, json ? 400 : 403, 'AccessDeniedException', message, json);
    }
    return true;
  }

  /** One page of `items` from the token in `query[tokenName]`, capped at the fake's page size. */
  function page(items: Wire[], token: string | undefined, limit: string | undefined): { slice: Wire[]; next?: string } {
    const start = token ? Number(token.replace(/^p/, '')) : 0;
    const size = Math.min(pageSize, limit ? Number(limit) : 25);
    const slice = items.slice(start, start + size);
    return start + size < items.length ? { slice, next: `p${start + size}` } : { slice };
  }

  function restList(items: Wire[], query: Record<string, string>): Wire {
    const { slice, next } = page(items, query.position, query.limit);
    return { item: slice, ...(next ? { position: next } : {}) };
  }

  function v2List(items: Wire[], query: Record<string, string>): Wire {
    const { slice, next } = page(items, query.nextToken, query.maxResults);
    return { items: slice, ...(next ? { nextToken: next } : {}) };
  }

  type Route = { operation: string; answer: (query: Record<string, string>) => Wire | undefined };

  function restRoute(path: string): Route | undefined {
    const parts = path.split('/').filter(Boolean);
    const api = (id: string): FakeState['restApis'][number] | undefined => state.restApis.find((a) => a.api.id === id);
    if (parts[0] === 'restapis' && parts.length === 1)
      return {
        operation: 'GetRestApis',
        answer: (q) =>
          restList(
            state.restApis.map((a) => a.api),
            q,
          ),
      };
    if (parts[0] === 'restapis' && parts.length === 3) {
      const id = parts[1];
      switch (parts[2]) {
        case 'stages':
          // GetStages is not paginated.
          return { operation: 'GetStages', answer: () => (api(id) ? { item: api(id)?.stages } : undefined) };
        case 'resources':
          return {
            operation: 'GetResources',
            answer: (q) => {
              const found = api(id);
              if (!found) return undefined;
              const embed = (q.embed ?? '').split(',').includes('methods');
              const resources = embed
                ? found.resources
                : found.resources.map((r) => ({
                    ...r,
                    resourceMethods: Object.fromEntries(
                      Object.keys((r.resourceMethods as Wire) ?? {}).map((m) => [m, {}]),
                    ),
                  }));
              return restList(resources, q);
            },
          };
        case 'authorizers':
          return {
            operation: 'GetAuthorizers',
            answer: (q) => (api(id) ? restList(api(id)?.authorizers ?? [], q) : undefined),
          };
        case 'requestvalidators':
          return {
            operation: 'GetRequestValidators',
            answer: (q) => (api(id) ? restList(api(id)?.validators ?? [], q) : undefined),
          };
        case 'models':
          return { operation: 'GetModels', answer: (q) => (api(id) ? restList(api(id)?.models ?? [], q) : undefined) };
        case 'gatewayresponses':
          return {
            operation: 'GetGatewayResponses',
            answer: (q) => (api(id) ? restList(api(id)?.gatewayResponses ?? [], q) : undefined),
          };
      }
      return undefined;
    }
    if (parts[0] === 'usageplans' && parts.length === 1)
      return { operation: 'GetUsagePlans', answer: (q) => restList(state.usagePlans, q) };
    if (parts[0] === 'domainnames' && parts.length === 1)
      return {
        operation: 'GetDomainNames',
        answer: (q) =>
          restList(
            state.restDomains.map((d) => d.domain),
            q,
          ),
      };
    if (parts[0] === 'domainnames' && parts[2] === 'basepathmappings') {
      return {
        operation: 'GetBasePathMappings',
        answer: (q) => {
          const d = state.restDomains.find((x) => x.domain.domainName === parts[1]);
          return d ? restList(d.mappings, q) : undefined;
        },
      };
    }
    if (parts[0] === 'account' && parts.length === 1) return { operation: 'GetAccount', answer: () => state.account };
    return undefined;
  }

  function v2Route(path: string): Route | undefined {
    const parts = path.split('/').filter(Boolean);
    const api = (id: string): FakeState['v2Apis'][number] | undefined => state.v2Apis.find((a) => a.api.apiId === id);
    if (parts[0] === 'apis' && parts.length === 1)
      return {
        operation: 'GetApis',
        answer: (q) =>
          v2List(
            state.v2Apis.map((a) => a.api),
            q,
          ),
      };
    if (parts[0] === 'apis' && parts.length === 3) {
      const key = (
        { stages: 'stages', routes: 'routes', authorizers: 'authorizers', integrations: 'integrations' } as const
      )[parts[2] as 'stages'];
      if (!key) return undefined;
      const operation = `Get${parts[2][0].toUpperCase()}${parts[2].slice(1)}`;
      return {
        operation,
        answer: (q) => {
          const a = api(parts[1]);
          return a ? v2List(a[key], q) : undefined;
        },
      };
    }
    if (parts[0] === 'domainnames' && parts.length === 1)
      return {
        operation: 'GetDomainNames',
        answer: (q) =>
          v2List(
            state.v2Domains.map((d) => d.domain),
            q,
          ),
      };
    if (parts[0] === 'domainnames' && parts[2] === 'apimappings') {
      return {
        operation: 'GetApiMappings',
        answer: (q) => {
          const d = state.v2Domains.find((x) => x.domain.domainName === parts[1]);
          return d ? v2List(d.mappings, q) : undefined;
        },
      };
    }
    return undefined;
  }

  function wafv2(operation: string, body: Wire, res: ServerResponse): void {
    if (operation === 'GetWebACL') {
      const entry = Object.values(state.webAcls).find((w) => w.webAcl.Name === body.Name && w.webAcl.Id === body.Id);
      if (!entry)
        return sendError(res, 400, 'WAFNonexistentItemException', 'The referenced item does not exist.', true);
      return send(res, 200, {}, { WebACL: entry.webAcl, LockToken: 'token' }, true);
    }
    if (operation === 'GetLoggingConfiguration') {
      const entry = state.webAcls[String(body.ResourceArn)];
      if (!entry?.logging)
        return sendError(res, 400, 'WAFNonexistentItemException', 'The referenced item does not exist.', true);
      return send(res, 200, {}, { LoggingConfiguration: entry.logging }, true);
    }
    sendError(res, 400, 'UnknownOperationException', `the fake does not serve ${operation}`, true);
  }

  function logs(operation: string, body: Wire, res: ServerResponse): void {
    if (operation !== 'DescribeLogGroups')
      return sendError(res, 400, 'UnknownOperationException', `the fake does not serve ${operation}`, true);
    const prefix = String(body.logGroupNamePrefix ?? '');
    const matching = state.logGroups.filter((g) => String(g.logGroupName).startsWith(prefix));
    const { slice, next } = page(
      matching,
      body.nextToken as string | undefined,
      body.limit === undefined ? '50' : String(body.limit),
    );
    send(res, 200, {}, { logGroups: slice, ...(next ? { nextToken: next } : {}) }, true);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    state,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
  json11 = false,
): void {
  res.writeHead(status, { 'content-type': json11 ? 'application/x-amz-json-1.1' : 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, name: string, message: string, json11: boolean): void {
  if (json11) send(res, status, {}, { __type: name, message }, true);
  else send(res, status, { 'x-amzn-ErrorType': name }, { message });
}
