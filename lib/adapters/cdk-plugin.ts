import * as fs from 'fs';
import * as path from 'path';
import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolatingResource,
  PolicyViolation,
} from 'aws-cdk-lib';
import { resolveStandard } from '../standard';
import { evaluate } from '../engine/evaluate';
import { countFindings, isBlocking, type FailOn, type Finding } from '../engine/finding';
import type { AnyRule } from '../engine/rule';
import type { ResolvedStandard, Standard } from '../standard';
import { fromTemplates, nestedStackTemplates, type NestedIn } from '../model/template';
import { TemplateError } from '../model/template/errors';
import { AcknowledgementIndex } from './acknowledgement-index';
import { synthToday } from './acknowledge-risk';
import { evidenceFormats, writeEvidence, type EvidenceFormat } from './cdk-evidence';
import { closeOutputWith, closingLine, formatSummary } from './cdk-summary';
import { packageVersion } from './package-version';
import { requireFailOn } from './plugin-options';

export interface ApiGuardrailsProps {
  /**
   * The API security standard: a Standard object, or the path of a .json/.yaml/.yml standard file.
   * Validated when the plugin is created (a StandardError names every problem).
   *
   * @default - the shipped standard, policies/standards/default.json
   */
  readonly standard?: Standard | string;

  /**
   * Which findings fail `cdk synth`: 'error' (fail and unknown findings of severity error), 'warning'
   * (also warnings) or 'never' (report only). Acknowledged and passing findings never fail.
   *
   * @default 'error'
   */
  readonly failOn?: FailOn;

  /**
   * Print a short compliance summary (per API: kind, tier, owner, fail/unknown/acknowledged/pass
   * counts; totals) to stderr during synth.
   *
   * @default true
   */
  readonly summary?: boolean;

  /**
   * The rules to run (e.g. the shipped rules plus an organisation's own `defineRule` rules). The
   * standard is validated against them: its rule ids and options must match.
   *
   * @default - every shipped rule (allRules)
   */
  readonly rules?: readonly AnyRule[];

  /**
   * Evidence files to write into the cloud assembly (cdk.out) on every synth: 'html'
   * (api-guardrails-report.html), 'oscal' (api-guardrails-report.oscal.json), 'csv'
   * (api-guardrails-inventory.csv).
   *
   * @default - none
   */
  readonly evidence?: readonly EvidenceFormat[];
}

/**
 * Runs the API Gateway standard at synth time as a CDK policy validation plugin:
 * `Validations.of(app).addPlugins(new ApiGuardrails())`.
 *
 * Every failing or undecidable control is one violation per rule and message, naming the CloudFormation
 * logical ids and template paths. Acknowledge a rule with
 * `Validations.of(scope).acknowledge({ id: 'ApiGuardrails::<rule-id>', reason })`: it covers the
 * resources under `scope`, unless the standard makes the rule non-acknowledgeable for the API's tier
 * (then the violation is reported as 'fatal', which CDK cannot suppress). `acknowledgeRisk` (ticket and
 * expiry) works the same way until it expires; then the finding fails again, naming the lapsed ticket.
 */
export class ApiGuardrails implements IPolicyValidationPlugin {
  /** Plugin name, also the namespace of acknowledgement ids ('ApiGuardrails::<rule-id>'). */
  public static readonly PLUGIN_NAME = 'ApiGuardrails';

  public readonly name = ApiGuardrails.PLUGIN_NAME;
  public readonly version: string;
  public readonly ruleIds: string[];
  private readonly standard: ResolvedStandard;
  private readonly failOn: FailOn;
  private readonly summary: boolean;
  private readonly evidence: EvidenceFormat[];

  constructor(props: ApiGuardrailsProps = {}) {
    this.standard = resolveStandard(props.standard, props.rules);
    this.failOn = requireFailOn(props.failOn);
    this.summary = props.summary ?? true;
    this.evidence = evidenceFormats(props.evidence);
    this.version = packageVersion();
    this.ruleIds = this.standard.rules.map((r) => r.id);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const stacks = context.stackTemplates?.length
      ? context.stackTemplates.map((s) => ({ templatePath: s.templatePath, stackName: s.stackConstructPath }))
      : context.templatePaths.map((templatePath) => ({ templatePath, stackName: undefined }));
    const inputs = withNestedStacks(stacks.map((s) => ({ ...s, template: readTemplate(s.templatePath) })));
    const inventory = fromTemplates(inputs);
    const acks = AcknowledgementIndex.forApp(
      context.appConstruct,
      this.name,
      inputs.map((i) => i.template),
    );
    const evaluation = evaluate(inventory, {
      standard: this.standard,
      acknowledge: acks.isEmpty ? undefined : (finding) => acks.find(finding),
      today: synthToday(context.appConstruct),
    });
    const { passes } = evaluation;
    const findings = evaluation.findings.filter((f) => f.status !== 'pass');
    if (this.evidence.length && stacks.length)
      writeEvidence(this.evidence, path.dirname(stacks[0].templatePath), evaluation, this.standard, this.failOn);

    const blocking = findings.filter((f) => isBlocking(f, this.failOn)).length;
    const violations = toViolations(findings, this.standard.rules, acks);
    if (this.summary) {
      process.stderr.write(formatSummary(inventory, findings, this.standard, this.failOn, blocking, passes));
      // An app that prints CDK's report itself ends with the verdict; the CDK CLI prints its report after the app exits.
      closeOutputWith(closingLine(inventory.apis.length, blocking, this.failOn, violations.length));
    }

    const counts = { ...countFindings(findings), pass: passes.total };
    return {
      success: blocking === 0,
      violations,
      pluginVersion: this.version,
      metadata: {
        standard: `${this.standard.standard.name}${this.standard.standard.version ? ` ${this.standard.standard.version}` : ''}`,
        failOn: this.failOn,
        apis: String(inventory.apis.length),
        fail: String(counts.fail),
        unknown: String(counts.unknown),
        acknowledged: String(counts.acknowledged),
        pass: String(counts.pass),
      },
    };
  }
}

