import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/stage-waf';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import {
  cdkRestApi,
  cdkWebAcl,
  corpusTemplate,
  describeWithCorpus,
  wafAssociation,
  wafAssociationTo,
  webAcl,
} from '../../helpers/fixtures-traffic';
import { findingsFor, testRule } from '../../helpers/rule-tester';

const regional = { EndpointConfiguration: { Types: ['REGIONAL'] } };

testRule(rule, {
  valid: [
    {
      name: 'REGIONAL stage associated through a Fn::Sub stage ARN',
      template: { ...restApi(regional), ...restStage(), ...webAcl(), ...wafAssociation() },
      cdk: (stack) => {
        const api = cdkRestApi(stack, { endpointTypes: [apigw.EndpointType.REGIONAL] });
        cdkWebAcl(stack, api);
      },
    },
    {
      name: 'EDGE (default endpoint) stage associated through a Fn::Join stage ARN',
      template: {
        ...restApi(),
        ...restStage(),
        ...webAcl(),
        WafAssociation: {
          Type: 'AWS::WAFv2::WebACLAssociation',
          Properties: {
            ResourceArn: {
              'Fn::Join': [
                '',
                [
                  'arn:aws:apigateway:',
                  { Ref: 'AWS::Region' },
                  '::/restapis/',
                  { Ref: 'Api' },
                  '/stages/',
                  { Ref: 'Stage' },
                ],
              ],
            },
            WebACLArn: { 'Fn::GetAtt': ['WebAcl', 'Arn'] },
          },
        },
      },
    },
    {
      name: 'a protected stage passes even when the endpoint type comes from a parameter without default',
      template: {
        Parameters: { EndpointType: { Type: 'String' } },
        Resources: {
          ...restApi({ EndpointConfiguration: { Types: [{ Ref: 'EndpointType' }] } }),
          ...restStage(),
          ...webAcl(),
          ...wafAssociation(),
        },
      },
    },
    {
      name: 'PRIVATE APIs are out of scope by default (reachable only through VPC endpoints)',
      template: { ...restApi({ EndpointConfiguration: { Types: ['PRIVATE'] } }), ...restStage() },
      expect: 'skip',
    },
    {
      name: 'HTTP API stages are out of scope (WAF cannot attach; see http-api-waf)',
      template: { ...httpApi(), ...v2Stage() },
      expect: 'skip',
    },
    {
      name: 'the public tier may exempt REGIONAL APIs through the endpointTypes option',
      template: {
        ...restApi({ ...regional, Tags: [{ Key: 'data-classification', Value: 'public' }] }),
        ...restStage(),
      },
      tiers: { public: { rules: { 'stage-waf': { options: { endpointTypes: ['EDGE'] } } } } },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a REGIONAL stage without any web ACL association (CDK default RestApi)',
      template: { ...restApi(regional), ...restStage() },
      cdk: (stack) => void cdkRestApi(stack, { endpointTypes: [apigw.EndpointType.REGIONAL] }),
      message: /REGIONAL stage has no AWS WAF web ACL association/,
      count: 1,
    },
    {
      name: 'fails an EDGE stage (no EndpointConfiguration) without association',
      template: { ...restApi(), ...restStage() },
      message: /EDGE stage/,
    },
    {
      name: 'fails only the stage the ACL is not associated with',
      template: {
        ...restApi(regional),
        ...restStage(),
        ...restStage({ StageName: 'dev' }, 'DevStage'),
        ...webAcl(),
        ...wafAssociation(),
      },
      count: 1,
    },
    {
      name: 'fails a PRIVATE API in a tier whose standard requires WAF on private endpoints too',
      template: { ...restApi({ EndpointConfiguration: { Types: ['PRIVATE'] } }), ...restStage() },
      tiers: {
        restricted: { rules: { 'stage-waf': { options: { endpointTypes: ['EDGE', 'REGIONAL', 'PRIVATE'] } } } },
      },
      message: /PRIVATE stage/,
    },
    {
      name: 'fails an association with a CLOUDFRONT-scoped web ACL',
      template: { ...restApi(regional), ...restStage(), ...webAcl({ Scope: 'CLOUDFRONT' }), ...wafAssociation() },
      message: /scope CLOUDFRONT/,
    },
    {
      name: 'fails as unknown when the web ACL ARN is imported from another stack',
      template: {
        ...restApi(regional),
        ...restStage(),
        ...wafAssociationTo({ 'Fn::ImportValue': 'shared-web-acl-arn' }),
      },
      expect: 'unknown',
      message: /web ACL is unresolved/,
    },
    {
      name: 'fails as unknown when the association only exists under a Condition',
      template: {
        Parameters: { Protect: { Type: 'String', AllowedValues: ['yes', 'no'] } },
        Conditions: { ShouldProtect: { 'Fn::Equals': [{ Ref: 'Protect' }, 'yes'] } },
        Resources: {
          ...restApi(regional),
          ...restStage(),
          ...webAcl(),
          ...wafAssociation('WafAssociation', 'Stage', 'Api', 'WebAcl', { Condition: 'ShouldProtect' }),
        },
      },
      expect: 'unknown',
    },
    {
      name: 'fails as unknown when the endpoint type comes from a parameter without default',
      template: {
        Parameters: { EndpointType: { Type: 'String' } },
        Resources: { ...restApi({ EndpointConfiguration: { Types: [{ Ref: 'EndpointType' }] } }), ...restStage() },
      },
      expect: 'unknown',
      message: /parameter EndpointType/,
    },
  ],
});

describeWithCorpus('stage-waf on the shared corpus (peer agreement)', () => {
  it('reports unknown where KICS passes kics-no-waf-negative2: the API and the web ACL are not in the template, so neither the endpoint type nor the ACL can be checked', () => {
    const findings = findingsFor(rule, corpusTemplate('kics-no-waf-negative2.json'));
    expect(findings.map((f) => f.status)).toEqual(['unknown']);
  });
});
