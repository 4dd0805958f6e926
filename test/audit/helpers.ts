import { createAuditClients, type AuditClients } from '../../lib/audit/clients';
import { run, type RunResult } from '../cli/helpers';
import { startFakeAws, type FakeAws, type FakeOptions } from './fake-aws/server';
import type { FakeState } from './fake-aws/state';
import { accountFixture, REGION } from './fixtures';

/** Static credentials for the loopback fake (it checks the SigV4 shape, not the key). */
export const LOOPBACK_CREDENTIALS = { accessKeyId: 'AKIDLOOPBACKTEST', secretAccessKey: 'loopback-secret' };

/** The REAL SDK clients, pointed at the loopback fake, with fake static credentials and fast retries. */
export function testClients(endpoint: string, maxAttempts = 4): AuditClients {
  return createAuditClients({
    endpoint,
    region: REGION,
    credentials: LOOPBACK_CREDENTIALS,
    maxAttempts,
    retryBaseDelayMs: 5,
  });
}

/**
 * Put the loopback credentials where the CLI's SDK default chain looks first (environment variables, no
 * profile); returns the function that restores the environment as it was.
 */
export function setLoopbackCredentials(): () => void {
  const saved = { ...process.env };
  process.env.AWS_ACCESS_KEY_ID = LOOPBACK_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = LOOPBACK_CREDENTIALS.secretAccessKey;
  delete process.env.AWS_PROFILE;
  return () => {
    process.env = saved;
  };
}

/** In a `describe`: the loopback credentials in the environment for its tests, restored after them. */
export function withLoopbackCredentials(): void {
  let restore: () => void = () => undefined;
  beforeAll(() => {
    restore = setLoopbackCredentials();
  });
  afterAll(() => restore());
}

/**
 * In a `describe`: a fake AWS account (the shared account fixture unless given) serving its tests, with the
 * loopback credentials in the environment for the CLI. Returns the running fake; call it inside tests.
 */
export function useFakeAws(state: FakeState = accountFixture(), options: FakeOptions = {}): () => FakeAws {
  let fake: FakeAws | undefined;
  withLoopbackCredentials();
  beforeAll(async () => {
    fake = await startFakeAws(state, options);
  });
  afterAll(async () => {
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error('E_TEST_FAKE_AWS: the fake AWS is not running. Fix: call the getter inside a test.');
    return fake;
  };
}

/** `api-guardrails audit --region <REGION> --endpoint <endpoint> ...args`, in process, output captured. */
export function auditCli(endpoint: string, args: string[], cwd = process.cwd()): Promise<RunResult> {
  return run(['audit', '--region', REGION, '--endpoint', endpoint, ...args], { cwd });
}
