import { Annotations, Aspects, Duration, type IAspect, Names, Stack, Validations } from 'aws-cdk-lib';
import {
  AuthorizationType,
  CfnMethod,
  type CfnRestApi,
  EndpointType,
  type IAuthorizer,
  type IResource,
  LogGroupLogDestination,
  RequestValidator,
  ResponseType,
  RestApi,
  type Stage,
} from 'aws-cdk-lib/aws-apigateway';
import type { IVpcEndpoint } from 'aws-cdk-lib/aws-ec2';
import { AnyPrincipal, Effect, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct, type IConstruct } from 'constructs';
import { accessLogGroup, jsonAccessLogFormat, REST_ACCESS_LOG_FIELDS } from './access-logs';
import { ApiGatewayAccountLogging } from './account-logging';
import { acknowledgeWeakening, applyOwnership, type OwnershipProps } from './common';
import { GuardrailsConstructError } from './errors';
import { OrgWebAcl } from './org-web-acl';
import { bindRestAuthorization, type RestApiAuthorization } from './rest-authorization';
import { checkRestApiPassThrough, type RestApiPassThroughProps } from './pass-through';
import { resolveRestApiSettings, type SecureRestApiOptions } from './secure-rest-api-defaults';
import { DEFAULT_CORS_HEADERS, DEFAULT_CORS_METHODS, stageDescription } from './stage-defaults';

export interface SecureRestApiProps extends OwnershipProps, SecureRestApiOptions {
  /** How callers are authorized, applied to every method by default. Required: there is no implicit choice. */
  readonly authorization: RestApiAuthorization;
  /**
   * API name.
   * @default - unique name from the construct path
   */
  readonly restApiName?: string;
  /**
   * API description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Plain aws-cdk-lib props with no security meaning, passed through unchanged. A security-relevant prop
   * is refused (E_PLAIN_PROP_REFUSED) with the construct's own way to set it.
   * @default - none
   */
  readonly apiProps?: RestApiPassThroughProps;
  /**
   * Create (once per stack) the account-level CloudWatch role execution logs need. Set false when the
   * account's role is managed elsewhere (the standard must then declare it pre-existing).
   * @default true
   */
  readonly accountCloudWatchRole?: boolean;
}

/**
 * An API Gateway REST API that is secure by default: authorization on every method, WAF, throttling,
 * JSON access logs, ERROR execution logs without data trace, X-Ray, request validation, REGIONAL
 * endpoint, owner and data-classification tags. Add resources and methods through `root`.
 */
export class SecureRestApi extends Construct {
  readonly api: RestApi;
  readonly requestValidator: RequestValidator;
  readonly authorizer?: IAuthorizer;
  readonly accessLogGroup?: ILogGroup;
  /** The web ACL created for this API, when none was passed in. */
  readonly webAcl?: OrgWebAcl;
  /** ARN of the associated web ACL, unless WAF was relaxed. */
  readonly webAclArn?: string;

