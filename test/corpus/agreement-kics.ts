import { NOT_PREFLIGHT, type AgreementCase } from './agreement-types';

/** KICS's fixtures (kics-*), by query. */
export const KICS_CASES: readonly AgreementCase[] = [
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
