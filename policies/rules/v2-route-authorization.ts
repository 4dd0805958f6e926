import { defineRule } from '../../lib/engine/rule';
import { isUnresolved } from '../../lib/model/value';
import { NOT_CONNECT } from './rest-method-authorization';

interface Options {
  /** Authorization types that count as authorization on HTTP API routes (NONE never does). */
  readonly allowedHttpTypes: string[];
  /** Authorization types that count as authorization on a WebSocket $connect route. */
  readonly allowedWebSocketTypes: string[];
  /**
   * Exempt HTTP API `OPTIONS ...` routes (the pattern for CORS preflights when an authorizer would block them). Off by
   * default: unlike a REST MOCK preflight, such a route invokes a real backend without authorization.
   */
  readonly exemptOptionsRoutes: boolean;
}

export default defineRule<'operation', Options>({
  id: 'v2-route-authorization',
  title: 'HTTP API routes and WebSocket $connect routes require authorization',
  rationale:
    'A route with authorization NONE can be called by anyone who can reach the endpoint. On WebSocket APIs the only ' +
    'place to authorize is the $connect route: every later message rides on the authorized connection.',
  fix: {
    cdk:
      'SecureHttpApi and SecureWebSocketApi apply their `authorization` (e.g. `HttpApiAuthorization.jwt({ ' +
      'issuer, audience, scopes })`) to every route and to $connect; on plain APIs set `defaultAuthorizer` on ' +
      'HttpApi (or `authorizer` per route), e.g. HttpJwtAuthorizer / HttpIamAuthorizer, and `authorizer` on ' +
      'the WebSocket $connect route.',
    cloudFormation: 'AuthorizationType JWT, AWS_IAM or CUSTOM (with AuthorizerId) on AWS::ApiGatewayV2::Route.',
    sam:
      '`Auth.DefaultAuthorizer` (a JWT or Lambda authorizer in `Auth.Authorizers`, or AWS_IAM) on ' +
      'AWS::Serverless::HttpApi.',
  },
  severity: 'error',
  owasp: ['API2:2023', 'API5:2023'],
  controls: { nist80053: ['AC-3', 'CM-2', 'CM-2(2)', 'IA-2'], pciDss4: ['7.2.1', '8.3.1'] },
  references: {
    securityHub: 'APIGateway.8',
    awsConfig: 'api-gwv2-authorization-type-configured',
    controlTower: 'CT.APIGATEWAY.PR.5',
    cdkNag: 'AwsSolutions-APIG4',
    checkov: 'CKV_AWS_309',
    kics: 'API Gateway Without Configured Authorizer',
    prowler: 'apigatewayv2_api_authorizers_enabled',
  },
  appliesTo: { subject: 'operation', apiKinds: ['http', 'websocket'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowedHttpTypes: {
          type: 'array',
          items: { enum: ['AWS_IAM', 'CUSTOM', 'JWT'] },
          minItems: 1,
          uniqueItems: true,
        },
        allowedWebSocketTypes: {
          type: 'array',
          items: { enum: ['AWS_IAM', 'CUSTOM'] },
          minItems: 1,
          uniqueItems: true,
        },
        exemptOptionsRoutes: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: {
      allowedHttpTypes: ['AWS_IAM', 'CUSTOM', 'JWT'],
      allowedWebSocketTypes: ['AWS_IAM', 'CUSTOM'],
      exemptOptionsRoutes: false,
    },
  },
  check(op, ctx) {
    const kind = ctx.api?.kind;
    const routeKey = op.routeKey === undefined || isUnresolved(op.routeKey) ? op.path : op.routeKey;
    if (kind === 'websocket') {
      if (op.routeKey !== undefined && isUnresolved(op.routeKey)) {
        return ctx.unknown(
          `Cannot tell whether this WebSocket route is $connect: its route key is unresolved (${op.routeKey.because}).`,
        );
      }
      // Only $connect can carry an authorizer; other routes ride on the authorized connection.
      if (routeKey !== '$connect') return ctx.exempt(NOT_CONNECT);
    }
    if (kind === 'http' && op.method === 'OPTIONS' && ctx.options.exemptOptionsRoutes)
      return ctx.exempt('OPTIONS route, exempted by the standard (exemptOptionsRoutes)');
    const type = ctx.need(op.auth.type, `the authorization type of route ${routeKey}`).toUpperCase();
    const allowed = kind === 'http' ? ctx.options.allowedHttpTypes : ctx.options.allowedWebSocketTypes;
    if (type === 'NONE' && op.implicit) {
      // No location: the fix is a route to add, not a property to change.
      return ctx.fail(
        'WebSocket API has no $connect route, so AWS accepts every connection without authorization. Add a $connect route with an authorizer.',
      );
    }
    if (type === 'NONE') {
      const what = kind === 'websocket' ? 'WebSocket $connect route' : `Route ${routeKey}`;
      return ctx.fail(
        `${what} has authorization type NONE, so anyone can ${kind === 'websocket' ? 'connect' : 'call it'}.`,
        {
          location: 'Properties.AuthorizationType',
        },
      );
    }
    if (!allowed.includes(type)) {
      ctx.fail(`Route ${routeKey} uses authorization type ${type}; the standard allows ${allowed.join(', ')}.`, {
        location: 'Properties.AuthorizationType',
      });
    }
  },
});
