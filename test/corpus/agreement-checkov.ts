import { API_KEY_IS_NOT_AUTH, NOT_PREFLIGHT, type AgreementCase } from './agreement-types';

/** Checkov's fixtures (checkov-*), by check id. */
export const CHECKOV_CASES: readonly AgreementCase[] = [
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
];
