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
