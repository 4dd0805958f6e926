/**
 * What other scanners' own test suites assert for the shared corpus (../shared/corpus/sources.json),
 * per resource, and which of our rules covers the same control. `disagree` records, per logical id,
 * why our verdict differs on purpose; `notShared` marks fixtures whose control we deliberately do not
 * implement (with the reason). Peer verdicts: 'flag' = the peer reports the resource, 'ok' = it does not.
 */
export type PeerVerdict = 'flag' | 'ok';

export interface AgreementCase {
  readonly file: string;
  /** Peer and control, e.g. 'checkov CKV_AWS_59'. */
  readonly peer: string;
  /** Our rule(s) for the control: the resource is flagged when any of them fails or is unknown. */
  readonly rules: readonly string[];
  readonly verdicts: Readonly<Record<string, PeerVerdict>>;
  readonly disagree?: Readonly<Record<string, string>>;
}

export interface NotSharedCase {
  readonly file: string;
  readonly peer: string;
  readonly notShared: string;
}

const API_KEY_IS_NOT_AUTH =
  'an API key identifies a client for usage plans; it is not authorization (OWASP API2), so NONE + ApiKeyRequired still fails';
const NO_STAGE =
  'a Deployment without StageName creates no stage, so it has no access log to configure; the stages that use it are judged instead';
const NOT_PREFLIGHT =
  'an OPTIONS method is exempt only as a CORS preflight: a MOCK integration answering Access-Control-* headers; this one answers nothing';
const USAGE_PLANS =
  'we require usage plans only for methods that require API keys (usage-plan-limits); throttling is judged per stage (stage-throttling)';

