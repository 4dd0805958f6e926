import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudFront } from './cloudfront';
import { injectFault } from './faults';
import { cognito, logs, wafv2 } from './json-services';
import { restRoute, v2Route } from './routes';
import type { FakeState, Wire } from './state';
import type { FakeAws, FakeOptions, RecordedRequest, Service } from './types';
import { send } from './wire';

export type { FakeAws, FakeOptions, Fault, RecordedRequest, Service } from './types';

const JSON11_TARGETS: Record<string, Service> = {
  AWSWAF_20190729: 'wafv2',
  Logs_20140328: 'logs',
  AWSCognitoIdentityProviderService: 'cognito',
};

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
      if (injectFault(faults, recorded, res, text, 'json')) return;
      if (service === 'cognito') return cognito(state, operation, body, res);
      return service === 'wafv2' ? wafv2(state, operation, body, res) : logs(state, operation, body, res, pageSize);
    }
    const path = decodeURIComponent(url.pathname);
    if (path === '/2020-05-31/distribution') {
      const operation = 'ListDistributions';
      requests.push({ service: 'cloudfront', operation, method: req.method ?? 'GET', path, query });
      const fault = faults.find((f) => f.times > 0 && f.operation === operation);
      if (fault) fault.times--;
      return cloudFront(state, query, res, pageSize, fault);
    }
    const service: Service = path.startsWith('/v2/') ? 'apigatewayv2' : 'apigateway';
    const route = service === 'apigateway' ? restRoute(state, path, pageSize) : v2Route(state, path.slice(3), pageSize);
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
    if (injectFault(faults, recorded, res, path, 'rest')) return;
    const result = route.answer(query);
    if (result === undefined)
      return send(res, 404, { 'x-amzn-ErrorType': 'NotFoundException' }, { message: `Invalid identifier in ${path}` });
    send(res, 200, {}, result);
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
