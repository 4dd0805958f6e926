/**
 * The TLS security policies API Gateway offers, shared by the rules that check them (domain-tls on custom
 * domains, rest-api-tls on a REST API's own endpoint), so both accept the same names by default.
 */

/** TLS 1.2 and the 2025 enhanced policies (TLS 1.3 / PFS / post-quantum, regional and edge). */
export const DEFAULT_ALLOWED_TLS_POLICIES: readonly string[] = [
  'TLS_1_2',
  'SecurityPolicy_TLS13_1_3_2025_09',
  'SecurityPolicy_TLS13_1_3_FIPS_2025_09',
  'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_Ext2_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_Ext2_FIPS_PQ_2025_09',
  'SecurityPolicy_TLS13_2025_EDGE',
  'SecurityPolicy_TLS12_PFS_2025_EDGE',
];

/** JSON schema of an allowlist option. */
export const TLS_POLICY_LIST_SCHEMA = {
  type: 'array',
  items: { type: 'string', pattern: '^(TLS_1_[0-9]|SecurityPolicy_[A-Za-z0-9_]+)$' },
  minItems: 1,
  uniqueItems: true,
} as const;

/** An enhanced policy (SecurityPolicy_*) needs an endpoint access mode; TLS_1_0 and TLS_1_2 are legacy. */
export function isEnhancedPolicy(policy: string): boolean {
  return policy.startsWith('SecurityPolicy_');
}

/** What a policy's name promises: TLS 1.3 offered, FIPS-validated crypto, post-quantum key exchange. */
export interface TlsPolicyTraits {
  readonly tls13: boolean;
  readonly fips: boolean;
  readonly postQuantum: boolean;
}

export function tlsPolicyTraits(policy: string): TlsPolicyTraits {
  const parts = policy.split('_');
  return {
    tls13: isEnhancedPolicy(policy) && parts.includes('TLS13'),
    fips: parts.includes('FIPS'),
    postQuantum: parts.includes('PQ'),
  };
}

/** The allowlist for a message: at most four names, then a count. */
export function showPolicies(allowed: readonly string[]): string {
  return allowed.length > 4 ? `${allowed.slice(0, 3).join(', ')} (+${allowed.length - 3} more)` : allowed.join(', ');
}
