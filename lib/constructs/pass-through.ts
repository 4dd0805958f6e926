import type { RestApiProps } from 'aws-cdk-lib/aws-apigateway';
import type { HttpApiProps, WebSocketApiProps } from 'aws-cdk-lib/aws-apigatewayv2';
import { nearest } from '../engine/nearest';
import { GuardrailsConstructError } from './errors';

/** Plain aws-cdk-lib RestApi props with no security meaning, passed through unchanged. */
export type RestApiPassThroughProps = Pick<
  RestApiProps,
  | 'binaryMediaTypes'
  | 'minCompressionSize'
  | 'retainDeployments'
  | 'failOnWarnings'
  | 'parameters'
  | 'endpointExportName'
>;

/** Plain aws-cdk-lib HttpApi props with no security meaning, passed through unchanged. */
export type HttpApiPassThroughProps = Pick<HttpApiProps, 'routeSelectionExpression' | 'ipAddressType'>;

/** Plain aws-cdk-lib WebSocketApi props with no security meaning, passed through unchanged. */
export type WebSocketApiPassThroughProps = Pick<
  WebSocketApiProps,
  'routeSelectionExpression' | 'ipAddressType' | 'disableSchemaValidation'
>;

const REST_PASS_THROUGH = [
  'binaryMediaTypes',
  'minCompressionSize',
  'retainDeployments',
  'failOnWarnings',
  'parameters',
  'endpointExportName',
] as const satisfies readonly (keyof RestApiPassThroughProps)[];
const HTTP_PASS_THROUGH = [
  'routeSelectionExpression',
  'ipAddressType',
] as const satisfies readonly (keyof HttpApiPassThroughProps)[];
const WEBSOCKET_PASS_THROUGH = [
  'routeSelectionExpression',
  'ipAddressType',
  'disableSchemaValidation',
] as const satisfies readonly (keyof WebSocketApiPassThroughProps)[];

/** Security-relevant plain props, and the construct's own way to set each. */
const GUARDED: Record<string, string> = {
  deployOptions: 'the construct props stageName, throttle, loggingLevel, accessLogs and relax',
  deploy: 'the construct (it always deploys its secure stage)',
  latestDeployment: 'the construct (it always deploys its secure stage)',
  policy: 'endpointType: EndpointType.PRIVATE with vpcEndpoints (the resource policy is generated)',
  endpointConfiguration: 'endpointType and vpcEndpoints',
  endpointTypes: 'endpointType',
  cloudWatchRole: 'accountCloudWatchRole',
  cloudWatchRoleRemovalPolicy: 'accountCloudWatchRole (the shared role is retained)',
  disableExecuteApiEndpoint: 'SecureApiDomain.mapRestApi (it turns the default endpoint off)',
  defaultMethodOptions: 'authorization',
  defaultCorsPreflightOptions: 'cors',
  corsPreflight: 'cors',
  defaultAuthorizer: 'authorization',
  defaultAuthorizationScopes: 'authorization',
  createDefaultStage: 'the construct (it creates its secure stage)',
  defaultDomainMapping: 'a custom domain construct',
  domainName: 'SecureApiDomain',
  apiKeySourceType: 'a usage plan (API keys are never the sole authorization)',
  apiKeySelectionExpression: 'authorization',
  connectRouteOptions: 'connectIntegration and authorization',
  disconnectRouteOptions: 'disconnectIntegration',
  defaultRouteOptions: 'defaultIntegration',
  defaultIntegration: 'routes added with addRoutes',
  cloneFrom: 'the construct (a clone would bring the source API’s settings)',
};

function check(value: unknown, allowed: readonly string[], construct: string): void {
  if (value === undefined || value === null || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const way = GUARDED[key];
    if (way !== undefined) {
      throw new GuardrailsConstructError(
        'E_PLAIN_PROP_REFUSED',
        `${construct} sets ${key} itself (it carries a security default), so apiProps cannot pass it.`,
        key,
        `Set it through ${way}.`,
      );
    }
    const close = nearest(key, allowed);
    throw new GuardrailsConstructError(
      'E_UNKNOWN_PROP',
      `apiProps of ${construct} has no pass-through prop "${key}".`,
      key,
      `${close !== undefined ? `Did you mean apiProps.${close}? ` : ''}Pass-through props: ${allowed.join(', ')}.`,
    );
  }
}

/** Refuse security-relevant or unknown keys in a SecureRestApi's apiProps (JavaScript callers, casts). */
export function checkRestApiPassThrough(value: RestApiPassThroughProps | undefined): RestApiPassThroughProps {
  check(value, REST_PASS_THROUGH, 'SecureRestApi');
  return value ?? {};
}

export function checkHttpApiPassThrough(value: HttpApiPassThroughProps | undefined): HttpApiPassThroughProps {
  check(value, HTTP_PASS_THROUGH, 'SecureHttpApi');
  return value ?? {};
}

export function checkWebSocketApiPassThrough(
  value: WebSocketApiPassThroughProps | undefined,
): WebSocketApiPassThroughProps {
  check(value, WEBSOCKET_PASS_THROUGH, 'SecureWebSocketApi');
  return value ?? {};
}
