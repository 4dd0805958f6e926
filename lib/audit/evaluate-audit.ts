import { evaluate, type EvaluateOptions, type Evaluation } from '../engine/evaluate';
import type { Finding } from '../engine/finding';
import { sourceLabel } from '../model/source';
import type { Inventory } from '../model/types';
import { failureFix, failureIn } from './call';

const AUDIT_NOTICE_CODES = new Set(['AUDIT_CALL_FAILED', 'AUDIT_API_NOT_FOUND']);

/**
 * `evaluate` for an audited inventory. A control that depends on a call that failed is `unknown`; this
 * gives such findings the fix for the kind of failure (a denied call → the IAM action; not found; throttled
 * → retry or lower --concurrency) instead of the rule's template fix, and reports each control once per
 * unreadable list (a stage that could not be read is one unknown per rule, not one per field). The
 * engine's `not-evaluable` findings for the audit's own notices name the deployed resource.
 */
export function evaluateAudit(inventory: Inventory, options: EvaluateOptions): Evaluation {
  const evaluation = evaluate(inventory, options);
  const byMessage = new Map(inventory.notices.filter((n) => AUDIT_NOTICE_CODES.has(n.code)).map((n) => [n.message, n]));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const finding of evaluation.findings) {
    const notice = finding.ruleId === 'not-evaluable' ? byMessage.get(finding.message) : undefined;
    if (notice) {
      findings.push({
        ...finding,
        title: 'Deployed configuration can be read',
        fix:
          notice.code === 'AUDIT_API_NOT_FOUND'
            ? 'Check the --api-id values and the --region: `aws apigateway get-rest-apis` / `aws apigatewayv2 get-apis` list the ids.'
            : (failureFix(finding.message) ?? 'Retry the audit.'),
        resource: { ...finding.resource, label: sourceLabel(notice.source), ...apiIdOf(notice.source.arn, inventory) },
      });
      continue;
    }
    const failure = finding.status === 'unknown' ? failureIn(finding.message) : undefined;
    if (!failure) {
      findings.push(finding);
      continue;
    }
    const key = [finding.ruleId, finding.resource.label, finding.resource.source.arn, failure.operation].join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ ...finding, fix: failureFix(finding.message) ?? finding.fix });
  }
  return { ...evaluation, findings };
}

/** The audited API a notice is about (its ARN is the API's or below it), so per-API counts include it. */
function apiIdOf(arn: string | undefined, inventory: Inventory): { apiId?: string } {
  const match = /::\/(?:restapis|apis)\/([^/]+)/.exec(arn ?? '');
  return match && inventory.apis.some((a) => a.id === match[1]) ? { apiId: match[1] } : {};
}
