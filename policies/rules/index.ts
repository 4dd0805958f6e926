import type { AnyRule } from '../../lib/engine/rule';
import stageWaf from './stage-waf';
import executionLogging from './execution-logging';
import stageAccessLogging from './stage-access-logging';

/**
 * Every rule the toolkit ships, in id order. A repository test checks that each file in this folder
 * is listed here, has a test file and complete metadata.
 */
export const allRules: readonly AnyRule[] = [stageWaf as AnyRule, executionLogging as AnyRule, stageAccessLogging as AnyRule].sort((a, b) => a.id.localeCompare(b.id));
