/** One problem found in a standard: where, what was received, what is allowed. */
export interface StandardIssue {
  /** Dotted path inside the standard, e.g. `tiers.restricted.rules.stage-throttling.options.maxRateLimit`. */
  readonly path: string;
  readonly message: string;
}

/**
 * A standard that cannot be read or does not match the schema. `code` is stable (E_STANDARD_*); the
 * message has the summary on its first line, then one line per problem, then the fix.
 */
export class StandardError extends Error {
  readonly code: string;
  readonly file?: string;
  /** Path of the first problem (all of them are in `issues` and the message). */
  readonly path?: string;
  readonly fix: string;
  readonly issues: readonly StandardIssue[];

  constructor(props: { code: string; summary: string; fix: string; file?: string; issues?: StandardIssue[] }) {
    const issues = props.issues ?? [];
    const lines = [
      `${props.code}: ${neutralise(props.summary)}`,
      ...issues.map((i) => `  - ${neutralise(i.path)}: ${neutralise(i.message)}`),
      `Fix: ${neutralise(props.fix)}`,
    ];
    super(lines.join('\n'));
    this.name = 'StandardError';
    this.code = props.code;
    this.file = props.file;
    this.path = issues[0]?.path;
    this.fix = props.fix;
    this.issues = issues;
  }
}

/** How to get a standard of one's own, for every "cannot read / invalid" error. */
export const OWN_STANDARD_HINT =
  'To start a standard of your own, run `npx api-guardrails init` (it writes a copy of the shipped one, with "$schema" for editor completion) and edit it';

/** A received value for an error line: JSON, at most 80 characters, control characters shown as escapes. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  text = neutralise(text);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Control characters (ESC, BEL, CR, newlines, ...) as visible `\uXXXX` escapes: an error line stays one line. */
export function neutralise(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
