import { evaluate, type EvaluateOptions, type Evaluation } from '../engine/evaluate';
import { sourceLabel } from '../model/source';
import type { Inventory } from '../model/types';

const AUDIT_NOTICE_CODES = new Set(['AUDIT_CALL_FAILED', 'AUDIT_API_NOT_FOUND']);

/**
 * `evaluate` for an audited inventory. The engine turns error notices into `not-evaluable` findings worded
 * for templates; for the audit's own notices (a denied or failed call, an unknown --api-id) this names
 * the deployed resource and gives the fix that applies: permissions, or the id.
 */
export function evaluateAudit(inventory: Inventory, options: EvaluateOptions): Evaluation {
  const evaluation = evaluate(inventory, options);
  const byMessage = new Map(inventory.notices.filter((n) => AUDIT_NOTICE_CODES.has(n.code)).map((n) => [n.message, n]));
  const findings = evaluation.findings.map((finding) => {
    const notice = finding.ruleId === 'not-evaluable' ? byMessage.get(finding.message) : undefined;
    if (!notice) return finding;
    return {
      ...finding,
      title: 'Deployed configuration can be read',
      fix:
        notice.code === 'AUDIT_API_NOT_FOUND'
          ? 'Check the --api-id values and the --region: `aws apigateway get-rest-apis` / `aws apigatewayv2 get-apis` list the ids.'
          : 'Grant the auditing role the read-only policy printed by `api-guardrails iam-policy` (or retry if the service was unavailable), then audit again.',
      resource: { ...finding.resource, label: sourceLabel(notice.source), ...apiIdOf(notice.source.arn, inventory) },
    };
  });
  return { ...evaluation, findings };
}

/** The audited API a notice is about (its ARN is the API's or below it), so per-API counts include it. */
function apiIdOf(arn: string | undefined, inventory: Inventory): { apiId?: string } {
  const match = /::\/(?:restapis|apis)\/([^/]+)/.exec(arn ?? '');
  return match && inventory.apis.some((a) => a.id === match[1]) ? { apiId: match[1] } : {};
}
