import rule from '../../../policies/rules/portal-access-control';
import { cdkTaggedRestApi, COGNITO, OPEN, taggedRestApi, withPortal } from '../../helpers/fixtures-portals';
import { testRule } from '../../helpers/rule-tester';
import { unresolved } from '../../../lib/model/value';

// Portals exist only in the audit (CloudFormation has no portal resource): the REST API comes from the
// template or CDK, the portal is added to the inventory as the audit maps it.
const tiers = { public: { rules: { 'portal-access-control': { options: { allowPublicPortal: true } } } } };

testRule(rule, {
  valid: [
    {
      name: 'a portal that signs users in through a Cognito user pool, publishing a restricted API',
      template: taggedRestApi('restricted'),
      cdk: (stack) => cdkTaggedRestApi(stack, 'restricted'),
      extend: withPortal({ authorization: COGNITO }),
      tiers,
    },
    {
      name: 'an open portal where its only API is public and the public tier allows it',
      template: taggedRestApi('public'),
      cdk: (stack) => cdkTaggedRestApi(stack, 'public'),
      extend: withPortal({ authorization: OPEN }),
      tiers,
      expect: 'exempt',
      message: /public tier allows a portal open to anyone/,
    },
    {
      name: 'no portal in the inventory, as from every template',
      template: taggedRestApi('restricted'),
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails an open portal (authorization none) publishing an internal API',
      template: taggedRestApi('internal'),
      cdk: (stack) => cdkTaggedRestApi(stack, 'internal'),
      extend: withPortal({ authorization: OPEN }),
      tiers,
      message: /authorization "none".*internal tier requires sign-in/,
    },
    {
      name: 'fails an open portal publishing a public and a confidential API (judged under the strictest tier)',
      template: { ...taggedRestApi('public'), ...taggedRestApi('confidential', 'Api2', 'payments') },
      extend: withPortal({ authorization: OPEN }),
      tiers,
      message: /confidential tier/,
    },
    {
      name: 'fails an open portal that publishes nothing (judged under the strictest tier)',
      template: taggedRestApi('public'),
      extend: (inventory) => withPortal({ authorization: OPEN, products: [] })(inventory),
      tiers,
      message: /restricted tier/,
    },
    {
      name: 'fails as unknown when the portal authorization could not be read (ListPortals denied)',
      template: taggedRestApi('public'),
      extend: withPortal({ authorization: unresolved('ListPortals was denied (AccessDeniedException)') }),
      tiers,
      expect: 'unknown',
      message: /ListPortals was denied/,
    },
  ],
});
