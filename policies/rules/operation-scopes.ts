import { defineRule } from '../../lib/engine/rule';
import type { Operation } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Every JWT or Cognito method/route that reaches a backend must require OAuth scopes (tier setting). */
  readonly requireScopes: boolean;
  /**
   * Cognito user pool methods must require scopes even where `requireScopes` is off: without scopes a Cognito
   * authorizer accepts ID tokens, which are meant for the client, not for API access.
   */
  readonly requireCognitoScopes: boolean;
}

const LOCATION = 'Properties.AuthorizationScopes';

/** Why an operation reaches no backend (MOCK integration, no integration), or undefined when it does. */
function noBackend(op: Operation): string | undefined {
  if (!op.integration) return 'the method or route has no integration, so it reaches no backend';
  const type = op.integration.type;
  if (!isUnresolved(type) && type.toUpperCase() === 'MOCK') return 'the MOCK integration reaches no backend';
  return undefined;
}

export default defineRule<'operation', Options>({
  id: 'operation-scopes',
  title: 'Methods and routes with token authorization require OAuth scopes',
  rationale:
    'A JWT or Cognito authorizer without scopes accepts every valid token of the issuer, whatever it was granted for: ' +
    'a token for the reporting app calls the payments API. Scopes per method make each token carry only the ' +
    'permissions it was issued for (least privilege, OWASP API5). A Cognito method without scopes also accepts ID tokens.',
  fix: {
    cdk:
      "`authorizationScopes: ['orders/read']` in the method options (REST) or the route options (HTTP API), with a " +
      'resource server that defines the scope (ApiUserPool does).',
    cloudFormation:
      'AuthorizationScopes on AWS::ApiGateway::Method (COGNITO_USER_POOLS) or AWS::ApiGatewayV2::Route (JWT).',
    sam: '`AuthorizationScopes` of the authorizer or of the event’s `Auth` on AWS::Serverless::Function Api/HttpApi events.',
  },
  severity: 'error',
  owasp: ['API5:2023'],
  controls: { nist80053: ['AC-3', 'AC-6'], pciDss4: ['7.2.2'] },
  references: {},
  appliesTo: { subject: 'operation', apiKinds: ['rest', 'http'] },
  options: {
    schema: {
      type: 'object',
      properties: { requireScopes: { type: 'boolean' }, requireCognitoScopes: { type: 'boolean' } },
      additionalProperties: false,
    },
    defaults: { requireScopes: false, requireCognitoScopes: true },
  },
  check(op, ctx) {
    const type = ctx.need(op.auth.type, 'the authorization type').toUpperCase();
    if (type !== 'JWT' && type !== 'COGNITO_USER_POOLS') return ctx.skip();
    const cognito = type === 'COGNITO_USER_POOLS';
    if (!ctx.options.requireScopes && !(cognito && ctx.options.requireCognitoScopes)) return ctx.skip();
    const exempt = noBackend(op);
    if (exempt) return ctx.exempt(exempt);
    const what = `${op.method} ${op.path}`.trim();
    const scopes = op.auth.scopes;
    if (isUnresolved(scopes)) {
      return ctx.unknown(`The OAuth scopes of ${what} are unresolved (${scopes.because}).`, { location: LOCATION });
    }
    if (scopes.filter((s) => s.trim() !== '').length > 0) return;
    ctx.fail(
      cognito
        ? `${what} uses a Cognito authorizer without OAuth scopes: it accepts ID tokens, and any access token of the pool.`
        : `${what} uses a JWT authorizer without OAuth scopes, which tier ${ctx.tier} requires: any token of the issuer for the audience is accepted.`,
      { location: LOCATION },
    );
  },
});
