import { isBlocking, type FailOn, type Finding } from '../engine/finding';
import type { Severity } from '../engine/rule';
import type { AnnotationSeverity, HookAnnotation, HookResponse } from './contract';
import type { HookEvaluation } from './evaluate-request';

export interface ResponseOptions {
  readonly clientRequestToken: string;
  /** Lowest severity that blocks, as `check --fail-on`. @default 'error' */
  readonly failOn?: FailOn;
  /** CloudFormation cuts the message at this length. */
  readonly messageLimit: number;
  /** Shown in the message, e.g. "acme-api-standard 2.1". */
  readonly standardName: string;
}

/** Most annotations in one answer; the message says how many findings there are in all. */
export const MAX_ANNOTATIONS = 50;
const ANNOTATION_TEXT_LIMIT = 1024;

const ANNOTATION_SEVERITY: Record<Severity, AnnotationSeverity> = {
  error: 'HIGH',
  warning: 'MEDIUM',
  info: 'INFORMATIONAL',
};

/**
 * The hook's answer. FAILED/NonCompliant when a finding blocks (as `check` would exit 1), FAILED/
 * InternalFailure when the template could not be read and the standard counts that as blocking,
 * SUCCESS otherwise. The message names blocking findings first and stays within the limit.
 */
export function hookResponse(result: HookEvaluation, options: ResponseOptions): HookResponse {
  const failOn = options.failOn ?? 'error';
  const blocking = result.findings.filter((f) => isBlocking(f, failOn));
  const open = result.findings.filter((f) => !isBlocking(f, failOn) && (f.status === 'fail' || f.status === 'unknown'));
  const acknowledged = result.findings.filter((f) => f.status === 'acknowledged');
  const prefix = `api-guardrails (${options.standardName})`;
  let headline: string;
  if (result.skipped) headline = `${prefix}: nothing to evaluate, ${result.skipped}.`;
  else if (blocking.length > 0)
    headline = `${prefix}: ${blocking.length} blocking finding(s)${result.unreadable ? ', the template could not be evaluated' : ''}.`;
  else if (result.unreadable)
    headline = `${prefix}: the template could not be evaluated (not blocking under this standard).`;
  else headline = `${prefix}: compliant, ${result.passes} check(s) passed.`;
  const counts =
    result.skipped || (open.length === 0 && acknowledged.length === 0)
      ? ''
      : ` ${open.length} non-blocking finding(s), ${acknowledged.length} acknowledged.`;
  const lines = [
    ...blocking.map((f) => `BLOCKING ${line(f)}`),
    ...open.map((f) => `${f.severity.toUpperCase()} ${line(f)}`),
    ...acknowledged.map((f) => `ACKNOWLEDGED ${line(f)} (${f.acknowledgement?.reason ?? 'acknowledged'})`),
  ];
  const message = fit(headline + counts, lines, options.messageLimit);
  const base = { message, clientRequestToken: options.clientRequestToken, annotations: annotations(result, failOn) };
  if (blocking.length === 0) return { hookStatus: 'SUCCESS', ...base };
  return {
    hookStatus: 'FAILED',
    errorCode:
      result.unreadable && blocking.every((f) => f.ruleId === 'not-evaluable') ? 'InternalFailure' : 'NonCompliant',
    ...base,
  };
}

/** A failed invocation (a bug, not a finding): FAILED/InternalFailure, never a silent success. */
export function internalFailure(error: unknown, clientRequestToken: string, messageLimit: number): HookResponse {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    hookStatus: 'FAILED',
    errorCode: 'InternalFailure',
    message: cut(`api-guardrails: the hook failed before it could evaluate the template (${text}).`, messageLimit),
    clientRequestToken,
  };
}

function line(f: Finding): string {
  return `[${f.ruleId}] ${f.resource.label}: ${f.message.replace(/\s+/g, ' ')}`;
}

/** The headline and as many whole lines as fit, then "… and N more". */
function fit(headline: string, lines: readonly string[], limit: number): string {
  let text = cut(headline, limit);
  for (let i = 0; i < lines.length; i++) {
    const more = lines.length - i - 1;
    const tail = more > 0 ? `\n… and ${more} more finding(s): run \`api-guardrails check\` on the template.` : '';
    const candidate = `${text}\n${lines[i]}`;
    if (candidate.length + tail.length > limit) {
      const rest = lines.length - i;
      const notice = `\n… and ${rest} more finding(s): run \`api-guardrails check\` on the template.`;
      return text.length + notice.length <= limit ? text + notice : text;
    }
    text = candidate;
  }
  return text;
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** One annotation per finding that needs attention or was acknowledged, blocking first, at most MAX_ANNOTATIONS. */
function annotations(result: HookEvaluation, failOn: FailOn): HookAnnotation[] {
  const ordered = [
    ...result.findings.filter((f) => isBlocking(f, failOn)),
    ...result.findings.filter((f) => !isBlocking(f, failOn)),
  ];
  return ordered.slice(0, MAX_ANNOTATIONS).map((f) => ({
    annotationName: f.ruleId,
    status: f.status === 'acknowledged' ? 'SKIPPED' : 'FAILED',
    statusMessage: cut(
      `${f.status === 'unknown' ? 'Could not be decided' : f.status === 'acknowledged' ? `Acknowledged (${f.acknowledgement?.reason ?? ''})` : 'Fails'}: ${f.resource.label}: ${f.message}`,
      ANNOTATION_TEXT_LIMIT,
    ),
    remediationMessage: cut(f.fix, ANNOTATION_TEXT_LIMIT),
    severityLevel: ANNOTATION_SEVERITY[f.severity],
  }));
}
