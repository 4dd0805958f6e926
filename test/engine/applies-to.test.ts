import { evaluate, RuleDefinitionError } from '../../lib/engine/evaluate';
import { renderFix } from '../../lib/engine/fix';
import { defineRule, type AnyRule } from '../../lib/engine/rule';
import { ResolvedStandard, type Standard } from '../../lib/standard';
import { fromTemplate } from '../../lib/model/template';
import { httpApi, restApi, restStage, v2Stage } from '../helpers/fixtures';

const standard: Standard = {
  name: 't',
  classification: { tagKey: 'data-classification', tiers: ['public', 'restricted'] },
  ownerTagKey: 'owner',
  unknownAs: 'rule-severity',
  rules: {},
  tiers: {},
};

/** Fails every stage it runs on: where it reports is where the engine ran it. */
const restOnly = defineRule({
  id: 'rest-only',
  title: 'A rule for REST stages',
  rationale: 'r',
  fix: { cdk: 'c', cloudFormation: 'f', sam: 's' },
  severity: 'error',
  owasp: ['API8:2023'],
  references: {},
  appliesTo: { subject: 'stage', apiKinds: ['rest'] },
  check(_stage, ctx) {
    ctx.fail(`ran on a ${ctx.api?.kind} stage`);
  },
});

const inventory = fromTemplate({
  Resources: { ...restApi(), ...restStage(), ...httpApi(), ...v2Stage() },
});

describe('the engine runs a rule only where appliesTo says', () => {
  it('runs a REST-only rule on REST stages and never on HTTP stages', () => {
    const findings = evaluate(inventory, { standard: new ResolvedStandard(standard, [restOnly]) }).findings;
    expect(findings.map((f) => f.message)).toEqual(['ran on a rest stage']);
  });

  it('fails with E_RULE_APPLIES_TO for a rule written with the old string appliesTo', () => {
    const old = { ...restOnly, appliesTo: 'stage' } as unknown as AnyRule;
    expect(() => evaluate(inventory, { standard: new ResolvedStandard(standard, [old]) })).toThrow(RuleDefinitionError);
    expect(() => evaluate(inventory, { standard: new ResolvedStandard(standard, [old]) })).toThrow(
      /E_RULE_APPLIES_TO: rule rest-only has appliesTo "stage"/,
    );
  });
});

describe('renderFix', () => {
  it('renders CDK first, then CloudFormation', () => {
    expect(renderFix(restOnly.fix)).toBe('CDK: c CloudFormation: f');
  });

  it('renders the SAM way first for a finding on a SAM resource', () => {
    expect(renderFix(restOnly.fix, { resourceType: 'AWS::Serverless::Api' })).toBe('SAM: s CloudFormation: f');
  });

  it('falls back to CDK for a SAM resource when the rule has no SAM way', () => {
    expect(renderFix({ cdk: 'c', cloudFormation: 'f' }, { resourceType: 'AWS::Serverless::HttpApi' })).toBe(
      'CDK: c CloudFormation: f',
    );
  });
});
