import { defineRule } from '../../lib/engine/rule';
import {
  DEFAULT_ALLOWED_TLS_POLICIES,
  isEnhancedPolicy,
  showPolicies,
  TLS_POLICY_LIST_SCHEMA,
  tlsPolicyTraits,
} from '../shared/tls-policies';

interface Options {
  /** Security policies the standard accepts on a REST API's own endpoint (the same names as domain-tls). */
  readonly allowedPolicies: string[];
  /** The API must name its policy instead of leaving AWS's default (TLS_1_0 for REGIONAL and EDGE APIs). */
  readonly requireExplicitPolicy: boolean;
  /** An enhanced (SecurityPolicy_*) policy must run with EndpointAccessMode STRICT, not BASIC. */
  readonly requireStrictAccessMode: boolean;
  /** The policy must offer TLS 1.3 (a SecurityPolicy_TLS13_* policy). */
  readonly requireTls13: boolean;
  /** The policy must use FIPS-validated cryptography (a *_FIPS_* policy). */
  readonly requireFips: boolean;
  /** The policy must use a post-quantum hybrid key exchange (a *_PQ_* policy). */
  readonly requirePostQuantum: boolean;
}

export default defineRule<'api', Options>({
  id: 'rest-api-tls',
  title: 'REST APIs pin a TLS security policy from the allowlist, enhanced policies in STRICT access mode',
  rationale:
    'The execute-api endpoint of a REGIONAL or EDGE REST API accepts TLS 1.0 unless the API names a security policy. The ' +
    'enhanced SecurityPolicy_* policies add TLS 1.3, FIPS and post-quantum options, and STRICT access mode rejects requests ' +
    'whose endpoint type or SNI host does not match the API, which closes domain fronting.',
  fix: {
    cdk:
      'The RestApi L2 has no prop for it: set it on the L1, `(api.node.defaultChild as apigw.CfnRestApi).securityPolicy = ' +
      '"SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09"` and `.endpointAccessMode = "STRICT"` (SecureRestApi does this), or ' +
      'disable the execute-api endpoint and serve the API through a custom domain.',
    cloudFormation:
      'SecurityPolicy (e.g. SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09) and EndpointAccessMode: STRICT on ' +
      'AWS::ApiGateway::RestApi.',
  },
  severity: 'error',
  owasp: ['API8:2023'],
  controls: { nist80053: ['SC-8', 'SC-8(1)', 'SC-13', 'SC-23'], pciDss4: ['4.2.1'] },
  references: {},
  appliesTo: { subject: 'api', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowedPolicies: TLS_POLICY_LIST_SCHEMA,
        requireExplicitPolicy: { type: 'boolean' },
        requireStrictAccessMode: { type: 'boolean' },
        requireTls13: { type: 'boolean' },
        requireFips: { type: 'boolean' },
        requirePostQuantum: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: {
      allowedPolicies: [...DEFAULT_ALLOWED_TLS_POLICIES],
      requireExplicitPolicy: false,
      requireStrictAccessMode: true,
      requireTls13: false,
      requireFips: false,
      requirePostQuantum: false,
    },
  },
  check(api, ctx) {
    // An API declared elsewhere is checked where it is declared.
    if (api.external) return ctx.skip();
    if (ctx.need(api.disableExecuteApiEndpoint, 'whether the execute-api endpoint is disabled')) {
      return ctx.exempt('the execute-api endpoint is disabled: clients connect through custom domains (domain-tls)');
    }
    const options = ctx.options;
    const shown = showPolicies(options.allowedPolicies);
    let policy: string;
    let how: string;
    if (api.securityPolicy === undefined) {
      if (options.requireExplicitPolicy) {
        return ctx.fail(`REST API sets no SecurityPolicy; the standard requires one of ${shown} to be pinned.`, {
          location: 'Properties.SecurityPolicy',
        });
      }
      const types = ctx.need(api.endpointTypes, 'the endpoint types');
      policy = types.some((t) => t.toUpperCase() === 'PRIVATE') ? 'TLS_1_2' : 'TLS_1_0';
      how = `sets no SecurityPolicy, so AWS applies ${policy}`;
    } else {
      policy = ctx.need(api.securityPolicy, 'the REST API security policy');
      how = `security policy is ${policy}`;
    }
    if (!options.allowedPolicies.includes(policy)) {
      return ctx.fail(`REST API ${how}; the standard allows ${shown}.`, { location: 'Properties.SecurityPolicy' });
    }
    const traits = tlsPolicyTraits(policy);
    const missing = [
      options.requireTls13 && !traits.tls13 ? 'TLS 1.3' : undefined,
      options.requireFips && !traits.fips ? 'FIPS' : undefined,
      options.requirePostQuantum && !traits.postQuantum ? 'post-quantum key exchange' : undefined,
    ].filter((m) => m !== undefined);
    if (missing.length) {
      ctx.fail(`REST API ${how}, without ${missing.join(', ')}, which tier ${ctx.tier} requires.`, {
        location: 'Properties.SecurityPolicy',
      });
    }
    if (!isEnhancedPolicy(policy)) return;
    if (api.endpointAccessMode === undefined) {
      return ctx.fail(
        `REST API uses the enhanced policy ${policy} without an EndpointAccessMode (API Gateway requires one; the standard wants STRICT).`,
        { location: 'Properties.EndpointAccessMode' },
      );
    }
    const mode = ctx.need(api.endpointAccessMode, 'the endpoint access mode');
    if (options.requireStrictAccessMode && mode.toUpperCase() !== 'STRICT') {
      ctx.fail(
        `REST API endpoint access mode is ${mode}; with an enhanced policy the standard requires STRICT (SNI host and endpoint type must match).`,
        { location: 'Properties.EndpointAccessMode' },
      );
    }
  },
});
