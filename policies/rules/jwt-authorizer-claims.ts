import { defineRule } from '../../lib/engine/rule';
import type { RuleContext } from '../../lib/engine/rule';
import type { Authorizer } from '../../lib/model/types';
import { isUnresolved } from '../../lib/model/value';

interface Options {
  /**
   * Issuers the standard accepts: an exact issuer URL, or a prefix ending in `*`
   * (`https://cognito-idp.eu-west-1.amazonaws.com/*`). Empty = any https issuer.
   */
  readonly allowedIssuers: string[];
}

const AUDIENCE = 'Properties.JwtConfiguration.Audience';
const ISSUER = 'Properties.JwtConfiguration.Issuer';

export default defineRule<'authorizer', Options>({
  id: 'jwt-authorizer-claims',
  title: 'JWT authorizers pin the audience and an issuer of the organisation',
  rationale:
    'A JWT authorizer accepts every token its issuer signed for any of the audiences it lists. Without an audience, tokens ' +
    'minted for any other application of the same identity provider pass; with an issuer outside the organisation, or ' +
    'one reached over plain HTTP, whoever controls that issuer mints valid tokens for the API.',
  fix: {
    cdk:
      "`new HttpJwtAuthorizer('Jwt', issuerUrl, { jwtAudience: ['<app client id>'] })` with an issuer the standard lists, " +
      'or `HttpUserPoolAuthorizer` with the user pool and its app clients.',
    cloudFormation:
      'AWS::ApiGatewayV2::Authorizer JwtConfiguration.Audience (the app client ids) and JwtConfiguration.Issuer (an ' +
      'https issuer the standard lists).',
    sam: '`Auth.Authorizers.<name>.JwtConfiguration` with `audience` and `issuer` on AWS::Serverless::HttpApi.',
  },
  severity: 'error',
  owasp: ['API2:2023'],
  controls: { nist80053: ['IA-2', 'IA-5(2)', 'IA-8', 'SC-23'], pciDss4: ['8.3.1'] },
  references: {},
  appliesTo: { subject: 'authorizer', apiKinds: ['http'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowedIssuers: {
          type: 'array',
          items: { type: 'string', pattern: '^https://[^*]+\\*?$' },
          uniqueItems: true,
        },
      },
      additionalProperties: false,
    },
    defaults: { allowedIssuers: [] },
  },
  check(authorizer, ctx) {
    if (ctx.need(authorizer.type, 'the authorizer type').toUpperCase() !== 'JWT') return ctx.skip();
    checkAudience(authorizer, ctx);
    checkIssuer(authorizer, ctx);
  },
});

function checkAudience(authorizer: Authorizer, ctx: RuleContext<Options>): void {
  const audience = authorizer.jwtAudience;
  if (audience !== undefined && isUnresolved(audience)) {
    ctx.unknown(`The JWT audience is unresolved (${audience.because}).`, { location: AUDIENCE });
  } else if (!audience || audience.filter((a) => a.trim() !== '').length === 0) {
    ctx.fail('JWT authorizer sets no audience: tokens issued for any client of the issuer are accepted.', {
      location: AUDIENCE,
    });
  }
}

/** Whether an allowlist entry admits the issuer; undefined when the issuer is only known at deploy time. */
function admits(entry: string, issuer: string): boolean | undefined {
  const reference = issuer.indexOf('${');
  const known = reference < 0 ? issuer : issuer.slice(0, reference);
  if (entry.endsWith('*')) {
    const prefix = entry.slice(0, -1);
    if (known.startsWith(prefix)) return true;
    return reference < 0 || !prefix.startsWith(known) ? false : undefined;
  }
  if (reference < 0) return entry === issuer;
  return entry.startsWith(known) ? undefined : false;
}

function checkIssuer(authorizer: Authorizer, ctx: RuleContext<Options>): void {
  const issuer = authorizer.jwtIssuer;
  if (issuer !== undefined && isUnresolved(issuer)) {
    return ctx.unknown(`The JWT issuer is unresolved (${issuer.because}).`, { location: ISSUER });
  }
  if (!issuer || issuer.trim() === '') return ctx.fail('JWT authorizer sets no issuer.', { location: ISSUER });
  if (!issuer.startsWith('https://')) {
    return ctx.fail(`JWT issuer ${issuer} is not an https URL: its signing keys can be replaced in transit.`, {
      location: ISSUER,
    });
  }
  const allowed = ctx.options.allowedIssuers;
  if (allowed.length === 0) return;
  const verdicts = allowed.map((entry) => admits(entry, issuer));
  if (verdicts.includes(true)) return;
  if (verdicts.includes(undefined)) {
    return ctx.unknown(
      `The JWT issuer ${issuer} is only known at deploy time, so it cannot be matched against the standard's issuers (${allowed.join(', ')}).`,
      { location: ISSUER },
    );
  }
  ctx.fail(`JWT issuer ${issuer} is not one the standard allows (${allowed.join(', ')}).`, { location: ISSUER });
}
