import { Duration, Names, Stack } from 'aws-cdk-lib';
import type { CorsHttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  type AddRoutesOptions,
  CfnRoute,
  HttpApi,
  type HttpRoute,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { accessLogGroup, HTTP_ACCESS_LOG_FIELDS, jsonAccessLogFormat } from './access-logs';
import { acknowledgeWeakening, applyOwnership, type OwnershipProps } from './common';
import { GuardrailsConstructError } from './errors';
import { checkHttpApiPassThrough, type HttpApiPassThroughProps } from './pass-through';
import { resolveHttpApiSettings, type SecureHttpApiOptions } from './secure-http-api-defaults';
import { DEFAULT_CORS_HEADERS, DEFAULT_CORS_METHODS, stageDescription } from './stage-defaults';
import { bindHttpAuthorization, type HttpApiAuthorization } from './v2-authorization';

export interface SecureHttpApiProps extends OwnershipProps, SecureHttpApiOptions {
  /** How callers are authorized; every route gets it by default. Required: there is no implicit choice. */
  readonly authorization: HttpApiAuthorization;
  /**
   * API name.
   * @default - unique name from the construct path
   */
  readonly apiName?: string;
  /**
   * Plain aws-cdk-lib props with no security meaning, passed through unchanged. A security-relevant prop
   * is refused (E_PLAIN_PROP_REFUSED) with the construct's own way to set it.
   * @default - none
   */
  readonly apiProps?: HttpApiPassThroughProps;
  /**
   * API description.
   * @default - none
   */
  readonly description?: string;
}

/**
 * An API Gateway HTTP API that is secure by default: an authorizer with scopes on every route,
 * stage throttling, JSON access logs to a dedicated log group, a CORS allowlist, owner and
 * data-classification tags. HTTP APIs cannot take a WAF web ACL: front them with CloudFront + WAF
 * where the standard's tier requires one. Add routes with `addRoutes(...)`.
 */
export class SecureHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly authorizer?: IHttpRouteAuthorizer;
  readonly accessLogGroup?: ILogGroup;

  constructor(scope: Construct, id: string, props: SecureHttpApiProps) {
    super(scope, id);
    if (!props.authorization) {
      throw new GuardrailsConstructError(
        'E_AUTHORIZATION_REQUIRED',
        'SecureHttpApi needs an authorization choice.',
        undefined,
        'Pass authorization: HttpApiAuthorization.cognito(...) / .jwt(...) / .iam() / .lambda(...) / .publicAccess({ reason }).',
      );
    }
    applyOwnership(this, props);
    const settings = resolveHttpApiSettings(props);
    const bound = bindHttpAuthorization(props.authorization, props.dataClassification);
    this.authorizer = bound.authorizer;
    const cors = settings.cors;
    this.api = new HttpApi(this, 'Api', {
      ...checkHttpApiPassThrough(props.apiProps),
      apiName: props.apiName ?? Names.uniqueResourceName(this, { maxLength: 128 }),
      description: props.description,
      createDefaultStage: false,
      defaultAuthorizer: bound.authorizer,
      defaultAuthorizationScopes: bound.scopes,
      corsPreflight: cors
        ? {
            allowOrigins: cors.allowOrigins,
            allowMethods: (cors.allowMethods ?? DEFAULT_CORS_METHODS).map((m) => m as CorsHttpMethod),
            allowHeaders: cors.allowHeaders ?? DEFAULT_CORS_HEADERS,
            allowCredentials: cors.allowCredentials ?? false,
            maxAge: Duration.seconds(cors.maxAgeSeconds ?? 600),
          }
        : undefined,
    });
    this.accessLogGroup = settings.accessLogs
      ? accessLogGroup(this, 'AccessLogs', props.accessLogs, props.dataClassification)
      : undefined;
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: settings.stageName,
      description: stageDescription(props.stageDescription, settings.stageName),
      autoDeploy: true,
      throttle: settings.throttle,
      detailedMetricsEnabled: settings.detailedMetrics,
      accessLogSettings: this.accessLogGroup
        ? {
            destination: new LogGroupLogDestination(this.accessLogGroup),
            format: jsonAccessLogFormat(HTTP_ACCESS_LOG_FIELDS),
          }
        : undefined,
    });

    for (const pending of settings.acknowledgements)
      acknowledgeWeakening(this, pending.ruleId, pending.acknowledge, pending.what);
    if (bound.publicAcknowledge)
      acknowledgeWeakening(
        this,
        'v2-route-authorization',
        bound.publicAcknowledge,
        'HttpApiAuthorization.publicAccess',
      );
    const isPublic = props.authorization.kind === 'public';
    this.node.addValidation({ validate: () => (isPublic ? [] : unauthorizedRoutes(this.api)) });
  }

  /** Add routes; they get the API's authorizer and scopes unless the route says otherwise (deny by default). */
  addRoutes(options: AddRoutesOptions): HttpRoute[] {
    return this.api.addRoutes(options);
  }

  /** The stage URL. */
  get url(): string {
    return this.stage.url;
  }
}

/** Deny by default: routes that opted out of the API's authorizer. */
function unauthorizedRoutes(api: HttpApi): string[] {
  const errors: string[] = [];
  for (const child of api.node.findAll()) {
    if (!(child instanceof CfnRoute)) continue;
    const type = Stack.of(child).resolve(child.authorizationType) as string | undefined;
    if (type !== undefined && type !== 'NONE') continue;
    const routeKey = Stack.of(child).resolve(child.routeKey) as string;
    errors.push(
      new GuardrailsConstructError(
        'E_UNAUTHORIZED_METHOD',
        `Route ${routeKey} has no authorization, but the API is deny-by-default.`,
        type ?? 'NONE',
        "Drop `authorizer: new HttpNoneAuthorizer()` from the route (it then inherits the API's authorizer), or make the API HttpApiAuthorization.publicAccess({ reason }).",
      ).message,
    );
  }
  return errors;
}
