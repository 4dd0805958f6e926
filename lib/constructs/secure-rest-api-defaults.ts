import { EndpointType, MethodLoggingLevel } from 'aws-cdk-lib/aws-apigateway';
import type { IVpcEndpoint } from 'aws-cdk-lib/aws-ec2';
import type { Acknowledge } from './common';
import { requireReason } from './common';
import { GuardrailsConstructError } from './errors';
import { GUARDRAIL_DEFAULTS } from './guardrail-defaults';
import { requireKnownKeys } from './prop-checks';
import {
  type CorsAllowlist,
  exclusive,
  refuseInfoLevel,
  requireAllowedEndpointType,
  type PendingAcknowledgement,
  resolveThrottle,
  type ThrottleOptions,
  validateCors,
} from './stage-defaults';
import { validateAccessLogOptions, type AccessLogOptions } from './access-logs';
import type { IWebAclRef, OrgWebAclProps } from './org-web-acl';
import { checkStageName } from './stage-name';

/**
 * Secure defaults a REST API may give up, each only with an acknowledgement. Every one becomes an
 * `acknowledged` finding of the named rule, with the reason, in every report.
 */
export interface RestApiRelaxations {
  /** X-Ray tracing off (rule `tracing`). @default - tracing on */
  readonly tracingOff?: Acknowledge;
  /** Execution logging off (rule `execution-logging`). @default - ERROR-level execution logs */
  readonly executionLoggingOff?: Acknowledge;
  /** Full request/response data in execution logs (rule `data-trace`). @default - data trace off */
  readonly dataTraceOn?: Acknowledge;
  /** No WAF web ACL on the stage (rule `stage-waf`). @default - a web ACL is associated */
  readonly noWaf?: Acknowledge;
  /** No access logs (rule `stage-access-logging`). @default - JSON access logs */
  readonly accessLoggingOff?: Acknowledge;
  /** No stage throttle (rule `stage-throttling`). @default - GUARDRAIL_DEFAULTS.throttle */
  readonly throttlingOff?: Acknowledge;
}

/** The configurable part of SecureRestApiProps, merged with the defaults in `resolveRestApiSettings`. */
export interface SecureRestApiOptions {
  /**
   * Name of the deployment stage.
   * @default 'prod'
   */
  readonly stageName?: string;
  /**
   * Stage description (shown to operators and in the evidence report).
   * @default '<stage name> stage - secure defaults by cdk-api-guardrails'
   */
  readonly stageDescription?: string;
  /**
   * Endpoint type. PRIVATE needs `vpcEndpoints` and gets a resource policy limited to them.
   * @default EndpointType.REGIONAL
   */
  readonly endpointType?: EndpointType;
  /**
   * VPC endpoints (execute-api) a PRIVATE API is reachable through. Only for PRIVATE.
   * @default - none
   */
  readonly vpcEndpoints?: IVpcEndpoint[];
  /**
   * A shared web ACL (e.g. an `OrgWebAcl` from a platform stack) to associate with the stage.
   * @default - an `OrgWebAcl` is created for this API (see `webAclProps`)
   */
  readonly webAcl?: IWebAclRef;
  /**
   * Props of the web ACL created when `webAcl` is not given.
   * @default - OrgWebAcl defaults
   */
  readonly webAclProps?: OrgWebAclProps;
  /**
   * Stage-wide throttle, within the standard's bounds.
   * @default GUARDRAIL_DEFAULTS.throttle (100 requests/s, burst 200)
   */
  readonly throttle?: ThrottleOptions;
  /**
   * Execution logging level. Data trace stays off unless relaxed.
   * @default 'ERROR'
   */
  readonly loggingLevel?: 'ERROR' | 'INFO';
  /**
   * Access log destination options (JSON format with REST_ACCESS_LOG_FIELDS).
   * @default - a dedicated log group, one-year retention, retained on delete
   */
  readonly accessLogs?: AccessLogOptions;
  /**
   * CORS allowlist. Without it there is no preflight method, so every method needs authorization.
   * @default - no CORS
   */
  readonly cors?: CorsAllowlist;
  /**
   * Secure defaults to give up, each with an acknowledgement.
   * @default - none: every guardrail on
   */
  readonly relax?: RestApiRelaxations;
}

/** Everything the construct builds from, decided in one place. */
export interface RestApiSettings {
  readonly stageName: string;
  readonly endpointType: EndpointType;
  readonly vpcEndpoints: IVpcEndpoint[];
  readonly throttle?: ThrottleOptions;
  readonly loggingLevel: MethodLoggingLevel;
  readonly dataTrace: boolean;
  readonly tracing: boolean;
  readonly metrics: boolean;
  /** 'given': associate props.webAcl; 'create': create an OrgWebAcl; 'none': acknowledged off. */
  readonly waf: 'given' | 'create' | 'none';
  readonly accessLogs: boolean;
  readonly cors?: CorsAllowlist;
  /** TLS security policy of the execute-api endpoint (set on the L1: the RestApi L2 has no prop for it). */
  readonly securityPolicy: string;
  /** Endpoint access mode that goes with the enhanced policy. */
  readonly endpointAccessMode: 'STRICT';
  readonly acknowledgements: PendingAcknowledgement[];
}

/**
 * The execute-api endpoint's TLS policy: TLS 1.3 and TLS 1.2 with forward secrecy and a post-quantum key exchange
 * (REGIONAL, PRIVATE), or the TLS 1.3 edge policy (EDGE); both enhanced, so in STRICT access mode (rule rest-api-tls).
 */
export function restApiSecurityPolicy(endpointType: EndpointType): string {
  return endpointType === EndpointType.EDGE
    ? 'SecurityPolicy_TLS13_2025_EDGE'
    : 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09';
}

