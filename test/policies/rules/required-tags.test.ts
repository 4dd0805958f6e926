import { Tags } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import rule from '../../../policies/rules/required-tags';
import { httpApi, restApi, restStage, v2Stage } from '../../helpers/fixtures';
import { tags } from '../../helpers/fixtures-access';
import { testRule } from '../../helpers/rule-tester';

const GOOD = { owner: 'team-orders', 'data-classification': 'internal' };

function cdkRestApi(stack: Stack, tagMap: Record<string, string>): void {
  const api = new apigw.RestApi(stack, 'Api', { cloudWatchRole: false });
  api.root.addMethod('GET', new apigw.MockIntegration());
  for (const [key, value] of Object.entries(tagMap)) Tags.of(api).add(key, value);
}

const taggedRest = (
  apiTags: Record<string, unknown>,
  stageTags: Record<string, unknown> = apiTags,
): Record<string, unknown> => ({
  ...restApi({ Tags: tags(apiTags) }),
  ...restStage({ Tags: tags(stageTags) }),
});

const RESTRICTED_NEEDS_CONTACT = {
  restricted: {
    rules: { 'required-tags': { options: { requiredKeys: ['owner', 'data-classification', 'incident-contact'] } } },
  },
};

testRule(rule, {
  valid: [
    {
      name: 'REST API and stage carry owner and a known classification',
      template: taggedRest(GOOD),
      cdk: (stack) => cdkRestApi(stack, GOOD),
    },
    {
      name: 'HTTP API and stage with map-style tags',
      template: { ...httpApi({ Tags: GOOD }), ...v2Stage({ Tags: GOOD }) },
    },
    {
      name: 'stage tags not required when the standard turns stage checks off',
      template: { ...restApi({ Tags: tags(GOOD) }), ...restStage() },
      options: { checkStages: false },
    },
    {
      name: 'the implicit stage of an HTTP API quick create (it cannot be tagged) is covered by the API tags',
      template: { ...httpApi({ Tags: GOOD, Target: 'https://orders.example.com' }) },
    },
    {
      name: 'a public API needs no incident-contact tag even where restricted APIs do',
      template: taggedRest({ ...GOOD, 'data-classification': 'public' }),
      tiers: RESTRICTED_NEEDS_CONTACT,
    },
    {
      name: 'a stage of an imported REST API, with stage checks off, is checked where the API is declared',
      template: {
        Stage: {
          Type: 'AWS::ApiGateway::Stage',
          Properties: { RestApiId: 'abc123def4', DeploymentId: 'dep123', StageName: 'prod' },
        },
      },
      options: { checkStages: false },
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails an untagged API and stage (the CDK default)',
      template: { ...restApi(), ...restStage() },
      cdk: (stack) => cdkRestApi(stack, {}),
      message: /The API lacks required tags owner, data-classification/,
      count: 2,
    },
    {
      name: 'fails a classification outside the allowed tiers',
      template: taggedRest({ ...GOOD, 'data-classification': 'secret' }),
      message:
        /data-classification of the API is "secret"; allowed values are public, internal, confidential, restricted/,
    },
    {
      name: 'fails a stage that only inherits tags from its REST API (inheritance is for ABAC only; AWS Config api-gw-stage-tagged agrees)',
      template: { ...restApi({ Tags: tags(GOOD) }), ...restStage() },
      message: /Stage prod lacks required tags/,
      count: 1,
    },
    {
      name: 'fails an empty owner value',
      template: taggedRest({ ...GOOD, owner: '' }),
      message: /lacks required tag owner/,
    },
    {
      name: 'fails a restricted API without the incident-contact tag its tier requires',
      template: taggedRest({ ...GOOD, 'data-classification': 'restricted' }),
      tiers: RESTRICTED_NEEDS_CONTACT,
      message: /incident-contact/,
    },
    {
      name: 'fails a key outside custom allowed values set by the standard',
      template: taggedRest({ ...GOOD, owner: 'nobody' }),
      options: { allowedValues: { owner: ['team-orders', 'team-payments'] } },
      message: /Tag owner of the API is "nobody"/,
    },
    {
      name: 'fails as unknown when the classification comes from a parameter without default',
      template: {
        Parameters: { Classification: { Type: 'String' } },
        Resources: taggedRest({ owner: 'team-orders', 'data-classification': { Ref: 'Classification' } }),
      },
      expect: 'unknown',
      message: /parameter Classification/,
    },
    {
      // A tag whose key is a parameter may be the missing one: "lacks owner" would be a guess.
      name: 'fails as unknown, not as missing, when a tag key comes from a parameter without default',
      template: {
        Parameters: { OwnerKey: { Type: 'String' } },
        Resources: {
          ...restApi({
            Tags: [
              { Key: { Ref: 'OwnerKey' }, Value: 'team-orders' },
              { Key: 'data-classification', Value: 'internal' },
            ],
          }),
          ...restStage({ Tags: tags(GOOD) }),
        },
      },
      expect: 'unknown',
      message:
        /Whether the API has tag owner is unknown: its tags are unresolved \(parameter OwnerKey has no default\)/,
    },
    {
      name: 'fails as unknown, not as missing, when the whole Tags list depends on a condition',
      template: {
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '111111111111'] } },
        Resources: {
          ...restApi({ Tags: { 'Fn::If': ['IsProd', tags(GOOD), tags({ owner: 'team-b' })] } }),
          ...restStage({ Tags: tags(GOOD) }),
        },
      },
      expect: 'unknown',
      message: /its tags are unresolved \(the value depends on condition IsProd\)/,
    },
  ],
});
