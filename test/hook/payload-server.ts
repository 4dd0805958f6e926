import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 127.0.0.1 HTTP server standing in for the presigned S3 URL of a hook payload. */
export interface PayloadServer {
  /** URL serving `body` with `status` (as S3 answers a GET on a presigned URL). */
  serve(body: string, status?: number): string;
  /** URL that never answers (for the timeout). */
  readonly hangingUrl: string;
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startPayloadServer(): Promise<PayloadServer> {
  const bodies = new Map<string, { body: string; status: number }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url?.startsWith('/hang')) return; // never answered; closed with the server
    const entry = bodies.get((req.url ?? '').split('?')[0]);
    if (!entry) {
      res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
      return;
    }
    res.writeHead(entry.status, { 'content-type': 'application/json' }).end(entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let next = 0;
  return {
    serve(body, status = 200) {
      const path = `/payload-${++next}.json`;
      bodies.set(path, { body, status });
      return `${base}${path}?X-Amz-Signature=test`;
    },
    hangingUrl: `${base}/hang`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
