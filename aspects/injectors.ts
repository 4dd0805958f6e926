import type { InjectionContext, IPropertyInjector } from 'aws-cdk-lib';
import { RemovalPolicy } from 'aws-cdk-lib';
import type { RestApiProps, StageProps } from 'aws-cdk-lib/aws-apigateway';
import {
  AccessLogFormat,
  EndpointType,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RestApi,
  Stage,
} from 'aws-cdk-lib/aws-apigateway';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { extendedAccessLogFormat } from '../lib/defaults/access-log-format';
import type { StageStandardProps } from './settings';
import { resolveStageStandard } from './settings';

/**
 * Property injector for `aws_apigateway.Stage` (which includes the stage every `RestApi` deploys):
 * execution logging ERROR, data trace off, X-Ray, throttling and JSON access logs to a new log group,
 * as defaults. What the user sets explicitly wins; the rules report it if it is weaker.
 *
 * `PropertyInjectors.of(app).add(new StageDefaults())`
 */
export class StageDefaults implements IPropertyInjector {
  readonly constructUniqueId = Stage.PROPERTY_INJECTION_ID;
  private readonly standard;

  constructor(props: StageStandardProps = {}) {
    this.standard = resolveStageStandard(props);
  }

  inject(originalProps: StageProps, context: InjectionContext): StageProps {
    const logs =
      originalProps.accessLogDestination === undefined
        ? {
            accessLogDestination: new LogGroupLogDestination(
              new LogGroup(context.scope, `${context.id}AccessLogs`, {
                retention: this.standard.accessLogRetention,
                encryptionKey: this.standard.accessLogEncryptionKey,
                removalPolicy: RemovalPolicy.RETAIN,
              }),
            ),
            accessLogFormat: originalProps.accessLogFormat ?? AccessLogFormat.custom(extendedAccessLogFormat('rest')),
          }
        : {};
    return {
      loggingLevel: MethodLoggingLevel.ERROR,
      dataTraceEnabled: false,
      tracingEnabled: true,
      throttlingRateLimit: this.standard.throttleRateLimit,
      throttlingBurstLimit: this.standard.throttleBurstLimit,
      ...originalProps,
      ...logs,
    };
  }
}

/**
 * Property injector for `aws_apigateway.RestApi`: REGIONAL endpoint by default (EDGE puts a
 * CloudFront distribution you do not control in front of the API).
 *
 * `PropertyInjectors.of(app).add(new RestApiDefaults())`
 */
export class RestApiDefaults implements IPropertyInjector {
  readonly constructUniqueId = RestApi.PROPERTY_INJECTION_ID;

  inject(originalProps: RestApiProps, _context: InjectionContext): RestApiProps {
    return {
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      ...originalProps,
    };
  }
}
