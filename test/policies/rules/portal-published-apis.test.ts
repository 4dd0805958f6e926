import rule from '../../../policies/rules/portal-published-apis';
import { unresolved } from '../../../lib/model/value';
import { cdkTaggedRestApi, NOT_AUDITED, taggedRestApi, withPortal } from '../../helpers/fixtures-portals';
import { testRule } from '../../helpers/rule-tester';

// Portals exist only in the audit (CloudFormation has no portal resource): the REST API comes from the
// template or CDK, the portal is added to the inventory as the audit maps it.
const allow = { rules: { 'portal-published-apis': { options: { allowPortal: true } } } };
const tiers = { public: allow, internal: allow };

testRule(rule, {
  valid: [
    {
      name: 'a portal publishing an internal API, where the internal tier allows a portal',
      template: taggedRestApi('internal'),
      cdk: (stack) => cdkTaggedRestApi(stack, 'internal'),
      extend: withPortal(),
      tiers,
    },
    {
      name: 'a portal publishing a public and an internal API',
      template: { ...taggedRestApi('public'), ...taggedRestApi('internal', 'Api2', 'catalogue') },
      extend: withPortal(),
      tiers,
    },
    {
      name: 'a portal whose products document no REST API',
      template: taggedRestApi('restricted'),
      extend: withPortal({ products: [] }),
      tiers,
      expect: 'exempt',
      message: /publishes no REST API/,
    },
    {
      name: 'no portal in the inventory, as from every template',
      template: taggedRestApi('restricted'),
      expect: 'skip',
    },
  ],
  invalid: [
    {
      name: 'fails a portal publishing a confidential API (the confidential tier allows no portal)',
      template: taggedRestApi('confidential'),
      cdk: (stack) => cdkTaggedRestApi(stack, 'confidential'),
      extend: withPortal(),
      tiers,
      message: /Portal publishes Api\w* \(stage prod\).*confidential, does not allow a portal/,
    },
    {
      name: 'fails a portal publishing an internal and a restricted API (judged under the strictest tier)',
      template: { ...taggedRestApi('internal'), ...taggedRestApi('restricted', 'Api2', 'payments') },
      extend: withPortal(),
      tiers,
      message: /restricted, does not allow a portal/,
    },
    {
      name: 'fails as unknown when a product documents an API outside the audit (its tier cannot be known)',
      template: taggedRestApi('public'),
      extend: withPortal({}, [NOT_AUDITED]),
      tiers,
      expect: 'unknown',
      message: /0ther is not part of this audit/,
    },
    {
      name: 'fails when the classification tag is a parameter without default (an unknown tier is the strictest)',
      template: {
        Parameters: { Classification: { Type: 'String' } },
        Resources: taggedRestApi({ Ref: 'Classification' }),
      },
      extend: withPortal(),
      tiers,
      expect: 'fail',
      message: /restricted, does not allow a portal/,
    },
    {
      name: 'fails as unknown when the portal products could not be read (ListPortalProducts failed)',
      template: taggedRestApi('public'),
      extend: withPortal({ products: unresolved('ListPortalProducts failed (ThrottlingException)') }),
      tiers,
      expect: 'unknown',
      message: /ListPortalProducts failed/,
    },
  ],
});
