import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FailOn } from '../engine/finding';
import { ResolvedStandard, type Standard } from '../standard';
import { allRules } from '../../policies/rules';
import type { HookRequest, HookResponse } from './contract';
import { createHookHandler, type HookHandler } from './handler';

/** Written next to the bundled handler by the GuardrailsHook construct at synth. */
export const HOOK_CONFIG_FILE = 'hook-config.json';

export interface HookConfig {
  /** The organisation's standard, validated at synth (so the function does not compile the schema). */
  readonly standard?: Standard;
  readonly failOn?: FailOn;
}

/**
 * The handler configured by `hook-config.json` in `dir`. The standard in it was validated at synth, so the
 * function neither loads nor compiles the schema (nor ships the validator).
 * @throws Error E_HOOK_CONFIG when the file is missing or holds no standard
 */
export function handlerFromConfig(dir: string): HookHandler {
  const file = join(dir, HOOK_CONFIG_FILE);
  const config: HookConfig = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as HookConfig) : {};
  if (!config.standard) {
    throw new Error(
      `E_HOOK_CONFIG: ${file} is missing or holds no standard. Deploy the function with the GuardrailsHook construct, which writes it at synth.`,
    );
  }
  return createHookHandler({
    standard: new ResolvedStandard(config.standard, allRules),
    ...(config.failOn ? { failOn: config.failOn } : {}),
  });
}

let configured: HookHandler | undefined;

/** The Lambda entry point (bundled as dist/lambda/guardrails-hook/index.js). */
export async function handler(request: HookRequest): Promise<HookResponse> {
  configured ??= handlerFromConfig(__dirname);
  return configured(request);
}
