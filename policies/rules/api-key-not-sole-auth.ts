import { defineRule } from '../../lib/engine/rule';
import { isUnresolved } from '../../lib/model/value';
import { CORS_PREFLIGHT, corsPreflight, NOT_CONNECT } from './rest-method-authorization';

export default defineRule<'operation'>({
  id: 'api-key-not-sole-auth',
  title: 'An API key is never the only protection of a method',
  rationale:
    'API keys identify a calling application for usage plans; they travel in a plain header, are shared by every user of that ' +
    'application and cannot carry per-user permissions. A method that requires a key but no authorizer is effectively public ' +
    'to anyone holding, or leaking, the key.',
  fix: {
    cdk:
      'Give SecureRestApi a real `authorization` (e.g. `RestApiAuthorization.iam()`), which every method gets ' +
      'next to its API key; on a plain API keep the key for metering and add `authorizer` / ' +
      '`authorizationType: AuthorizationType.IAM` next to `apiKeyRequired: true`.',
    cloudFormation: 'AuthorizationType AWS_IAM, CUSTOM or COGNITO_USER_POOLS (WebSocket: on $connect).',
    sam:
      'Keep `Auth.ApiKeyRequired` and set `Auth.DefaultAuthorizer` (an authorizer in `Auth.Authorizers`, or ' +
      'AWS_IAM) on AWS::Serverless::Api.',
  },
  severity: 'error',
  owasp: ['API2:2023'],
  controls: { nist80053: ['AC-3', 'IA-2', 'IA-5'], pciDss4: ['8.3.1'] },
  references: {},
  appliesTo: { subject: 'operation', apiKinds: ['rest', 'websocket'] },
  check(op, ctx) {
    const kind = ctx.api?.kind;
    // HTTP APIs have no API keys. On WebSocket APIs only $connect can be authorized.
    if (kind === 'websocket') {
      if (op.routeKey !== undefined && isUnresolved(op.routeKey)) {
        return ctx.unknown(
          `Cannot tell whether this WebSocket route is $connect: its route key is unresolved (${op.routeKey.because}).`,
        );
      }
      if ((op.routeKey ?? op.path) !== '$connect') return ctx.exempt(NOT_CONNECT);
    }
    const keyRequired = ctx.need(op.auth.apiKeyRequired, 'whether the method requires an API key');
    if (!keyRequired) return ctx.skip();
    if (kind === 'rest' && corsPreflight(op) === true) return ctx.exempt(CORS_PREFLIGHT);
    const type = ctx.need(op.auth.type, 'the authorization type').toUpperCase();
    if (type === 'NONE') {
      const what = kind === 'websocket' ? 'WebSocket $connect route' : `Method ${op.method} ${op.path}`;
      ctx.fail(`${what} requires an API key but no authorization: the key is its only protection.`, {
        location: 'Properties.AuthorizationType',
      });
    }
  },
});
