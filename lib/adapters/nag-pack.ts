import * as fs from 'fs';
import * as path from 'path';
import type { CfnResource, IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
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

/**
 * Every API Guardrails rule as a cdk-nag v3 pack, for teams that run `AwsSolutionsChecks`: violations
 * appear in the same report with ids `ApiGuardrails-<rule-id>` and are acknowledged the cdk-nag way,
 * `Validations.of(scope).acknowledge({ id: 'ApiGuardrails-<rule-id>', reason })`.
 *
 * cdk-nag calls `checkResource` once per L1 resource; the pack evaluates the whole stack once, from
 * its synthesized template, on the first resource of each stack, and then only looks findings up.
 */
export class ApiGuardrailsChecks extends NagPack {
  readonly name = 'ApiGuardrailsChecks';
  private readonly standard: ResolvedStandard;
  private readonly rulesById: Map<string, AnyRule>;
  private readonly byStack = new Map<Stack, Map<string, Finding[]>>();

  constructor(scope?: IConstruct, props: ApiGuardrailsChecksProps = {}) {
    super(scope, props);
    this.packName = 'ApiGuardrails';
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
    return super.validateScope(scope);
  }

  protected checkResource(node: CfnResource): void {
    const findings = this.findingsOf(Stack.of(node)).get(Stack.of(node).resolve(node.logicalId) as string);
    if (!findings) return;
    const seen = new Set<string>();
    for (const finding of findings) {
      if (seen.has(finding.ruleId)) continue; // one violation per rule and resource, as cdk-nag reports them
      seen.add(finding.ruleId);
      const messages = findings.filter((f) => f.ruleId === finding.ruleId).map((f) => f.message);
      this.applyRule({
        ruleSuffixOverride: finding.ruleId,
        info: `${finding.title}: ${messages.join(' ')}`,
        explanation: `${this.rulesById.get(finding.ruleId)?.rationale ?? ''} Fix: ${finding.fix}`,
        level: finding.severity === 'error' ? NagMessageLevel.ERROR : NagMessageLevel.WARN,
        node,
        rule: Object.defineProperty(() => NagRuleCompliance.NON_COMPLIANT, 'name', { value: finding.ruleId }),
      });
    }
  }

  /** Failing and unknown findings of one stack by logical id, computed once per stack. */
  private findingsOf(stack: Stack): Map<string, Finding[]> {
    let index = this.byStack.get(stack);
    if (index) return index;
    index = new Map();
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
    for (const finding of evaluate(inventory, { standard: this.standard, includePasses: false }).findings) {
      const logicalId = finding.resource.source.logicalId;
      if (!logicalId || (finding.status !== 'fail' && finding.status !== 'unknown')) continue;
      const list = index.get(logicalId) ?? [];
      list.push(finding);
      index.set(logicalId, list);
    }
    return index;
  }
}
