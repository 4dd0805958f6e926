/**
 * What other scanners' own test suites assert for the shared corpus (../shared/corpus/sources.json),
 * per resource, and which of our rules covers the same control. `disagree` records, per logical id,
 * why our verdict differs on purpose; `notShared` marks fixtures whose control we deliberately do not
 * implement (with the reason). Peer verdicts: 'flag' = the peer reports the resource, 'ok' = it does not.
 * The cases of each peer live in agreement-<peer>.ts.
 */
import { CFN_NAG_CASES } from './agreement-cfn-nag';
import { CHECKOV_CASES } from './agreement-checkov';
import { KICS_CASES } from './agreement-kics';
import { API_KEY_IS_NOT_AUTH, USAGE_PLANS, type AgreementCase, type NotSharedCase } from './agreement-types';

export type { AgreementCase, NotSharedCase, PeerVerdict } from './agreement-types';

export const AGREEMENT_CASES: readonly AgreementCase[] = [...CHECKOV_CASES, ...CFN_NAG_CASES, ...KICS_CASES];

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
