import { safeText } from '../reporters/safe-text';

/**
 * A bad input or usage the CLI reports in ONE line and exit code 2:
 * `api-guardrails: error E_xxx: <what, which file>. <what to do>`
 */
export class CliError extends Error {
  constructor(
    /** Stable id, e.g. E_PATH_NOT_FOUND. */
    readonly code: string,
    /** What is wrong, naming the value or file received. */
    readonly what: string,
    /** What to do about it. */
    readonly fix: string,
  ) {
    super(`${code}: ${what}. ${fix}`);
    this.name = 'CliError';
  }
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, blocking: 1, usage: 2 } as const;

interface CodedError {
  readonly code: string;
  readonly fix: string;
  readonly message: string;
}

function isCoded(error: unknown): error is CodedError {
  if (!(error instanceof Error)) return false;
  const e = error as unknown as Partial<CodedError>;
  return typeof e.code === 'string' && /^E_[A-Z0-9_]+$/.test(e.code) && typeof e.fix === 'string';
}

/** Maps commander's error codes to our stable ids. */
const COMMANDER_CODES: Record<string, string> = {
  'commander.unknownOption': 'E_USAGE_UNKNOWN_OPTION',
  'commander.unknownCommand': 'E_USAGE_UNKNOWN_COMMAND',
  'commander.missingArgument': 'E_USAGE_MISSING_ARGUMENT',
  'commander.optionMissingArgument': 'E_USAGE_MISSING_OPTION_VALUE',
  'commander.missingMandatoryOptionValue': 'E_USAGE_MISSING_OPTION',
  'commander.invalidArgument': 'E_USAGE_INVALID_VALUE',
  'commander.excessArguments': 'E_USAGE_TOO_MANY_ARGUMENTS',
  'commander.conflictingOption': 'E_USAGE_CONFLICTING_OPTIONS',
};

/** A commander error reshaped into our one-line form; `command` names the sub-command for the hint. */
export function fromCommanderError(error: { code: string; message: string }, command: string | undefined): CliError {
  const code = COMMANDER_CODES[error.code] ?? 'E_USAGE';
  const what = oneLine(error.message.replace(/^error:\s*/i, '')).replace(/\.$/, '');
  const help = command ? `api-guardrails ${command} --help` : 'api-guardrails --help';
  return new CliError(code, what, `Run \`${help}\` for the usage`);
}

/**
 * The one line printed for an error. Errors with a stable code and a fix (ours, the template builder's,
 * the standard loader's) keep them; anything else is an internal error (a bug), still without a stack
 * trace unless API_GUARDRAILS_DEBUG is set.
 */
export function errorLine(error: unknown): string {
  if (error instanceof CliError) return `api-guardrails: error ${oneLine(error.message)}`;
  if (isCoded(error) && isMultiProblem(error)) {
    // A standard's problems stay one per line: summary, each problem, the fix.
    return `api-guardrails: error ${error.message
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')}`;
  }
  if (isCoded(error)) {
    const text = oneLine(error.message);
    // The builder and the standard loader already start their messages with the code and end with the fix.
    const body = text.startsWith(`${error.code}:`) ? text : `${error.code}: ${text}. ${error.fix}`;
    return `api-guardrails: error ${body}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `api-guardrails: error E_INTERNAL: ${oneLine(detail)}. This is a bug in api-guardrails: please report it with the command you ran (set API_GUARDRAILS_DEBUG=1 for a stack trace)`;
}

function isMultiProblem(error: CodedError): boolean {
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) && issues.length > 0;
}

/** One line, with control characters from user data (a rule id, a path) shown as escapes, never sent raw. */
function oneLine(text: string): string {
  return safeText(text).replace(/\s+/g, ' ').trim();
}
