import { NOT_PREFLIGHT, NO_STAGE, type AgreementCase } from './agreement-types';

/** cfn_nag's fixtures (cfnnag-*), by rule id. */
export const CFN_NAG_CASES: readonly AgreementCase[] = [
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
];
