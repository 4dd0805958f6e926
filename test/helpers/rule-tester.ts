import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { evaluate } from '../../lib/engine/evaluate';
import type { Finding, FindingStatus } from '../../lib/engine/finding';
import type { AnyRule } from '../../lib/engine/rule';
import type { Standard, TierSetting } from '../../lib/standard';
import { ResolvedStandard } from '../../lib/standard';
import { fromTemplate } from '../../lib/model/template';
import type { Inventory } from '../../lib/model/types';

/** One row of a rule's test table. */
export interface RuleCase {
  /** Invalid cases start with "fails"; say why when our verdict differs from a peer's. */
  readonly name: string;
  /** A CloudFormation template, or only its Resources map (detected by the absence of `Resources`). */
  readonly template?: Record<string, unknown>;
  /** Build the case with CDK: the stack is synthesized and read by the same template builder. */
  readonly cdk?: (stack: Stack) => void;
  /**
   * Valid cases: 'pass' (default: at least one pass, no fail/unknown), 'exempt' (every finding a pass the rule
   * exempts on purpose; `message` matches the reason) or 'skip' (rule not applicable: no finding).
   * Invalid cases: 'fail' (default) or 'unknown'.
   */
  readonly expect?: FindingStatus | 'skip' | 'exempt';
  /** At least one finding of the expected status has a message (exempt: reason) matching this. */
  readonly message?: RegExp;
  /** Exact number of findings with the expected status. */
  readonly count?: number;
  /** Options for the rule (merged over its defaults), as a standard would set them. */
  readonly options?: Record<string, unknown>;
  /** Per-tier settings, as a standard would set them (the API's data-classification tag picks the tier). */
  readonly tiers?: Record<string, TierSetting>;
  /** unknownAs of the standard. */
  readonly unknownAs?: Standard['unknownAs'];
  /** Adds what no template can declare (e.g. audited portals) to the inventory built from the template. */
  readonly extend?: (inventory: Inventory) => Inventory;
}

export interface RuleTable {
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly RuleCase[];
}

export const TEST_TIERS = ['public', 'internal', 'confidential', 'restricted'];

/** Evaluate one rule on one template with a minimal standard: the rule's defaults plus the case's options. */
export function findingsFor(rule: AnyRule, template: Record<string, unknown>, kase: Partial<RuleCase> = {}): Finding[] {
  const standard: Standard = {
    name: 'test',
    classification: { tagKey: 'data-classification', tiers: TEST_TIERS },
    ownerTagKey: 'owner',
    unknownAs: kase.unknownAs ?? 'rule-severity',
    rules: { [rule.id]: { options: kase.options } },
    tiers: kase.tiers ?? {},
  };
  const built = fromTemplate(template, { templatePath: 'test.template.json', stackName: 'Test' });
  const inventory = kase.extend ? kase.extend(built) : built;
  return evaluate(inventory, { standard: new ResolvedStandard(standard, [rule]) }).findings.filter(
    (f) => f.ruleId === rule.id,
  );
}

export function synthesize(build: (stack: Stack) => void): Record<string, unknown> {
  const app = new App();
  const stack = new Stack(app, 'Test', { env: { account: '111111111111', region: 'eu-west-1' } });
  build(stack);
  return Template.fromStack(stack).toJSON() as Record<string, unknown>;
}

/** Wraps a Resources map into a template. */
export function asTemplate(input: Record<string, unknown>): Record<string, unknown> {
  return 'Resources' in input ? input : { Resources: input };
}

function statuses(findings: Finding[]): string {
  return findings
    .map((f) => f.status)
    .sort()
    .join(',');
}

function describeFindings(findings: Finding[]): string {
  return findings.length === 0
    ? '(no findings)'
    : findings
        .map((f) => `  ${f.status}${f.exempt ? ` (exempt: ${f.exempt})` : ''}: ${f.resource.label}: ${f.message}`)
        .join('\n');
}

function checkCase(rule: AnyRule, kase: RuleCase, valid: boolean): void {
  const routes: { route: string; findings: Finding[] }[] = [];
  if (kase.template) routes.push({ route: 'template', findings: findingsFor(rule, asTemplate(kase.template), kase) });
  if (kase.cdk) routes.push({ route: 'cdk', findings: findingsFor(rule, synthesize(kase.cdk), kase) });
  if (routes.length === 0) throw new Error(`Case "${kase.name}" has neither a template nor a cdk builder.`);
  for (const { route, findings } of routes) {
    const where = `${rule.id} / "${kase.name}" via ${route}:\n${describeFindings(findings)}`;
    const expected = kase.expect ?? (valid ? 'pass' : 'fail');
    if (valid) {
      const bad = findings.filter((f) => f.status === 'fail' || f.status === 'unknown');
      if (bad.length) throw new Error(`expected no fail/unknown findings for ${where}`);
      if (expected === 'skip' && findings.length) throw new Error(`expected the rule not to apply for ${where}`);
      if (expected === 'pass' && !findings.some((f) => f.status === 'pass'))
        throw new Error(`expected a pass finding for ${where}`);
      if (expected === 'exempt') {
        if (findings.length === 0 || findings.some((f) => f.exempt === undefined))
          throw new Error(`expected every finding to be an exempt pass for ${where}`);
        if (kase.message && !findings.some((f) => kase.message!.test(f.exempt!)))
          throw new Error(`expected an exempt reason matching ${kase.message} for ${where}`);
      }
    } else {
      const hits = findings.filter((f) => f.status === expected);
      if (!hits.length) throw new Error(`expected a ${expected} finding for ${where}`);
      if (kase.message && !hits.some((f) => kase.message!.test(f.message)))
        throw new Error(`expected a message matching ${kase.message} for ${where}`);
      if (kase.count !== undefined && hits.length !== kase.count)
        throw new Error(`expected ${kase.count} ${expected} findings, got ${hits.length}, for ${where}`);
    }
  }
  if (routes.length === 2 && statuses(routes[0].findings) !== statuses(routes[1].findings)) {
    throw new Error(
      `the template and CDK routes disagree for ${rule.id} / "${kase.name}":\n template:\n${describeFindings(routes[0].findings)}\n cdk:\n${describeFindings(routes[1].findings)}`,
    );
  }
}

/**
 * Table-driven rule tester (ESLint's RuleTester idea). A table must have valid and invalid cases, invalid
 * case names start with "fails", and every case runs through the template builder (and CDK when given).
 */
export function testRule(rule: AnyRule, table: RuleTable): void {
  describe(`rule ${rule.id}`, () => {
    it('has both valid and invalid cases, with invalid names starting with "fails"', () => {
      expect(table.valid.length).toBeGreaterThan(0);
      expect(table.invalid.length).toBeGreaterThan(0);
      for (const kase of table.invalid) expect(kase.name).toMatch(/^fails/);
      for (const kase of table.valid) expect(kase.name).not.toMatch(/^fails/);
    });
    for (const kase of table.valid) it(`valid: ${kase.name}`, () => checkCase(rule, kase, true));
    for (const kase of table.invalid) it(`invalid: ${kase.name}`, () => checkCase(rule, kase, false));
  });
}
