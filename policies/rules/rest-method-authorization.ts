import { defineRule } from '../../lib/engine/rule';
import type { Operation } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /** Authorization types that count as authorization (NONE never does). */
  readonly allowedTypes: string[];
  /** Exempt CORS preflight methods: OPTIONS with a MOCK integration that answers Access-Control-* headers. */
  readonly exemptCorsPreflight: boolean;
}

/** Exempt reasons shared by the authorization rules. */
export const CORS_PREFLIGHT = 'CORS preflight answered by API Gateway (MOCK integration)';
export const NOT_CONNECT = 'WebSocket route other than $connect: it rides on the authorized connection';

const CORS_RESPONSE_HEADER = /^method\.response\.header\.access-control-allow-/i;

/**
 * Whether an operation is a CORS preflight answered by API Gateway itself: an OPTIONS method whose MOCK
 * integration sets Access-Control-Allow-* response headers. Unresolved integration facts give 'unknown'.
 */
export function corsPreflight(op: Operation): boolean | 'unknown' {
  if (op.method !== 'OPTIONS' || !op.integration) return false;
  const type = op.integration.type;
  if (isUnresolved(type)) return 'unknown';
  if (type.toUpperCase() !== 'MOCK') return false;
  return Object.keys(op.integration.responseParameters).some((key) => CORS_RESPONSE_HEADER.test(key));
}

export default defineRule<'operation', Options>({
  id: 'rest-method-authorization',
  title: 'REST methods require authorization',
  rationale:
    'A method with authorization NONE can be called by anyone who can reach the endpoint. An API key is not authorization: ' +
    'keys are sent in clear headers, shared between clients and meant for metering, not for identifying callers.',
  fix: {
    cdk:
      'SecureRestApi applies its `authorization` (e.g. `RestApiAuthorization.cognito({ userPools, scopes })`) ' +
      'to every method; on a plain RestApi give the method (or `defaultMethodOptions`) an `authorizer` or ' +
      '`authorizationType: AuthorizationType.IAM`.',
    cloudFormation:
      'set AuthorizationType to AWS_IAM, CUSTOM or COGNITO_USER_POOLS on AWS::ApiGateway::Method (or ' +
      '`security` on the OpenAPI operation).',
    sam:
      '`Auth.DefaultAuthorizer` (an authorizer in `Auth.Authorizers`, or AWS_IAM) on AWS::Serverless::Api; ' +
      '`Auth.AddDefaultAuthorizerToCorsPreflight: false` keeps CORS preflights open.',
  },
  severity: 'error',
  owasp: ['API2:2023', 'API5:2023'],
  controls: { nist80053: ['AC-3', 'CM-2', 'CM-2(2)', 'IA-2'], pciDss4: ['7.2.1', '8.3.1'] },
  references: {
    cdkNag: 'AwsSolutions-APIG4',
    checkov: 'CKV_AWS_59',
    cfnNag: 'W59',
    kics: 'API Gateway With Open Access',
    prowler: 'apigateway_restapi_authorizers_enabled',
  },
  appliesTo: { subject: 'operation', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowedTypes: {
          type: 'array',
          items: { enum: ['AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'] },
          minItems: 1,
          uniqueItems: true,
        },
        exemptCorsPreflight: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { allowedTypes: ['AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'], exemptCorsPreflight: true },
  },
  check(op, ctx) {
    const type = ctx.need(op.auth.type, 'the method authorization type').toUpperCase();
    if (type === 'NONE') {
      if (ctx.options.exemptCorsPreflight) {
        const preflight = corsPreflight(op);
        if (preflight === 'unknown') {
          return ctx.unknown(
            'Cannot tell whether this OPTIONS method is a CORS preflight: its integration type is unresolved.',
            {
              location: 'Properties.Integration.Type',
            },
          );
        }
        if (preflight) return ctx.exempt(CORS_PREFLIGHT);
      }
      const apiKey =
        op.auth.apiKeyRequired === true
          ? ' It requires an API key, but an API key identifies a client for metering; it does not authorize.'
          : '';
      const preflightNote =
        op.method === 'OPTIONS' && ctx.options.exemptCorsPreflight
          ? ' (This OPTIONS method is not a CORS preflight: no MOCK integration answering Access-Control-* headers.)'
          : '';
      return ctx.fail(`Method ${op.method} ${op.path} has authorization type NONE.${apiKey}${preflightNote}`, {
        location: 'Properties.AuthorizationType',
      });
    }
    if (!ctx.options.allowedTypes.includes(type)) {
      ctx.fail(
        `Method ${op.method} ${op.path} uses authorization type ${type}; the standard allows ${ctx.options.allowedTypes.join(', ')}.`,
        {
          location: 'Properties.AuthorizationType',
        },
      );
    }
  },
});
