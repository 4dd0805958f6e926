import { fromAwsSnapshot } from '../model/aws/inventory';
import type { Inventory } from '../model/types';
import { collectSnapshot, type CollectOptions } from './collect';

export type FromAwsOptions = CollectOptions;

/**
 * The deployed API Gateway configuration of one region as an Inventory (read-only SDK calls, default
 * credential chain). Calls that fail or are denied leave Unresolved values naming the call, so the rules
 * report `unknown` there and the audit carries on.
 */
export async function fromAws(options: FromAwsOptions = {}): Promise<Inventory> {
  return fromAwsSnapshot(await collectSnapshot(options));
}
