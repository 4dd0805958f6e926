import type { FailOn } from '../engine/finding';
import type { ResolvedStandard } from '../standard';
import { messageLimit, type HookRequest, type HookResponse } from './contract';
import { evaluateRequest } from './evaluate-request';
import { hookResponse, internalFailure } from './response';

export interface HookHandlerOptions {
  /** The organisation's standard, resolved against the rules. */
  readonly standard: ResolvedStandard;
  /** Lowest severity that blocks the deployment, as `check --fail-on`. @default 'error' */
  readonly failOn?: FailOn;
  /** How long reading the presigned payload URL may take, in ms. @default 10000 */
  readonly payloadTimeoutMs?: number;
}

export type HookHandler = (request: HookRequest) => Promise<HookResponse>;

/**
 * The CloudFormation Lambda hook: read the template of a stack or change-set operation (or a resource's
 * proposed properties), evaluate it with the standard exactly as `api-guardrails check` does, and answer
 * in the hook contract's shape. Whether a FAILED answer blocks or warns is the hook's FailureMode.
 */
export function createHookHandler(options: HookHandlerOptions): HookHandler {
  const standardName = [options.standard.standard.name, options.standard.standard.version].filter(Boolean).join(' ');
  return async (request) => {
    // The guide's input shapes spell it clientRequesttoken; its examples clientRequestToken.
    const token = request.clientRequestToken ?? (request as { clientRequesttoken?: string }).clientRequesttoken ?? '';
    const limit = messageLimit(request);
    try {
      const result = await evaluateRequest(request, {
        standard: options.standard,
        ...(options.payloadTimeoutMs !== undefined ? { timeoutMs: options.payloadTimeoutMs } : {}),
      });
      return hookResponse(result, {
        clientRequestToken: token,
        failOn: options.failOn,
        messageLimit: limit,
        standardName,
      });
    } catch (error) {
      return internalFailure(error, token, limit);
    }
  };
}
