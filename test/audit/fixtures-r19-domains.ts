import type { FakeState } from './fake-aws/state';
import { REGION } from './fixture-ids';

export const PRIVATE_DOMAIN = 'private.example.com';
export const PRIVATE_DOMAIN_ARN = `arn:aws:apigateway:${REGION}:123456789012:/domainnames/${PRIVATE_DOMAIN}+abc123`;

/**
 * Adds the 2024–26 domain features to a fake account: a private custom domain (policy, access association) in
 * a rule-routing mode with one routing rule to ord3rs/prod, mutual TLS pinned to a version with an ownership
 * certificate, and the REST API ord3rs with an enhanced TLS policy. Every new audit call is exercised.
 */
export function addDomainFeatures(state: FakeState): FakeState {
  const orders = state.restApis.find((a) => a.api.id === 'ord3rs');
  if (orders)
    Object.assign(orders.api, { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'STRICT' });
  state.restDomains.push({
    domain: {
      domainName: PRIVATE_DOMAIN,
      domainNameId: 'abc123',
      domainNameArn: PRIVATE_DOMAIN_ARN,
      securityPolicy: 'TLS_1_2',
      endpointConfiguration: { types: ['PRIVATE'] },
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/private',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*',
            Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0abc' } },
          },
        ],
      }),
      routingMode: 'ROUTING_RULE_THEN_BASE_PATH_MAPPING',
      mutualTlsAuthentication: { truststoreUri: 's3://bucket/truststore.pem', truststoreVersion: 'v7' },
      ownershipVerificationCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/public',
    },
    mappings: [{ basePath: '(none)', restApiId: 'ord3rs', stage: 'prod' }],
    routingRules: [
      {
        routingRuleId: 'rr1',
        routingRuleArn: `arn:aws:apigateway:${REGION}::/domainnames/${PRIVATE_DOMAIN}/routingrules/rr1`,
        priority: 10,
        conditions: [{ matchBasePaths: { anyOf: ['orders'] } }],
        actions: [{ invokeApi: { apiId: 'ord3rs', stage: 'prod', stripBasePath: false } }],
      },
    ],
  });
  state.accessAssociations.push(
    {
      domainNameAccessAssociationArn: `${PRIVATE_DOMAIN_ARN}/association/vpce-0abc`,
      domainNameArn: PRIVATE_DOMAIN_ARN,
      accessAssociationSource: 'vpce-0abc',
      accessAssociationSourceType: 'VPCE',
    },
    {
      domainNameAccessAssociationArn: 'arn:aws:apigateway:eu-west-1::/domainnames/other+x/association/vpce-0def',
      domainNameArn: 'arn:aws:apigateway:eu-west-1::/domainnames/other+x',
      accessAssociationSource: 'vpce-0def',
      accessAssociationSourceType: 'VPCE',
    },
  );
  return state;
}
