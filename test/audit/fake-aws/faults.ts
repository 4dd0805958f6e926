import type { ServerResponse } from 'node:http';
import type { Fault, RecordedRequest } from './types';
import { sendError } from './wire';

/** Answer `request` with the first matching fault that is not spent; false when none matches. */
export function injectFault(
  faults: (Fault & { times: number })[],
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
  } else if (fault.kind === 'not-found') {
    const name = json ? 'ResourceNotFoundException' : 'NotFoundException';
    sendError(res, json ? 400 : 404, name, 'Invalid identifier specified', json);
  } else if (fault.kind === 'server-error') {
    sendError(res, 503, 'ServiceUnavailableException', 'Service is unavailable', json);
  } else {
    const message = `User: arn:aws:sts::123456789012:assumed-role/auditor/session is not authorized to perform: ${request.service}:${request.operation}`;
    sendError(res, json ? 400 : 403, 'AccessDeniedException', message, json);
  }
  return true;
}
