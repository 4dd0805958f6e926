import { defineRule } from '../../lib/engine/rule';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Whether APIs of this tier may be published through a portal. */
  readonly allowPortal: boolean;
}

export default defineRule<'portal', Options>({
  id: 'portal-published-apis',
  title: 'Portals publish only APIs whose tier allows a portal',
  rationale:
    'A portal product documents REST API stages, methods and paths for API consumers, often with a "try it" ' +
    'console. APIs holding confidential or restricted data should not be advertised that way: the portal is ' +
    'evaluated under the strictest tier among the APIs it publishes, and that tier must allow a portal.',
  fix: {
    cdk: 'Portals have no CloudFormation resource: remove the REST endpoint pages of the API from the portal product (`aws apigatewayv2 delete-product-rest-endpoint-page`), or the product from the portal, and republish it.',
    cloudFormation:
      'CloudFormation cannot declare portal pages: remove the API from the portal products with DeleteProductRestEndpointPage (or UpdatePortal without the product) and republish the portal.',
  },
  severity: 'error',
  owasp: ['API9:2023'],
  controls: { nist80053: ['AC-3', 'AC-22'], pciDss4: ['7.2.1'] },
  references: {},
  appliesTo: { subject: 'portal', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: { allowPortal: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { allowPortal: false },
  },
  check(portal, ctx) {
    const products = ctx.need(portal.products, 'the portal products');
    const published = new Set<string>();
    const unknown: string[] = [];
    for (const product of products) {
      const name = product.name ?? product.arn;
      if (isUnresolved(product.pages)) {
        unknown.push(`product ${name}: ${product.pages.because}`);
        continue;
      }
      for (const page of product.pages) {
        if (isUnresolved(page.apiId)) unknown.push(`product ${name}: ${page.apiId.because}`);
        else published.add(`${page.apiId} (stage ${page.stage || '?'})`);
      }
    }
    if (published.size > 0 && !ctx.options.allowPortal) {
      return ctx.fail(
        `Portal publishes ${[...published].sort().join(', ')}; the strictest tier among them, ${ctx.tier}, does not allow a portal.`,
        { location: 'includedPortalProductArns' },
      );
    }
    if (unknown.length > 0) {
      return ctx.unknown(`Cannot tell the tier of every API this portal publishes: ${unknown.join('; ')}.`);
    }
    if (published.size === 0) return ctx.exempt('the portal publishes no REST API');
  },
});