type PluginInput = { templatePath: string; stackName: string | undefined; template: unknown; nestedIn?: NestedIn };

/**
 * The stacks CDK hands the plugin, each followed by the templates of its nested stacks (CDK passes only
 * top-level stacks; a NestedStack's template sits beside its parent's, named by asset metadata). A nested
 * template that is not there stays a NESTED_STACK_NOT_EVALUATED notice.
 */
function withNestedStacks(stacks: readonly PluginInput[]): PluginInput[] {
  const out: PluginInput[] = [];
  const seen = new Set<string>();
  const add = (input: PluginInput): void => {
    seen.add(input.templatePath);
    out.push(input);
    for (const ref of nestedStackTemplates(input.template)) {
      const templatePath = path.join(path.dirname(input.templatePath), ref.fileName);
      if (seen.has(templatePath) || !fs.existsSync(templatePath)) continue;
      add({
        templatePath,
        stackName: `${input.stackName ?? path.basename(input.templatePath)}/${ref.logicalId}`,
        template: readTemplate(templatePath),
        nestedIn: { templatePath: input.templatePath, logicalId: ref.logicalId },
      });
    }
  };
  for (const stack of stacks) if (!seen.has(stack.templatePath)) add(stack);
  return out;
}

/** One read and one JSON.parse per synthesized template (CDK always writes JSON). */
function readTemplate(templatePath: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(templatePath, 'utf8');
  } catch (error) {
    throw new TemplateError(
      'E_TEMPLATE_READ',
      `cannot read the synthesized template: ${(error as Error).message}`,
      're-run `cdk synth` and check that nothing cleans cdk.out meanwhile',
      templatePath,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TemplateError(
      'E_TEMPLATE_PARSE',
      `the synthesized template is not JSON: ${(error as Error).message}`,
      're-run `cdk synth`',
      templatePath,
    );
  }
}

/**
 * Fail and unknown findings as CDK violations, one per (rule, message, severity, status, tier), each
 * listing its resources once with their locations. Acknowledged findings are not returned (the summary
 * counts them). A finding that was acknowledged although its rule is not acknowledgeable is returned as
 * 'fatal' so that CDK does not suppress it.
 */
function toViolations(
  findings: readonly Finding[],
  rules: readonly AnyRule[],
  acks: AcknowledgementIndex,
): PolicyViolation[] {
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const groups = new Map<
    string,
    {
      violation: PolicyViolation;
      resources: Map<string, { resource: PolicyViolatingResource; locations: Set<string> }>;
    }
  >();
  for (const finding of findings) {
    if (finding.status !== 'fail' && finding.status !== 'unknown') continue;
    // Still failing although CDK holds a live acknowledgement for it: CDK would suppress it, so make it unsuppressible.
    const ack = acks.isEmpty ? undefined : acks.find(finding);
    const severity = ack && !('expired' in ack) ? 'fatal' : finding.severity;
    const key = [finding.ruleId, finding.status, severity, finding.tier, finding.message].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      const rule = ruleById.get(finding.ruleId);
      const ruleMetadata: Record<string, string> = { tier: finding.tier, status: finding.status };
      if (rule?.owasp.length) ruleMetadata.owasp = rule.owasp.join(', ');
      group = {
        violation: {
          ruleName: finding.ruleId,
          description: `${finding.title}${finding.status === 'unknown' ? ' (could not be decided)' : ''}: ${finding.message}`,
          fix: finding.fix,
          severity,
          ruleMetadata,
          violatingResources: [],
        },
        resources: new Map(),
      };
      groups.set(key, group);
    }
    const source = finding.resource.source;
    const resourceKey = `${source.templatePath ?? ''}\u0000${source.logicalId ?? finding.resource.label}`;
    let entry = group.resources.get(resourceKey);
    if (!entry) {
      entry = {
        resource: { resourceLogicalId: source.logicalId, templatePath: source.templatePath, locations: [] },
        locations: new Set(),
      };
      group.resources.set(resourceKey, entry);
    }
    if (finding.location) entry.locations.add(finding.location);
  }
  return [...groups.values()].map(({ violation, resources }) => ({
    ...violation,
    violatingResources: [...resources.values()].map(({ resource, locations }) => ({
      ...resource,
      locations: [...locations],
    })),
  }));
}
