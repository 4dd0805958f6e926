import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/waf-rules';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import {
  cdkRestApi,
  cdkWebAcl,
  managedRule,
  rateRule,
  standardWafRules,
  wafAssociation,
  wafAssociationTo,
  webAcl,
} from '../../helpers/fixtures-traffic';
import { testRule } from '../../helpers/rule-tester';

const regional = { EndpointConfiguration: { Types: ['REGIONAL'] } };
const withRules = (rules: unknown[]) => ({
  ...restApi(regional),
  ...restStage(),
  ...webAcl({ Rules: rules }),
  ...wafAssociation(),
});
const common = managedRule('AWSManagedRulesCommonRuleSet', 1);
const badInputs = managedRule('AWSManagedRulesKnownBadInputsRuleSet', 2);

testRule(rule, {
  valid: [
    {
      name: 'web ACL with the common and known-bad-inputs groups and a blocking rate-based rule',
      template: withRules(standardWafRules()),
      cdk: (stack) => cdkWebAcl(stack, cdkRestApi(stack, { endpointTypes: [apigw.EndpointType.REGIONAL] })),
    },
    {
      name: 'extra groups and a vendor-qualified requirement',
      template: withRules([...standardWafRules(), managedRule('AWSManagedRulesSQLiRuleSet', 3)]),
      options: { requiredManagedRuleGroups: ['AWS/AWSManagedRulesSQLiRuleSet'] },
    },
    {
      name: 'stages without a web ACL are left to stage-waf',
      template: { ...restApi(regional), ...restStage() },
      expect: 'skip',
    },
    { name: 'HTTP API stages are out of scope', template: { ...httpApi(), ...v2Stage() }, expect: 'skip' },
    {
      name: 'a tier with a rate-limit ceiling, met',
      template: withRules([common, badInputs, rateRule(500)]),
      tiers: { restricted: { rules: { 'waf-rules': { options: { maxRateBasedLimit: 1000 } } } } },
    },
  ],
  invalid: [
    {
      name: 'fails an empty web ACL (no managed groups, no rate-based rule)',
      template: withRules([]),
      cdk: (stack) => cdkWebAcl(stack, cdkRestApi(stack, { endpointTypes: [apigw.EndpointType.REGIONAL] }), []),
      message: /lacks the managed rule group\(s\) AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet/,
      count: 2,
    },
    {
      name: 'fails a managed group that only counts',
      template: withRules([managedRule('AWSManagedRulesCommonRuleSet', 1, true), badInputs, rateRule(1000)]),
      message: /runs AWSManagedRulesCommonRuleSet in COUNT mode only/,
      count: 1,
    },
    {
      name: 'fails a rate-based rule in COUNT mode',
      template: withRules([common, badInputs, rateRule(1000, 10, true)]),
      message: /its rate-based rule only counts/,
    },
    {
      name: 'fails a missing rate-based rule',
      template: withRules([common, badInputs]),
      message: /it has no rate-based rule/,
    },
    {
      name: 'fails a same-named group from another vendor',
      template: withRules([
        managedRule('AWSManagedRulesCommonRuleSet', 1, false, 'SomeVendor'),
        badInputs,
        rateRule(1000),
      ]),
      message: /lacks the managed rule group\(s\) AWSManagedRulesCommonRuleSet\./,
    },
    {
      name: 'fails a rate limit above the tier ceiling',
      template: withRules(standardWafRules()),
      tiers: { restricted: { rules: { 'waf-rules': { options: { maxRateBasedLimit: 500 } } } } },
      message: /rate-limits at 1000 requests per window; the standard allows at most 500/,
    },
    {
      name: 'fails as unknown when the web ACL is imported from another stack',
      template: {
        ...restApi(regional),
        ...restStage(),
        ...wafAssociationTo({ 'Fn::ImportValue': 'shared-web-acl-arn' }),
      },
      expect: 'unknown',
      message: /associated web ACL is unresolved/,
    },
    {
      name: 'fails as unknown when the rate limit comes from a parameter without default and the tier sets a ceiling',
      template: {
        Parameters: { Limit: { Type: 'Number' } },
        Resources: withRules([common, badInputs, rateRule({ Ref: 'Limit' })]),
      },
      tiers: { restricted: { rules: { 'waf-rules': { options: { maxRateBasedLimit: 500 } } } } },
      expect: 'unknown',
      message: /parameter Limit/,
    },
  ],
});