export const AGREEMENT_CASES: readonly AgreementCase[] = [
  // Checkov
  {
    file: 'checkov-CKV_AWS_59-APIGatewayAuthorization-fail.yaml',
    peer: 'checkov CKV_AWS_59',
    rules: ['rest-method-authorization'],
    verdicts: { MyMethod0: 'flag', MyMethod1: 'flag' },
  },
  {
    file: 'checkov-CKV_AWS_59-APIGatewayAuthorization-pass.yaml',
    peer: 'checkov CKV_AWS_59',
    rules: ['rest-method-authorization'],
    verdicts: { MyMethod0: 'ok', MyMethod1: 'ok', MyMethod2: 'ok', MyMethod3: 'ok' },
    disagree: {
      MyMethod0: NOT_PREFLIGHT,
      MyMethod3: API_KEY_IS_NOT_AUTH,
    },
  },
  {
    file: 'checkov-CKV_AWS_76-APIGatewayAccessLogging-fail.yaml',
    peer: 'checkov CKV_AWS_76',
    rules: ['stage-access-logging'],
    verdicts: { Default: 'flag' },
  },
  {
    file: 'checkov-CKV_AWS_76-APIGatewayAccessLogging-pass.yaml',
    peer: 'checkov CKV_AWS_76',
    rules: ['stage-access-logging'],
    verdicts: { Enabled: 'ok' },
  },
  {
    file: 'checkov-CKV_AWS_95-APIGatewayV2AccessLogging-fail.yaml',
    peer: 'checkov CKV_AWS_95',
    rules: ['stage-access-logging'],
    verdicts: { Default: 'flag' },
  },
  {
    file: 'checkov-CKV_AWS_95-APIGatewayV2AccessLogging-pass.yaml',
    peer: 'checkov CKV_AWS_95',
    rules: ['stage-access-logging'],
    verdicts: { Enabled: 'ok' },
  },
  {
    file: 'checkov-CKV_AWS_73-APIGatewayXray-fail.yaml',
    peer: 'checkov CKV_AWS_73',
    rules: ['tracing'],
    verdicts: { Default: 'flag', Disabled: 'flag' },
  },
  {
    file: 'checkov-CKV_AWS_73-APIGatewayXray-pass.yaml',
    peer: 'checkov CKV_AWS_73',
    rules: ['tracing'],
    verdicts: { Enabled: 'ok' },
  },
  // cfn_nag
  {
    file: 'cfnnag-apigateway_accesslogging-apigateway_with_access_logging.json',
    peer: 'cfn_nag W45',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayWithAccessLogging: 'ok' },
  },
  {
    file: 'cfnnag-apigateway_accesslogging-apigateway_with_no_access_logging.json',
    peer: 'cfn_nag W45',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayNoAccessLogging: 'flag' },
  },
  {
    file: 'cfnnag-apigateway_accesslogging-apigateway_with_no_access_logging_missing_stagedescription.json',
    peer: 'cfn_nag W45',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayNoAccessLogging: 'flag' },
    disagree: { ApiGatewayNoAccessLogging: NO_STAGE },
  },
  {
    file: 'cfnnag-apigateway_accesslogging_v2-apigateway_with_access_logging.json',
    peer: 'cfn_nag W46',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayWithAccessLogging: 'ok' },
  },
  {
    file: 'cfnnag-apigateway_accesslogging_v2-apigateway_with_no_access_logging.json',
    peer: 'cfn_nag W46',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayNoAccessLogging: 'flag' },
  },
  {
    file: 'cfnnag-apigateway_cacheencrypted-apigateway_with_cache_encryption_enabled.json',
    peer: 'cfn_nag W87',
    rules: ['cache-encryption'],
    verdicts: { ApiGatewayWithCacheEncryption: 'ok' },
  },
  {
    file: 'cfnnag-apigateway_cacheencrypted-apigateway_with_no_cache_enabled_missing_stagedescription.json',
    peer: 'cfn_nag W87',
    rules: ['cache-encryption'],
    verdicts: { ApiGatewayNoCacheEnabled: 'ok' },
  },
  {
    file: 'cfnnag-apigateway_cacheencrypted-apigateway_with_no_cache_encryption.json',
    peer: 'cfn_nag W87',
    rules: ['cache-encryption'],
    verdicts: { ApiGatewayWithCacheEncryptionDisabled: 'flag', ApiGatewayWithDefaultCacheEncryption: 'flag' },
  },
  {
    file: 'cfnnag-apigateway_securitypolicy-apigateway_with_tls_10.json',
    peer: 'cfn_nag W62',
    rules: ['domain-tls'],
    verdicts: { ApiGatewayWithTLS10: 'flag' },
  },
  {
    file: 'cfnnag-apigateway_securitypolicy-apigateway_with_tls_12.json',
    peer: 'cfn_nag W62',
    rules: ['domain-tls'],
    verdicts: { ApiGatewayWithTls12: 'ok' },
  },
  {
    file: 'cfnnag-apigateway_securitypolicy-apigateway_without_securitypolicy.json',
    peer: 'cfn_nag W62',
    rules: ['domain-tls'],
    verdicts: { ApiGatewayWithoutSecurityPolicy: 'flag' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_deployment_with_access_log_setting.yaml',
    peer: 'cfn_nag W45',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayDeployment1: 'ok', ApiGatewayDeployment2: 'ok' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_deployment_with_no_access_logging_and_not_refd_in_stage.yaml',
    peer: 'cfn_nag W45',
    rules: ['stage-access-logging'],
    // Deployment2 declares a StageDescription without a StageName: we model the stage it describes (name unknown) and flag it too.
    verdicts: { ApiGatewayDeployment1: 'flag', ApiGatewayDeployment2: 'flag' },
    disagree: { ApiGatewayDeployment1: NO_STAGE },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_deployment_with_no_access_logging_and_refd_in_stage_with_no_logging.yaml',
    peer: 'cfn_nag W45',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayDeployment1: 'ok', ApiGatewayDeployment2: 'ok' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_deployment_with_no_access_logging_but_refd_in_stage_with_logging.yaml',
    peer: 'cfn_nag W45',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayDeployment1: 'ok', ApiGatewayDeployment2: 'ok' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_nil_value.yaml',
    peer: 'cfn_nag W59',
    rules: ['rest-method-authorization'],
    verdicts: { ApiGatewayMethod1: 'flag', ApiGatewayMethod2: 'flag' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_none.yaml',
    peer: 'cfn_nag W59',
    rules: ['rest-method-authorization'],
    verdicts: { ApiGatewayMethod1: 'flag', ApiGatewayMethod2: 'flag', ApiGatewayMethod3: 'flag' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_none_with_param_refs.yaml',
    peer: 'cfn_nag W59',
    rules: ['rest-method-authorization'],
    verdicts: { ApiGatewayMethod1: 'flag', ApiGatewayMethod2: 'flag', ApiGatewayMethod3: 'flag' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_valid_values.yaml',
    peer: 'cfn_nag W59',
    rules: ['rest-method-authorization'],
    verdicts: { ApiGatewayMethod1: 'ok', ApiGatewayMethod2: 'ok', ApiGatewayMethod3: 'ok' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_authorization_type_valid_values_with_param_refs.yaml',
    peer: 'cfn_nag W59',
    rules: ['rest-method-authorization'],
    verdicts: { ApiGatewayMethod1: 'ok', ApiGatewayMethod2: 'ok', ApiGatewayMethod3: 'ok' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_method_with_httpmethod_options.yaml',
    peer: 'cfn_nag W59',
    rules: ['rest-method-authorization'],
    verdicts: {
      ApiGatewayMethod1: 'ok',
      ApiGatewayMethod2: 'ok',
      ApiGatewayMethod3: 'ok',
      ApiGatewayMethod4: 'ok',
      ApiGatewayMethod5: 'ok',
      ApiGatewayMethod6: 'ok',
    },
    disagree: Object.fromEntries(
      [1, 2, 3, 4, 5, 6].map((i) => [`ApiGatewayMethod${i}`, `${NOT_PREFLIGHT} (no integration at all)`]),
    ),
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_stage_does_have_access_logging.yaml',
    peer: 'cfn_nag W69',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayStage1: 'ok', ApiGatewayStage2: 'ok' },
  },
  {
    file: 'cfnnag-api_gateway-api_gateway_stage_does_not_have_access_logging.yaml',
    peer: 'cfn_nag W69',
    rules: ['stage-access-logging'],
    verdicts: { ApiGatewayStage1: 'flag', ApiGatewayStage2: 'flag' },
  },
  // KICS
  {
    file: 'kics-open-access-negative1.yaml',
    peer: 'KICS API Gateway With Open Access',
    rules: ['rest-method-authorization'],
    verdicts: { MockMethod: 'ok' },
    disagree: { MockMethod: NOT_PREFLIGHT },
  },
  {
    file: 'kics-open-access-positive2.json',
    peer: 'KICS API Gateway With Open Access',
    rules: ['rest-method-authorization'],
    verdicts: { MockMethod: 'flag' },
  },
  {
    file: 'kics-no-waf-negative2.json',
    peer: 'KICS API Gateway without WAF',
    rules: ['stage-waf'],
    verdicts: { Production: 'ok' },
    disagree: {
      Production:
        "the stage's API is not in the template and the association's ARN names another API id ('api-id'), so whether this stage is protected is unknown, and unknown is not a pass",
    },
  },
  {
    file: 'kics-v2-stage-no-accesslog-positive1.yaml',
    peer: 'KICS V2 Stage Access Logging Not Defined',
    rules: ['stage-access-logging'],
    verdicts: { MyStage: 'flag' },
  },
  {
    file: 'kics-xray-disabled-positive1.yaml',
    peer: 'KICS API Gateway X-Ray Disabled',
    rules: ['tracing'],
    verdicts: { ProdPos3: 'flag' },
  },
  {
    file: 'kics-xray-disabled-negative1.yaml',
    peer: 'KICS API Gateway X-Ray Disabled',
    rules: ['tracing'],
    verdicts: { ProdNeg1: 'ok' },
  },
  {
    file: 'kics-stage-no-accesslog-positive1.yaml',
    peer: 'KICS Stage Access Logging Not Defined',
    rules: ['stage-access-logging'],
    verdicts: { Prod: 'flag' },
  },
  {
    file: 'kics-no-security-policy-positive1.yaml',
    peer: 'KICS API Gateway Without Security Policy',
    rules: ['domain-tls'],
    verdicts: { myDomainName: 'flag' },
  },
  {
    file: 'kics-no-security-policy-negative1.yaml',
    peer: 'KICS API Gateway Without Security Policy',
    rules: ['domain-tls'],
    verdicts: { myDomainName: 'ok' },
  },
  {
    file: 'kics-accesslog-disabled-positive1.yaml',
    peer: 'KICS access logging disabled',
    rules: ['stage-access-logging', 'execution-logging'],
    verdicts: { Prod: 'flag' },
  },
  {
    file: 'kics-accesslog-disabled-negative4.yaml',
    peer: 'KICS access logging disabled',
    rules: ['stage-access-logging', 'execution-logging'],
    verdicts: { Prod: 'ok' },
    disagree: {
      Prod: "LoggingLevel 'ON' is not a level API Gateway knows (OFF, ERROR, INFO), so execution logging is not shown to be on",
    },
  },
  {
    file: 'kics-accesslog-disabled-negative10.yaml',
    peer: 'KICS access logging disabled',
    rules: ['stage-access-logging', 'execution-logging'],
    verdicts: { ApiGatewayStage: 'ok' },
  },
  // A WebSocket API without a $connect route accepts every connection: the builders model an implicit $connect with NONE.
  {
    file: 'kics-no-authorizer-positive1.yaml',
    peer: 'KICS API Gateway Without Configured Authorizer',
    rules: ['v2-route-authorization'],
    verdicts: { DevWebSocket: 'flag' },
  },
  {
    file: 'kics-no-authorizer-positive2.yaml',
    peer: 'KICS API Gateway Without Configured Authorizer',
    rules: ['v2-route-authorization'],
    verdicts: { DevWebSocket5: 'flag' },
  },
  {
    file: 'kics-no-authorizer-negative1.yaml',
    peer: 'KICS API Gateway Without Configured Authorizer',
    rules: ['v2-route-authorization'],
    verdicts: { DevWebSocket2: 'ok' },
    disagree: {
      DevWebSocket2:
        'an authorizer that no route uses authorizes nothing: the API has no $connect route, so AWS accepts every connection without authorization',
    },
  },
];

export const NOT_SHARED: readonly NotSharedCase[] = [
  ...['fail', 'pass'].map((s) => ({
    file: `checkov-CKV_AWS_120-APIGatewayCacheEnable-${s}.yaml`,
    peer: 'checkov CKV_AWS_120',
    notShared:
      'caching is a performance choice, not a security control; we require encryption only where caching is on (cache-encryption)',
  })),
  ...[
    'stage_is_associated_with_two_usage_plans',
    'usage_plan_does_not_exist_for_api_deployments_that_are_refd_in_stages',
    'usage_plan_does_not_exist_for_api_stage',
    'usage_plan_does_not_exists_for_api_deployments_that_create_stages',
    'usage_plan_exists_for_api_deployments_that_are_refd_in_stages',
    'usage_plan_exists_for_api_deployments_that_create_stages',
    'usage_plan_exists_for_api_stage',
  ].map((name) => ({
    file: `cfnnag-api_gateway-api_gateway_${name}.yaml`,
    peer: 'cfn_nag W64/W68',
    notShared: USAGE_PLANS,
  })),
  ...['positive1.yaml', 'positive2.yaml', 'negative2.json'].map((s) => ({
    file: `kics-stage-no-usageplan-${s}`,
    peer: 'KICS Stage Without UsagePlan',
    notShared: USAGE_PLANS,
  })),
  ...['positive3', 'positive4', 'negative2'].map((s) => ({
    file: `kics-no-authorizer-${s}.yaml`,
    peer: 'KICS API Gateway Without Configured Authorizer',
    notShared:
      'KICS asks that an Authorizer resource exists; we judge the authorization of every REST method, and these REST APIs declare none',
  })),
  ...['positive6', 'negative3'].map((s) => ({
    file: `kics-method-no-apikey-${s}.yaml`,
    peer: 'KICS Method Does Not Contain An API Key',
    notShared: API_KEY_IS_NOT_AUTH.replace(', so NONE + ApiKeyRequired still fails', '; we never require one'),
  })),
];
