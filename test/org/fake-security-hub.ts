import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A 127.0.0.1 stand-in for Security Hub's BatchImportFindings, speaking its REST-JSON wire protocol:
 * POST /findings/import with `{ "Findings": [...] }`, answering `{ FailedCount, SuccessCount, FailedFindings }`.
 * It keeps findings by Id, as Security Hub does (a second import with the same Id updates the finding).
 */
export interface FakeSecurityHub {
  readonly endpoint: string;
  /** Every finding imported, latest version per Id. */
  readonly findings: Map<string, Record<string, unknown>>;
  /** Findings per request, in order. */
  readonly batches: number[];
  /** Ids the fake rejects (as Security Hub rejects e.g. a finding for another account). */
  readonly reject: Set<string>;
  close(): Promise<void>;
}

const REQUIRED = [
  'SchemaVersion',
  'Id',
  'ProductArn',
  'GeneratorId',
  'AwsAccountId',
  'Types',
  'CreatedAt',
  'UpdatedAt',
  'Severity',
  'Title',
  'Description',
  'Resources',
];

export async function startFakeSecurityHub(): Promise<FakeSecurityHub> {
  const findings = new Map<string, Record<string, unknown>>();
  const batches: number[] = [];
  const reject = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/findings/import') {
        res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' });
        res.end(JSON.stringify({ Message: `no route ${req.method} ${req.url}` }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Findings?: Record<string, unknown>[] };
      const list = body.Findings ?? [];
      if (list.length > 100) {
        res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidInputException' });
        res.end(JSON.stringify({ Message: 'at most 100 findings per request' }));
        return;
      }
      batches.push(list.length);
      const failed: { Id: string; ErrorCode: string; ErrorMessage: string }[] = [];
      for (const f of list) {
        const missing = REQUIRED.filter((k) => f[k] === undefined);
        const id = String(f.Id);
        if (missing.length > 0)
          failed.push({ Id: id, ErrorCode: 'InvalidInput', ErrorMessage: `missing ${missing.join(', ')}` });
        else if (reject.has(id))
          failed.push({ Id: id, ErrorCode: 'AccessDeniedException', ErrorMessage: 'rejected by the test' });
        else findings.set(id, f);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          FailedCount: failed.length,
          SuccessCount: list.length - failed.length,
          FailedFindings: failed,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    findings,
    batches,
    reject,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
