import type { AnyRule } from '../../lib/engine/rule';
import executionLogging from './execution-logging';

/**
 * Every rule the toolkit ships, in id order. A repository test checks that each file in this folder
 * is listed here, has a test file and complete metadata.
 */
export const allRules: readonly AnyRule[] = [executionLogging as AnyRule].sort((a, b) => a.id.localeCompare(b.id));
