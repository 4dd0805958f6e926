import { Token } from 'aws-cdk-lib';
import { EndpointAccessMode, EndpointType, SecurityPolicy } from 'aws-cdk-lib/aws-apigateway';
import { DEFAULT_ALLOWED_TLS_POLICIES } from '../../policies/shared/tls-policies';
import { GuardrailsConstructError } from './errors';

/**
 * TLS security policies a custom domain may use: the list the shipped rules accept (domain-tls, rest-api-tls),
 * so the construct never refuses what passes. TLS_1_0 and the legacy 2018 edge policy are refused. Control
 * Tower's CT.APIGATEWAY.PR.6 only accepts TLS_1_2, so TLS_1_2 is the default.
 */
export const ALLOWED_TLS_POLICIES: readonly string[] = DEFAULT_ALLOWED_TLS_POLICIES;

export interface DomainSettings {
  readonly securityPolicy: SecurityPolicy;
  readonly endpointType: EndpointType;
  /** Only for the enhanced (SecurityPolicy_*) policies, which require it. */
  readonly endpointAccessMode?: EndpointAccessMode;
}

/** Merge user input with the defaults and validate (pure). */
export function resolveDomainSettings(input: {
  readonly mutualTls?: unknown;
  readonly securityPolicy?: SecurityPolicy;
  readonly endpointType?: EndpointType;
  readonly endpointAccessMode?: EndpointAccessMode;
}): DomainSettings {
  const securityPolicy = input.securityPolicy ?? SecurityPolicy.TLS_1_2;
  if (!Token.isUnresolved(securityPolicy) && !ALLOWED_TLS_POLICIES.includes(securityPolicy)) {
    throw new GuardrailsConstructError(
      'E_TLS_POLICY',
      'The custom domain TLS security policy is not on the allowlist.',
      securityPolicy,
      `Use one of ${ALLOWED_TLS_POLICIES.join(', ')} (default TLS_1_2).`,
    );
  }
  const endpointType = input.endpointType ?? EndpointType.REGIONAL;
  if (endpointType === EndpointType.PRIVATE) {
    throw new GuardrailsConstructError(
      'E_ENDPOINT_TYPES',
      'SecureApiDomain serves REGIONAL or EDGE APIs; private custom domains need a domain name access association.',
      endpointType,
      'Use EndpointType.REGIONAL (default) or EndpointType.EDGE.',
    );
  }
  const enhanced = securityPolicy.startsWith('SecurityPolicy_');
  if (!enhanced && input.endpointAccessMode !== undefined) {
    throw new GuardrailsConstructError(
      'E_TLS_POLICY',
      'endpointAccessMode only applies to the enhanced (SecurityPolicy_*) TLS policies.',
      input.endpointAccessMode,
      'Drop endpointAccessMode, or choose an enhanced policy.',
    );
  }
  if (enhanced && input.mutualTls) {
    throw new GuardrailsConstructError(
      'E_MTLS_TRUSTSTORE',
      'API Gateway does not support mutual TLS on domains with an enhanced (SecurityPolicy_*) TLS policy.',
      securityPolicy,
      'Use SecurityPolicy.TLS_1_2 (the default) with mutual TLS, or drop mutualTls.',
    );
  }
  return {
    securityPolicy,
    endpointType,
    endpointAccessMode: enhanced ? (input.endpointAccessMode ?? EndpointAccessMode.STRICT) : undefined,
  };
}