  constructor(scope: Construct, id: string, props: SecureRestApiProps) {
    super(scope, id);
    if (!props.authorization) {
      throw new GuardrailsConstructError(
        'E_AUTHORIZATION_REQUIRED',
        'SecureRestApi needs an authorization choice.',
        props.authorization,
        'Pass authorization: RestApiAuthorization.cognito(...) / .iam() / .lambda(...) / .publicAccess({ reason }).',
      );
    }
    applyOwnership(this, props);
    const settings = resolveRestApiSettings(props);
    const bound = bindRestAuthorization(this, props.authorization, props.dataClassification);
    this.authorizer = bound.authorizer;
    this.accessLogGroup = settings.accessLogs
      ? accessLogGroup(this, 'AccessLogs', props.accessLogs, props.dataClassification)
      : undefined;

    const cors = settings.cors;
    this.api = new RestApi(this, 'Api', {
      ...checkRestApiPassThrough(props.apiProps),
      restApiName: props.restApiName ?? Names.uniqueResourceName(this, { maxLength: 255 }),
      description: props.description,
      cloudWatchRole: false,
      endpointConfiguration: {
        types: [settings.endpointType],
        vpcEndpoints: settings.vpcEndpoints.length > 0 ? settings.vpcEndpoints : undefined,
      },
      policy: settings.endpointType === EndpointType.PRIVATE ? privateApiPolicy(settings.vpcEndpoints) : undefined,
      deployOptions: {
        stageName: settings.stageName,
        description: stageDescription(props.stageDescription, settings.stageName),
        loggingLevel: settings.loggingLevel,
        dataTraceEnabled: settings.dataTrace,
        tracingEnabled: settings.tracing,
        metricsEnabled: settings.metrics,
        throttlingRateLimit: settings.throttle?.rateLimit,
        throttlingBurstLimit: settings.throttle?.burstLimit,
        accessLogDestination: this.accessLogGroup ? new LogGroupLogDestination(this.accessLogGroup) : undefined,
        accessLogFormat: this.accessLogGroup ? jsonAccessLogFormat(REST_ACCESS_LOG_FIELDS) : undefined,
      },
      defaultMethodOptions: bound.methodOptions,
      defaultCorsPreflightOptions: cors
        ? {
            allowOrigins: cors.allowOrigins,
            allowMethods: cors.allowMethods ?? DEFAULT_CORS_METHODS,
            allowHeaders: cors.allowHeaders ?? DEFAULT_CORS_HEADERS,
            allowCredentials: cors.allowCredentials ?? false,
            maxAge: Duration.seconds(cors.maxAgeSeconds ?? 600),
          }
        : undefined,
    });

    const cfnApi = this.api.node.defaultChild as CfnRestApi;
    cfnApi.securityPolicy = settings.securityPolicy;
    cfnApi.endpointAccessMode = settings.endpointAccessMode;

    this.requestValidator = new RequestValidator(this, 'RequestValidator', {
      restApi: this.api,
      requestValidatorName: 'validate-body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    // RestApi ignores `defaultMethodOptions.requestValidator`, so methods that name no validator get this one
    // (OPTIONS preflight excepted) once the app's methods are all added.
    Aspects.of(this).add(new DefaultRequestValidator(this.requestValidator));

    // Uniform JSON errors (no API Gateway default text); readable by the allowed browser origin when there is one.
    const corsHeader =
      cors?.allowOrigins.length === 1 ? { 'Access-Control-Allow-Origin': `'${cors.allowOrigins[0]}'` } : undefined;
    for (const [responseId, type] of [
      ['Default4xx', ResponseType.DEFAULT_4XX],
      ['Default5xx', ResponseType.DEFAULT_5XX],
    ] as const) {
      this.api.addGatewayResponse(responseId, {
        type,
        responseHeaders: corsHeader,
        templates: { 'application/json': ERROR_BODY },
      });
    }

    if (props.accountCloudWatchRole !== false) ApiGatewayAccountLogging.of(this).bindStage(this.api.deploymentStage);

    if (settings.waf !== 'none') {
      this.webAcl = settings.waf === 'create' ? new OrgWebAcl(this, 'WebAcl', props.webAclProps) : undefined;
      this.webAclArn = settings.waf === 'create' ? this.webAcl!.webAclArn : props.webAcl!.webAclArn;
      new CfnWebACLAssociation(this, 'WebAclAssociation', {
        resourceArn: this.api.deploymentStage.stageArn,
        webAclArn: this.webAclArn,
      });
    }

    for (const pending of settings.acknowledgements)
      acknowledgeWeakening(this, pending.ruleId, pending.acknowledge, pending.what);
    if (bound.publicAcknowledge) {
      acknowledgeWeakening(
        this,
        'rest-method-authorization',
        bound.publicAcknowledge,
        'RestApiAuthorization.publicAccess',
      );
    } else if (props.authorization.kind !== 'cognito') {
      Validations.of(this).acknowledge({
        id: 'AwsSolutions-COG4',
        reason: `Methods use ${props.authorization.kind === 'iam' ? 'IAM (SigV4)' : 'a Lambda authorizer'} by design (RestApiAuthorization.${props.authorization.kind}); Cognito is one of several accepted authorizers.`,
      });
    }

    const isPublic = props.authorization.kind === 'public';
    this.node.addValidation({ validate: () => (isPublic ? [] : unauthorizedMethods(this.api, cors !== undefined)) });
  }

  /** The API's root resource: add resources and methods here; they inherit the authorization. */
  get root(): IResource {
    return this.api.root;
  }

  /** The deployment stage (throttled, logged, traced, WAF-protected). */
  get stage(): Stage {
    return this.api.deploymentStage;
  }

  /** The stage's invoke URL. */
  get url(): string {
    return this.api.url;
  }
}

/**
 * Sets the API's request validator on every method that has none (CORS preflight excepted). For CORS
 * preflight methods it acknowledges CDK's invalidAuthScope warning: they inherit the API's default OAuth
 * scopes, which CDK drops because a preflight is unauthenticated by design; the warning is noise there only.
 */
class DefaultRequestValidator implements IAspect {
  constructor(private readonly validator: RequestValidator) {}

  visit(node: IConstruct): void {
    if (!(node instanceof CfnMethod)) return;
    if (Stack.of(node).resolve(node.httpMethod) === 'OPTIONS') {
      if (node.node.scope) {
        Annotations.of(node.node.scope).acknowledgeWarning(
          '@aws-cdk/aws-apigateway:invalidAuthScope',
          'CORS preflight inherits the default OAuth scopes; CDK drops them on the unauthenticated OPTIONS method',
        );
      }
      return;
    }
    if (node.requestValidatorId === undefined) node.requestValidatorId = this.validator.requestValidatorId;
  }
}

/** Body of the customised 4XX/5XX gateway responses. */
const ERROR_BODY = '{"message":$context.error.messageString,"requestId":"$context.requestId"}';

/** Resource policy of a PRIVATE API: invoke only through the given VPC endpoints. */
export function privateApiPolicy(vpcEndpoints: readonly IVpcEndpoint[]): PolicyDocument {
  const ids = vpcEndpoints.map((e) => e.vpcEndpointId);
  const base = { principals: [new AnyPrincipal()], actions: ['execute-api:Invoke'], resources: ['execute-api:/*'] };
  return new PolicyDocument({
    statements: [
      new PolicyStatement({ ...base, effect: Effect.DENY, conditions: { StringNotEquals: { 'aws:SourceVpce': ids } } }),
      new PolicyStatement({ ...base, effect: Effect.ALLOW, conditions: { StringEquals: { 'aws:SourceVpce': ids } } }),
    ],
  });
}

/** Deny by default: methods without authorization (other than CORS preflight when CORS is configured). */
function unauthorizedMethods(api: RestApi, corsConfigured: boolean): string[] {
  const errors: string[] = [];
  for (const method of api.methods) {
    const cfn = method.node.defaultChild as CfnMethod;
    const type = Stack.of(method).resolve(cfn.authorizationType) as string | undefined;
    if (type !== undefined && type !== AuthorizationType.NONE) continue;
    if (corsConfigured && method.httpMethod === 'OPTIONS') continue;
    const error = new GuardrailsConstructError(
      'E_UNAUTHORIZED_METHOD',
      `Method ${method.httpMethod} ${method.resource.path} has no authorization, but the API is deny-by-default.`,
      type ?? 'NONE',
      "Remove `authorizationType: NONE` from the method (it then inherits the API's authorization), or make the whole API RestApiAuthorization.publicAccess({ reason }).",
    );
    errors.push(error.message);
  }
  return errors;
}
