import * as fs from 'fs';
import * as path from 'path';
import type { CfnResource, IPolicyValidationContext, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { Stack, Stage } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagRuleCompliance } from 'cdk-nag';
import type { NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { allRules } from '../../policies/rules';
import { resolveStandard } from '../standard';
import { evaluate } from '../engine/evaluate';
import type { Finding } from '../engine/finding';
import type { AnyRule } from '../engine/rule';
import type { ResolvedStandard, Standard } from '../standard';
import { fromTemplate } from '../model/template';
import { AcknowledgementIndex } from './acknowledgement-index';
import { synthToday } from './acknowledge-risk';

export interface ApiGuardrailsChecksProps extends NagPackProps {
  /**
   * The API security standard: a Standard object or the path of a standard file.
   * @default - the shipped standard
   */
  readonly standard?: Standard | string;
  /**
   * The rules to run.
   * @default - every shipped rule
   */
  readonly rules?: readonly AnyRule[];
}

/** Findings of one stack, looked up by cdk-nag per resource. */
interface StackFindings {
  /** Failing and unknown findings that an acknowledgement may still suppress, by logical id. */
  readonly byLogicalId: Map<string, Finding[]>;
  /** Findings still failing although acknowledged (the rule is not acknowledgeable in their tier), by logical id. */
  readonly unsuppressible: Map<string, Finding[]>;
}

/** What the pack reported for one resource under one rule. */
interface ResourceReport {
  readonly description: string;
  readonly severity: string;
}

/**
 * Every API Guardrails rule as a cdk-nag v3 pack, for teams that run `AwsSolutionsChecks`: violations
 * appear in the same report with ids `ApiGuardrails-<rule-id>`. Acknowledgements are read by the same
 * code as the ApiGuardrails plugin and `check cdk.out` (AcknowledgementIndex), so a construct's `relax`,
 * `acknowledgeRisk`, `Validations.of(scope).acknowledge({ id: 'ApiGuardrails::<rule-id>' })` and the
 * cdk-nag style `'ApiGuardrails-<rule-id>'` give the same verdicts in all three. A finding acknowledged
 * where the standard forbids it is reported with severity 'fatal', which neither CDK nor cdk-nag suppresses.
 *
 * cdk-nag calls `checkResource` once per L1 resource; the pack evaluates the whole stack once, from
 * its synthesized template, on the first resource of each stack, and then only looks findings up.
 * cdk-nag groups its report by rule and keeps the first resource's message and level for the whole
 * group; the pack splits each group again so that every resource carries its own finding's message.
 */
export class ApiGuardrailsChecks extends NagPack {
  readonly name = 'ApiGuardrailsChecks';
  private readonly standard: ResolvedStandard;
  private readonly rulesById: Map<string, AnyRule>;
  private readonly byStack = new Map<Stack, StackFindings>();
  private fatal: PolicyViolation[] = [];
  /** The description and severity given to cdk-nag for each violating resource, by rule name and construct path. */
  private readonly reported = new Map<string, ResourceReport>();
  /** cdk-nag's `verbose`, which appends the explanation to a violation's description. */
  private readonly verboseDescriptions: boolean;
  /** The app's acknowledgements, read once per validation (the tree is walked once, not once per stack). */
  private acks?: AcknowledgementIndex;

  constructor(scope?: IConstruct, props: ApiGuardrailsChecksProps = {}) {
    super(scope, props);
    this.packName = 'ApiGuardrails';
    this.verboseDescriptions = props.verbose ?? false;
    const rules = props.rules ?? allRules;
    this.standard = resolveStandard(props.standard, rules);
    this.rulesById = new Map(rules.map((r) => [r.id, r]));
    this.ruleIds = rules.map((r) => `ApiGuardrails-${r.id}`);
  }

  readonly ruleIds: string[];

  override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    this.byStack.clear();
    return super.validate(context);
  }

  override validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.byStack.clear();
    this.fatal = [];
    this.reported.clear();
    this.acks = undefined;
    const report = super.validateScope(scope);
    const violations = [...report.violations.flatMap((v) => this.perResource(v)), ...this.fatal];
    return { ...report, violations, success: report.success && this.fatal.length === 0 };
  }

  protected checkResource(node: CfnResource): void {
    const stackFindings = this.findingsOf(Stack.of(node));
    const logicalId = Stack.of(node).resolve(node.logicalId) as string;
    for (const finding of stackFindings.unsuppressible.get(logicalId) ?? []) this.addFatal(finding, node);
    const findings = stackFindings.byLogicalId.get(logicalId);
    if (!findings) return;
    const seen = new Set<string>();
    for (const finding of findings) {
      if (seen.has(finding.ruleId)) continue; // one violation per rule and resource, as cdk-nag reports them
      seen.add(finding.ruleId);
      const messages = findings.filter((f) => f.ruleId === finding.ruleId).map((f) => f.message);
      const info = `${finding.title}: ${messages.join(' ')}`;
      const explanation = `${this.rulesById.get(finding.ruleId)?.rationale ?? ''} Fix: ${finding.fix}`;
      const level = finding.severity === 'error' ? NagMessageLevel.ERROR : NagMessageLevel.WARN;
      // cdk-nag words the description the same way (NagPack.addViolation).
      this.reported.set(reportKey(`${this.packName}-${finding.ruleId}`, node.node.path), {
        description: this.verboseDescriptions ? `${info} ${explanation}` : info,
        severity: level === NagMessageLevel.ERROR ? 'error' : 'warning',
      });
      this.applyRule({
        ruleSuffixOverride: finding.ruleId,
        info,
        explanation,
        level,
        node,
        rule: Object.defineProperty(() => NagRuleCompliance.NON_COMPLIANT, 'name', { value: finding.ruleId }),
      });
    }
  }

  /**
   * One of cdk-nag's per-rule violations split into one violation per (description, severity), each
   * listing the resources it was reported for: cdk-nag gives the whole group the first resource's.
   */
  private perResource(violation: PolicyViolation): PolicyViolation[] {
    const groups = new Map<string, PolicyViolation>();
    for (const resource of violation.violatingResources) {
      const own = this.reported.get(reportKey(violation.ruleName, resource.constructPath ?? ''));
      const description = own?.description ?? violation.description;
      const severity = own?.severity ?? violation.severity;
      const key = `${severity}\u0000${description}`;
      let group = groups.get(key);
      if (!group) {
        group = { ...violation, description, severity, violatingResources: [] };
        groups.set(key, group);
      }
      group.violatingResources.push(resource);
    }
    return [...groups.values()];
  }

  /** A violation CDK and cdk-nag cannot suppress: cdk-nag's own acknowledgement check is bypassed. */
  private addFatal(finding: Finding, node: CfnResource): void {
    const ruleName = `ApiGuardrails-${finding.ruleId}`;
    const description = `${finding.title}: ${finding.message}`;
    const resource = { constructPath: node.node.path, locations: ['Properties'] };
    // One violation per rule and message, so that each resource keeps its own finding's message.
    const existing = this.fatal.find((v) => v.ruleName === ruleName && v.description === description);
    if (existing) {
      if (!existing.violatingResources.some((r) => r.constructPath === resource.constructPath))
        existing.violatingResources.push(resource);
      return;
    }
    this.fatal.push({
      ruleName,
      description,
      severity: 'fatal',
      violatingResources: [resource],
    });
  }

  /** Failing and unknown findings of one stack by logical id, computed once per stack. */
  private findingsOf(stack: Stack): StackFindings {
    let index = this.byStack.get(stack);
    if (index) return index;
    index = { byLogicalId: new Map(), unsuppressible: new Map() };
    this.byStack.set(stack, index);
    const templatePath = path.join(Stage.of(stack)?.outdir ?? '', stack.templateFile);
    if (!fs.existsSync(templatePath)) {
      throw new Error(
        `E_NAG_NO_TEMPLATE: ApiGuardrailsChecks needs the synthesized template of ${stack.node.path}, but ${templatePath} does not exist. ` +
          'Register the pack with Validations.of(app).addPlugins(...) (it runs after synthesis), or call app.synth() before validateScope().',
      );
    }
    const template = JSON.parse(fs.readFileSync(templatePath, 'utf8')) as unknown;
    const inventory = fromTemplate(template, { templatePath, stackName: stack.stackName });
    // fromTree: findings of apps synthesized without aws:cdk:path metadata are matched through logical ids.
    const acks = (this.acks ??= AcknowledgementIndex.fromTree(stack.node.root, 'ApiGuardrails'));
    const evaluation = evaluate(inventory, {
      standard: this.standard,
      acknowledge: acks.isEmpty ? undefined : (finding) => acks.find(finding),
      today: synthToday(stack),
    });
    for (const finding of evaluation.findings) {
      const logicalId = finding.resource.source.logicalId;
      if (!logicalId || (finding.status !== 'fail' && finding.status !== 'unknown')) continue;
      const ack = acks.isEmpty ? undefined : acks.find(finding);
      const target = ack && !('expired' in ack) ? index.unsuppressible : index.byLogicalId;
      const list = target.get(logicalId) ?? [];
      list.push(finding);
      target.set(logicalId, list);
    }
    return index;
  }
}

/** The key of one resource's report under one rule. */
function reportKey(ruleName: string, constructPath: string): string {
  return `${ruleName}\u0000${constructPath}`;
}
