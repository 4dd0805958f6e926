import { evaluate } from '../engine/evaluate';
import type { Finding } from '../engine/finding';
import type { ResolvedStandard } from '../standard';
import { fromTemplate, parseTemplate, TemplateError } from '../model/template';
import { acknowledgementsOf } from './acknowledgements';
import { GUARDED_TYPE_PATTERNS, targetKind, type HookRequest, type TargetKind } from './contract';
import { fetchPayload, PayloadError, type FetchPayloadOptions } from './payload';

/** What the hook decided to evaluate and what the engine found. */
export interface HookEvaluation {
  readonly kind: TargetKind;
  /** Findings (fail, unknown, acknowledged), engine order; passes are only counted. */
  readonly findings: readonly Finding[];
  /** Passing checks. */
  readonly passes: number;
  /** Set when there was nothing to evaluate (a deletion, a resource type no rule is about), saying why. */
  readonly skipped?: string;
  /** Set when the template could not be read or parsed: evaluation did not happen. */
  readonly unreadable?: { readonly code: string; readonly what: string; readonly fix: string };
}

export interface EvaluateRequestOptions extends FetchPayloadOptions {
  readonly standard: ResolvedStandard;
}

/**
 * Evaluate what a hook request is about, with the same builder and engine as `api-guardrails check`:
 * the template behind a stack or change-set request's presigned URL, or a resource request's proposed
 * properties as a one-resource template. Acknowledgements recorded in the template's Metadata are honoured.
 */
export async function evaluateRequest(request: HookRequest, options: EvaluateRequestOptions): Promise<HookEvaluation> {
  const kind = targetKind(request);
  const deleting = request.actionInvocationPoint === 'DELETE_PRE_PROVISION';
  if (kind === 'resource') return evaluateResource(request, options, deleting);
  if (deleting)
    return { kind, findings: [], passes: 0, skipped: 'the stack is being deleted; nothing will be deployed' };
  const name = stackNameOf(request);
  let text: string;
  try {
    const payload = await fetchPayload(request.requestData?.payload, options);
    if (typeof payload.template !== 'string' || payload.template.trim() === '') {
      throw new PayloadError(
        'E_HOOK_PAYLOAD_MISSING',
        'the payload has no template',
        'CloudFormation sends the template for create and update operations; retry the operation',
      );
    }
    text = payload.template;
  } catch (error) {
    if (error instanceof PayloadError) return unreadable(kind, options.standard, error, name);
    throw error;
  }
  let template: Record<string, unknown>;
  try {
    template = parseTemplate(text, `${name}.template`);
  } catch (error) {
    if (error instanceof TemplateError)
      return unreadable(kind, options.standard, { code: error.code, what: error.message, fix: error.fix }, name);
    throw error;
  }
  return run(kind, template, name, options.standard);
}

function evaluateResource(request: HookRequest, options: EvaluateRequestOptions, deleting: boolean): HookEvaluation {
  const type = request.requestData?.targetName ?? request.requestData?.targetType ?? '';
  if (deleting) return { kind: 'resource', findings: [], passes: 0, skipped: `${type} is being deleted` };
  if (!GUARDED_TYPE_PATTERNS.some((p) => type.startsWith(p.slice(0, -1)))) {
    return {
      kind: 'resource',
      findings: [],
      passes: 0,
      skipped: `no rule of the standard is about ${type || 'this resource type'}`,
    };
  }
  const logicalId = request.requestData?.targetLogicalId || 'Resource';
  const properties = request.requestData?.targetModel?.resourceProperties ?? {};
  const template = { Resources: { [logicalId]: { Type: type, Properties: properties } } };
  return run('resource', template, stackNameOf(request), options.standard);
}

function run(
  kind: TargetKind,
  template: Record<string, unknown>,
  name: string,
  standard: ResolvedStandard,
): HookEvaluation {
  const templatePath = `${name}.template`;
  const acknowledgements = acknowledgementsOf(template, templatePath);
  const inventory = fromTemplate(template, { templatePath, stackName: name });
  const evaluation = evaluate(inventory, {
    standard,
    acknowledge: acknowledgements ? (f) => acknowledgements.find(f) : undefined,
  });
  const findings = evaluation.findings.filter((f) => f.status !== 'pass');
  return { kind, findings, passes: evaluation.passes.total };
}

/** Never a silent success: an unreadable template is an `unknown` finding, counted as the standard says. */
function unreadable(
  kind: TargetKind,
  standard: ResolvedStandard,
  problem: { code: string; what: string; fix: string },
  name: string,
): HookEvaluation {
  const finding: Finding = {
    ruleId: 'not-evaluable',
    title: 'Template can be evaluated',
    status: 'unknown',
    severity: standard.standard.unknownAs === 'warning' ? 'warning' : 'error',
    message: `${problem.code}: ${problem.what}`,
    fix: problem.fix,
    resource: { kind: 'template', label: `stack ${name}`, source: { stackName: name } },
    tier: standard.strictestTier,
  };
  return { kind, findings: [finding], passes: 0, unreadable: problem };
}

/** The stack name: a stack request's target, else the name in the stack ARN. */
function stackNameOf(request: HookRequest): string {
  if (targetKind(request) === 'stack' && request.requestData?.targetLogicalId)
    return request.requestData.targetLogicalId;
  const fromArn = /:stack\/([^/]+)\//.exec(request.stackId ?? '');
  return fromArn ? fromArn[1] : 'stack';
}
