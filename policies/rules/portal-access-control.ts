import { defineRule } from '../../lib/engine/rule';

interface Options {
  /** Whether the tier lets a portal be open to anyone on the web (authorization `none`). */
  readonly allowPublicPortal: boolean;
}

export default defineRule<'portal', Options>({
  id: 'portal-access-control',
  title: 'API Gateway portals require sign-in',
  rationale:
    'A portal with authorization "none" shows its products, REST endpoint pages and "try it" consoles to anyone ' +
    'on the web: the documentation of internal or confidential APIs becomes reconnaissance material. A Cognito ' +
    'user pool app client limits the portal to signed-in users; only a tier for public APIs may leave it open.',
  fix: {
    cdk: 'Portals have no CloudFormation resource: run `aws apigatewayv2 update-portal --portal-id ID --authorization cognitoConfig={appClientId=...,userPoolArn=...,userPoolDomain=...}` and republish the portal.',
    cloudFormation:
      'CloudFormation cannot declare a portal: set the portal authorization to a Cognito user pool app client with UpdatePortal (console, CLI or SDK) and republish it.',
  },
  severity: 'error',
  owasp: ['API9:2023'],
  controls: { nist80053: ['AC-3', 'AC-14'], pciDss4: ['7.2.1'] },
  references: {},
  appliesTo: { subject: 'portal', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: { allowPublicPortal: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { allowPublicPortal: false },
  },
  check(portal, ctx) {
    const authorization = ctx.need(portal.authorization, 'the portal authorization');
    if (authorization.kind === 'cognito') return;
    if (ctx.options.allowPublicPortal) return ctx.exempt(`the ${ctx.tier} tier allows a portal open to anyone`);
    ctx.fail(
      `Portal has authorization "none": anyone on the web can read it; the ${ctx.tier} tier requires sign-in through a Cognito user pool.`,
      { location: 'authorization' },
    );
  },
});
