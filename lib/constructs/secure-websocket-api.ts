import { Names, Validations } from 'aws-cdk-lib';
import type { CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  type IWebSocketRouteAuthorizer,
  LogGroupLogDestination,
  WebSocketApi,
  type WebSocketRoute,
  type WebSocketRouteIntegration,
  type WebSocketRouteOptions,
  WebSocketStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { accessLogGroup, jsonAccessLogFormat, WEBSOCKET_ACCESS_LOG_FIELDS } from './access-logs';
import { ApiGatewayAccountLogging } from './account-logging';
import { acknowledgeWeakening, applyOwnership, type OwnershipProps } from './common';
import { GuardrailsConstructError } from './errors';
import { resolveWebSocketApiSettings, type SecureWebSocketApiOptions } from './secure-websocket-api-defaults';
import { checkWebSocketApiPassThrough, type WebSocketApiPassThroughProps } from './pass-through';
import { stageDescription } from './stage-defaults';
import { bindWebSocketAuthorization, type WebSocketApiAuthorization } from './v2-authorization';

export interface SecureWebSocketApiProps extends OwnershipProps, SecureWebSocketApiOptions {
  /** How `$connect` is authorized. Required: there is no implicit choice. */
  readonly authorization: WebSocketApiAuthorization;
  /** Integration of the `$connect` route. */
  readonly connectIntegration: WebSocketRouteIntegration;
  /**
   * Integration of the `$disconnect` route.
   * @default - no $disconnect route
   */
  readonly disconnectIntegration?: WebSocketRouteIntegration;
  /**
   * Integration of the `$default` route.
   * @default - no $default route
   */
  readonly defaultIntegration?: WebSocketRouteIntegration;
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
  readonly apiProps?: WebSocketApiPassThroughProps;
  /**
   * API description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Create (once per stack) the account-level CloudWatch role execution logs need.
   * @default true
   */
  readonly accountCloudWatchRole?: boolean;
}

/**
 * An API Gateway WebSocket API that is secure by default: an authorizer on `$connect` (the only
 * route that can carry one), stage throttling, ERROR execution logs without data trace, JSON access
 * logs, owner and data-classification tags. Add message routes with `addRoute(...)`.
 */
export class SecureWebSocketApi extends Construct {
  readonly api: WebSocketApi;
  readonly stage: WebSocketStage;
  readonly authorizer?: IWebSocketRouteAuthorizer;
  readonly accessLogGroup?: ILogGroup;

  constructor(scope: Construct, id: string, props: SecureWebSocketApiProps) {
    super(scope, id);
    if (!props.authorization || !props.connectIntegration) {
      throw new GuardrailsConstructError(
        'E_WEBSOCKET_AUTHORIZATION',
        'SecureWebSocketApi needs an authorization choice and a $connect integration (authorization happens on $connect).',
        { authorization: props.authorization?.kind, connectIntegration: !!props.connectIntegration },
        'Pass authorization: WebSocketApiAuthorization.lambda(...) / .iam() / .publicAccess({ reason }) and connectIntegration.',
      );
    }
    applyOwnership(this, props);
    const settings = resolveWebSocketApiSettings(props);
    const bound = bindWebSocketAuthorization(props.authorization);
    this.authorizer = bound.authorizer;
    this.api = new WebSocketApi(this, 'Api', {
      ...checkWebSocketApiPassThrough(props.apiProps),
      apiName: props.apiName ?? Names.uniqueResourceName(this, { maxLength: 128 }),
      description: props.description,
      connectRouteOptions: { integration: props.connectIntegration, authorizer: bound.authorizer },
      disconnectRouteOptions: props.disconnectIntegration ? { integration: props.disconnectIntegration } : undefined,
      defaultRouteOptions: props.defaultIntegration ? { integration: props.defaultIntegration } : undefined,
    });
    this.accessLogGroup = settings.accessLogs
      ? accessLogGroup(this, 'AccessLogs', props.accessLogs, props.dataClassification)
      : undefined;
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: settings.stageName,
      description: stageDescription(props.stageDescription, settings.stageName),
      autoDeploy: true,
      accessLogSettings: this.accessLogGroup
        ? {
            destination: new LogGroupLogDestination(this.accessLogGroup),
            format: jsonAccessLogFormat(WEBSOCKET_ACCESS_LOG_FIELDS),
          }
        : undefined,
    });
    // The L2 stage has no execution-logging props: set the whole DefaultRouteSettings here.
    (this.stage.node.defaultChild as CfnStage).defaultRouteSettings = {
      loggingLevel: settings.loggingLevel,
      dataTraceEnabled: settings.dataTrace,
      detailedMetricsEnabled: settings.detailedMetrics,
      throttlingRateLimit: settings.throttle?.rateLimit,
      throttlingBurstLimit: settings.throttle?.burstLimit,
    };
    if (props.accountCloudWatchRole !== false) ApiGatewayAccountLogging.of(this).bindStage(this.stage);

    for (const pending of settings.acknowledgements)
      acknowledgeWeakening(this, pending.ruleId, pending.acknowledge, pending.what);
    if (bound.publicAcknowledge) {
      acknowledgeWeakening(
        this,
        'v2-route-authorization',
        bound.publicAcknowledge,
        'WebSocketApiAuthorization.publicAccess',
      );
    } else {
      Validations.of(this.api).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'WebSocket APIs authorize only $connect; $disconnect, $default and message routes run on the authorized connection and cannot carry an authorizer.',
      });
    }
  }

  /**
   * Add a message route; it runs on the connection authorized at $connect (WebSocket routes other than
   * $connect cannot carry an authorizer).
   */
  addRoute(routeKey: string, options: WebSocketRouteOptions): WebSocketRoute {
    return this.api.addRoute(routeKey, options);
  }

  /** The stage's wss:// URL. */
  get url(): string {
    return this.stage.url;
  }
}
