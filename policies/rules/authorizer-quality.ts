import { ALL_API_KINDS, defineRule } from '../../lib/engine/rule';
import type { RuleContext } from '../../lib/engine/rule';
import type { Api, Authorizer } from '../../lib/model/types';
import { isKnown, isUnresolved } from '../../lib/model/value';

interface Options {
  /** Methods using a Cognito user pool authorizer must require OAuth scopes (so only access tokens are accepted). */
  readonly requireCognitoScopes: boolean;
  /** Longest time a Lambda authorizer's decision may be cached, in seconds. */
  readonly maxCacheTtlSeconds: number;
  /** Authorizers must name where the credential comes from (header, query string, ...). */
  readonly requireIdentitySource: boolean;
}

/** AWS defaults for AuthorizerResultTtlInSeconds when the source does not set it. */
const DEFAULT_TTL: Record<string, number> = { rest: 300, http: 0 };

export default defineRule<'authorizer', Options>({
  id: 'authorizer-quality',
  title: 'Authorizers check audience, issuer and scopes, and do not cache decisions for long',
  rationale:
    'A Cognito authorizer without scopes accepts ID tokens, which are meant for the client, not for API access. A JWT authorizer ' +
    'must pin the audience and issuer, or tokens minted for other applications pass. A long Lambda authorizer cache keeps ' +
    'serving revoked permissions, and an authorizer without an identity source runs on requests that carry no credential at all.',
  fix: {
    cdk:
      "Use the constructs' `authorization` factories, which require scopes and audience and cap the cache TTL " +
      '(e.g. `HttpApiAuthorization.jwt({ issuer, audience, scopes })`); on plain APIs: Cognito ' +
      '`authorizationScopes` on each method with access tokens, JWT `jwtAudience` and the issuer URL, Lambda ' +
      '`resultsCacheTtl` within the standard, and an identity source such as ' +
      "`IdentitySource.header('Authorization')`.",
    cloudFormation:
      'Cognito: AuthorizationScopes on each method. JWT: JwtConfiguration.Audience / Issuer. Lambda: ' +
      'AuthorizerResultTtlInSeconds within the standard. All: IdentitySource.',
    sam:
      'In `Auth.Authorizers`: Cognito `AuthorizationScopes`, JWT `JwtConfiguration` (audience and issuer) ' +
      'on AWS::Serverless::HttpApi, Lambda `Identity.ReauthorizeEvery` within the standard, and an ' +
      '`Identity.Header` for every authorizer.',
  },
  severity: 'error',
  owasp: ['API2:2023', 'API5:2023'],
  controls: { nist80053: ['AC-3', 'AC-6', 'IA-2', 'IA-5'], pciDss4: ['7.2.2', '8.3.1'] },
  references: {},
  appliesTo: { subject: 'authorizer', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        requireCognitoScopes: { type: 'boolean' },
        maxCacheTtlSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
        requireIdentitySource: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaults: { requireCognitoScopes: true, maxCacheTtlSeconds: 300, requireIdentitySource: true },
  },
  check(authorizer, ctx) {
    const api = ctx.api;
    if (!api) return ctx.skip();
    const type = ctx.need(authorizer.type, 'the authorizer type').toUpperCase();
    if (ctx.options.requireIdentitySource) checkIdentitySource(authorizer, ctx);
    if (type === 'JWT') checkJwt(authorizer, ctx);
    if ((type === 'TOKEN' || type === 'REQUEST') && api.kind !== 'websocket') checkCacheTtl(authorizer, api, ctx);
    if (type === 'COGNITO_USER_POOLS' && ctx.options.requireCognitoScopes) checkCognitoScopes(authorizer, api, ctx);
  },
});

function checkIdentitySource(authorizer: Authorizer, ctx: RuleContext<Options>): void {
  const sources = authorizer.identitySource;
  if (isUnresolved(sources)) {
    ctx.unknown(`The identity source is unresolved (${sources.because}).`, { location: 'Properties.IdentitySource' });
  } else if (sources.filter((s) => s.trim() !== '').length === 0) {
    ctx.fail('Authorizer has no identity source: it runs (uncached) on requests that carry no credential.', {
      location: 'Properties.IdentitySource',
    });
  }
}

function checkJwt(authorizer: Authorizer, ctx: RuleContext<Options>): void {
  const audience = authorizer.jwtAudience;
  if (audience !== undefined && isUnresolved(audience)) {
    ctx.unknown(`The JWT audience is unresolved (${audience.because}).`, {
      location: 'Properties.JwtConfiguration.Audience',
    });
  } else if (!audience || audience.length === 0) {
    ctx.fail('JWT authorizer sets no audience: tokens issued for any client of the issuer are accepted.', {
      location: 'Properties.JwtConfiguration.Audience',
    });
  }
  const issuer = authorizer.jwtIssuer;
  if (issuer !== undefined && isUnresolved(issuer)) {
    ctx.unknown(`The JWT issuer is unresolved (${issuer.because}).`, {
      location: 'Properties.JwtConfiguration.Issuer',
    });
  } else if (!issuer || issuer.trim() === '') {
    ctx.fail('JWT authorizer sets no issuer.', { location: 'Properties.JwtConfiguration.Issuer' });
  }
}

function checkCacheTtl(authorizer: Authorizer, api: Api, ctx: RuleContext<Options>): void {
  const set = authorizer.resultTtlSeconds;
  if (set !== undefined && isUnresolved(set)) {
    return ctx.unknown(`The authorizer cache TTL is unresolved (${set.because}).`, {
      location: 'Properties.AuthorizerResultTtlInSeconds',
    });
  }
  const ttl = set ?? DEFAULT_TTL[api.kind] ?? 0;
  const max = ctx.options.maxCacheTtlSeconds;
  if (ttl > max) {
    const how = set === undefined ? ` (the AWS default when AuthorizerResultTtlInSeconds is unset)` : '';
    ctx.fail(`Lambda authorizer caches its decision for ${ttl} s${how}; the standard allows at most ${max} s.`, {
      location: 'Properties.AuthorizerResultTtlInSeconds',
    });
  }
}

function checkCognitoScopes(authorizer: Authorizer, api: Api, ctx: RuleContext<Options>): void {
  for (const op of api.operations) {
    const attached = op.auth.authorizer;
    if (!isKnown(attached) || attached.id !== authorizer.id) continue;
    const what = `${op.method} ${op.path}`;
    const scopes = op.auth.scopes;
    if (isUnresolved(scopes)) {
      ctx.unknown(`The OAuth scopes of ${what} are unresolved (${scopes.because}).`, {
        source: op.source,
        location: 'Properties.AuthorizationScopes',
      });
    } else if (scopes.length === 0) {
      ctx.fail(
        `Method ${what} uses Cognito authorizer without OAuth scopes, so it accepts ID tokens as well as access tokens.`,
        {
          source: op.source,
          location: 'Properties.AuthorizationScopes',
        },
      );
    }
  }
}
