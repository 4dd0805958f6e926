import type { RegisterCommand } from '../io';
import { register as audit } from './audit';
import { register as baseline } from './baseline';
import { register as check } from './check';
import { register as iamPolicy } from './iam-policy';
import { register as init } from './init';
import { register as rules } from './rules';

/**
 * Every sub-command, in help order. A new command is a module exporting `register(program, io, setExit)`
 * plus one import and one entry here.
 */
export const COMMANDS: readonly RegisterCommand[] = [check, baseline, rules, audit, iamPolicy, init];
