import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHookHandler } from '../../lib/hook/handler';
import { evaluateRequest } from '../../lib/hook/evaluate-request';
import { resolveStandard } from '../../lib/standard';
import { run } from '../cli/helpers';
import { corpusFolder } from '../helpers/corpus';
import { startPayloadServer, type PayloadServer } from './payload-server';
import { stackPayload, stackRequest } from './requests';

/**
 * The hook's verdict for a template equals `api-guardrails check` on the same template, over every
 * template of the shared corpus: same pass/fail, and the same (rule, status) findings. `check` exits 2 on
 * a file it cannot parse; the hook answers FAILED/InternalFailure there (the unknown handling).
 */
const CORPUS = corpusFolder('templates');
const files = readdirSync(CORPUS).sort();
const standard = resolveStandard();
const handler = createHookHandler({ standard, payloadTimeoutMs: 20_000 });
let server: PayloadServer;

beforeAll(async () => {
  server = await startPayloadServer();
});
afterAll(() => server.close());

interface CheckJson {
  readonly result: 'passed' | 'failed';
  readonly findings: { ruleId: string; status: string; blocking: boolean }[];
}

const key = (f: { ruleId: string; status: string }): string => `${f.ruleId}|${f.status}`;

it('reads the whole corpus', () => {
  expect(files.length).toBeGreaterThanOrEqual(70);
});

it.each(files)('gives the verdict check gives for %s', async (file) => {
  const text = readFileSync(join(CORPUS, file), 'utf8');
  const cli = await run(['check', join(CORPUS, file), '--format', 'json'], { cwd: CORPUS });
  const request = stackRequest(server.serve(stackPayload(text)));
  const response = await handler(request);
  if (cli.code === 2) {
    expect(response).toMatchObject({ hookStatus: 'FAILED', errorCode: 'InternalFailure' });
    return;
  }
  const report = JSON.parse(cli.stdout) as CheckJson;
  expect(response.hookStatus).toBe(report.result === 'failed' ? 'FAILED' : 'SUCCESS');
  expect(cli.code).toBe(report.result === 'failed' ? 1 : 0);
  const hook = await evaluateRequest(stackRequest(server.serve(stackPayload(text))), { standard });
  const fromCheck = report.findings
    .filter((f) => f.status !== 'pass')
    .map(key)
    .sort();
  expect(hook.findings.map(key).sort()).toEqual(fromCheck);
});