/** The secure defaults, before user props. */
export function restApiDefaults(): Omit<RestApiSettings, 'acknowledgements'> {
  return {
    securityPolicy: restApiSecurityPolicy(EndpointType.REGIONAL),
    endpointAccessMode: 'STRICT',
    stageName: GUARDRAIL_DEFAULTS.stageName,
    endpointType: EndpointType.REGIONAL,
    vpcEndpoints: [],
    throttle: GUARDRAIL_DEFAULTS.throttle,
    loggingLevel: MethodLoggingLevel.ERROR,
    dataTrace: false,
    tracing: true,
    metrics: true,
    waf: 'create',
    accessLogs: true,
  };
}

/** The keys of the relax prop (checked at run time: JavaScript callers have no type checker). */
const REST_RELAX_KEYS = [
  'tracingOff',
  'executionLoggingOff',
  'dataTraceOn',
  'noWaf',
  'accessLoggingOff',
  'throttlingOff',
] as const satisfies readonly (keyof RestApiRelaxations)[];

/** Merge required, user and default props; throw on incoherent combinations (pure). */
export function resolveRestApiSettings(
  input: SecureRestApiOptions & { readonly dataClassification: string },
): RestApiSettings {
  const defaults = restApiDefaults();
  requireKnownKeys(input.relax, REST_RELAX_KEYS, 'relax');
  const relax = input.relax ?? {};
  const acknowledgements: PendingAcknowledgement[] = [];
  const weaken = (ack: Acknowledge | undefined, ruleId: PendingAcknowledgement['ruleId'], what: string): boolean => {
    if (!ack) return false;
    requireReason(ack, what);
    acknowledgements.push({ ruleId, acknowledge: ack, what });
    return true;
  };

  const endpointType = input.endpointType ?? defaults.endpointType;
  const vpcEndpoints = input.vpcEndpoints ?? [];
  if (endpointType === EndpointType.PRIVATE && vpcEndpoints.length === 0) {
    throw new GuardrailsConstructError(
      'E_PRIVATE_ENDPOINT',
      'A PRIVATE API needs the VPC endpoints it is reachable through (its resource policy is generated from them).',
      vpcEndpoints.length,
      'Pass vpcEndpoints: [executeApiEndpoint] (an InterfaceVpcEndpoint for execute-api).',
    );
  }
  if (endpointType !== EndpointType.PRIVATE && vpcEndpoints.length > 0) {
    throw new GuardrailsConstructError(
      'E_PRIVATE_ENDPOINT',
      'vpcEndpoints only apply to PRIVATE APIs.',
      endpointType,
      'Set endpointType: EndpointType.PRIVATE, or drop vpcEndpoints.',
    );
  }

  requireAllowedEndpointType(endpointType, input.dataClassification, 'The REST API');
  exclusive({ name: 'webAcl', set: !!input.webAcl }, { name: 'webAclProps', set: !!input.webAclProps });
  exclusive({ name: 'webAcl', set: !!input.webAcl }, { name: 'relax.noWaf', set: !!relax.noWaf });
  exclusive({ name: 'webAclProps', set: !!input.webAclProps }, { name: 'relax.noWaf', set: !!relax.noWaf });
  exclusive(
    { name: 'loggingLevel', set: !!input.loggingLevel },
    { name: 'relax.executionLoggingOff', set: !!relax.executionLoggingOff },
  );
  exclusive(
    { name: 'accessLogs', set: !!input.accessLogs },
    { name: 'relax.accessLoggingOff', set: !!relax.accessLoggingOff },
  );
  if (input.loggingLevel !== undefined && input.loggingLevel !== 'ERROR' && input.loggingLevel !== 'INFO') {
    throw new GuardrailsConstructError(
      'E_CONFLICTING_PROPS',
      'loggingLevel must be ERROR or INFO; turning execution logging off is a relaxation.',
      input.loggingLevel,
      "Use 'ERROR' (default) or 'INFO', or relax: { executionLoggingOff: { reason } }.",
    );
  }
  validateAccessLogOptions(input.accessLogs, input.dataClassification);
  refuseInfoLevel(input.loggingLevel, input.dataClassification);
  validateCors(input.cors, input.dataClassification);

  const throttle = resolveThrottle(input.throttle, relax.throttlingOff, acknowledgements, input.dataClassification);
  const loggingOff = weaken(relax.executionLoggingOff, 'execution-logging', 'relax.executionLoggingOff');
  const dataTrace = weaken(relax.dataTraceOn, 'data-trace', 'relax.dataTraceOn');
  if (dataTrace && loggingOff) {
    exclusive({ name: 'relax.dataTraceOn', set: true }, { name: 'relax.executionLoggingOff', set: true });
  }
  const tracingOff = weaken(relax.tracingOff, 'tracing', 'relax.tracingOff');
  const noWaf = weaken(relax.noWaf, 'stage-waf', 'relax.noWaf');
  const noAccessLogs = weaken(relax.accessLoggingOff, 'stage-access-logging', 'relax.accessLoggingOff');

  if (input.stageName !== undefined) checkStageName(input.stageName, input.dataClassification);
  return {
    ...defaults,
    stageName: input.stageName ?? defaults.stageName,
    endpointType,
    vpcEndpoints,
    throttle,
    loggingLevel: loggingOff
      ? MethodLoggingLevel.OFF
      : input.loggingLevel === 'INFO'
        ? MethodLoggingLevel.INFO
        : defaults.loggingLevel,
    dataTrace,
    tracing: !tracingOff,
    waf: noWaf ? 'none' : input.webAcl ? 'given' : 'create',
    accessLogs: !noAccessLogs,
    cors: input.cors,
    securityPolicy: restApiSecurityPolicy(endpointType),
    acknowledgements,
  };
}
