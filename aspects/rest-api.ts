import { Token } from 'aws-cdk-lib';
import type { CfnRestApi } from 'aws-cdk-lib/aws-apigateway';
import { standardOptions } from '../lib/constructs/standard-bounds';
import { recordRemediation } from './remediation';

/**
 * Give a REST API an endpoint type its tier allows when it has one the tier does not (a plain RestApi is
 * EDGE): REGIONAL where allowed. PRIVATE is never chosen for the user, since it needs VPC endpoints and a
 * resource policy only they can name.
 */
export function remediateEndpoint(api: CfnRestApi, tier: string): void {
  const allowed = standardOptions<{ allowedEndpointTypes: string[] }>('endpoint-type', tier).allowedEndpointTypes;
  if (!allowed || !allowed.includes('REGIONAL')) return;
  const config = api.endpointConfiguration;
  if (Token.isUnresolved(config)) return;
  const types = (config as CfnRestApi.EndpointConfigurationProperty | undefined)?.types ?? ['EDGE'];
  if (Token.isUnresolved(types) || types.every((t) => allowed.includes(t))) return;
  if (!types.every((t) => t === 'EDGE')) return; // a PRIVATE API stays private; the rule reports it
  api.endpointConfiguration = { ...(config as object), types: ['REGIONAL'] };
  recordRemediation(api, `endpoint type set to REGIONAL (tier ${tier} does not allow EDGE)`);
}

/**
 * Pin a TLS security policy on a REST API that names none (AWS would apply TLS_1_0 to a REGIONAL or EDGE API):
 * TLS_1_2 where the tier allows it, else the enhanced TLS 1.3 / TLS 1.2 PFS post-quantum policy in STRICT mode.
 */
export function remediateSecurityPolicy(api: CfnRestApi, tier: string): void {
  if (api.securityPolicy !== undefined) return;
  const options = standardOptions<{
    allowedPolicies: string[];
    requireTls13: boolean;
    requireFips: boolean;
    requirePostQuantum: boolean;
  }>('rest-api-tls', tier);
  const config = api.endpointConfiguration as CfnRestApi.EndpointConfigurationProperty | undefined;
  if (Token.isUnresolved(config) || Token.isUnresolved(config?.types)) return;
  const edge = (config?.types ?? ['EDGE']).includes('EDGE');
  const legacyOk = !options.requireTls13 && !options.requireFips && !options.requirePostQuantum;
  const enhanced = edge
    ? 'SecurityPolicy_TLS13_2025_EDGE'
    : options.requireFips
      ? 'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09'
      : 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09';
  const allowed = options.allowedPolicies;
  if (legacyOk && (!allowed || allowed.includes('TLS_1_2'))) {
    api.securityPolicy = 'TLS_1_2';
  } else if (!allowed || allowed.includes(enhanced)) {
    api.securityPolicy = enhanced;
    api.endpointAccessMode = 'STRICT';
  } else return;
  recordRemediation(api, `security policy set to ${api.securityPolicy} (AWS would apply TLS_1_0)`);
}
