import { createAuditClients, type AuditClients } from '../../lib/audit/clients';
import { REGION } from './fixtures';

/** The REAL SDK clients, pointed at the loopback fake, with fake static credentials and fast retries. */
export function testClients(endpoint: string, maxAttempts = 4): AuditClients {
  return createAuditClients({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'AKIDLOOPBACKTEST', secretAccessKey: 'loopback-secret' },
    maxAttempts,
    retryBaseDelayMs: 5,
  });
}
