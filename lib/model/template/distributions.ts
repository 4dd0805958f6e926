import type { Distribution, DistributionOrigin } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import type { BuildContext } from './context';
import { asArray, asRecord, field } from './convert';

/** An origin domain that starts with a reference to an API: `{ref}.execute-api.{region}.amazonaws.com`. */
const EXECUTE_API = new RegExp(`^(${String.fromCharCode(1)}\\d+${String.fromCharCode(2)})\\.execute-api\\.`);

function customHeaders(ctx: BuildContext, value: unknown): Record<string, Value<string>> {
  const headers: Record<string, Value<string>> = {};
  for (const header of asArray(value)) {
    const name = ctx.v.str(field(header, 'HeaderName'), 'HeaderName');
    if (typeof name !== 'string') continue;
    headers[name.toLowerCase()] = ctx.v.str(field(header, 'HeaderValue'), `header ${name}`) ?? '';
  }
  return headers;
}

/** Where an origin's domain name leads: an API's default endpoint or a custom domain of the inputs. */
function originTarget(ctx: BuildContext, raw: unknown): Pick<DistributionOrigin, 'apiId' | 'domainId'> {
  if (typeof raw !== 'string') return {};
  const apiKey = ctx.tokens.refKey(EXECUTE_API.exec(raw)?.[1]);
  const api = apiKey !== undefined ? ctx.apis.get(apiKey) : undefined;
  if (api) return { apiId: api.id };
  // Ref of a custom domain is its name; GetAtt gives its RegionalDomainName (or an edge distribution's).
  const domainKey = ctx.tokens.resourceKey(raw);
  const byKey = domainKey !== undefined ? ctx.domains.get(domainKey) : undefined;
  if (byKey) return { domainId: byKey.id };
  if (ctx.tokens.hasTokens(raw)) return {};
  const byName = [...ctx.domains.values()].find((d) => d.name === raw);
  return byName ? { domainId: byName.id } : {};
}

/**
 * AWS::CloudFront::Distribution → Inventory.distributions: the web ACL and every origin, linked to the API
 * or custom domain it reaches, with its custom headers (an origin-verify header, for instance).
 */
export function mapDistributions(ctx: BuildContext): Distribution[] {
  const distributions: Distribution[] = [];
  for (const resource of ctx.ofType('AWS::CloudFront::Distribution')) {
    const config = ctx.props(resource).DistributionConfig;
    const rawAcl = field(config, 'WebACLId', 'DistributionConfig');
    const aclKey = ctx.tokens.resourceKey(rawAcl);
    const webAcl = aclKey !== undefined ? ctx.webAcls.get(aclKey) : undefined;
    const rawOrigins = field(config, 'Origins', 'DistributionConfig');
    const origins: DistributionOrigin[] = isUnresolved(rawOrigins)
      ? [{ id: rawOrigins, domainName: rawOrigins, customHeaders: {} }]
      : asArray(rawOrigins).map((origin) => {
          const props = asRecord(origin);
          return {
            id: ctx.v.str(props.Id, 'Origin Id') ?? unresolved('the origin has no Id'),
            domainName: ctx.v.str(props.DomainName, 'Origin DomainName') ?? unresolved('the origin has no DomainName'),
            ...originTarget(ctx, props.DomainName),
            customHeaders: customHeaders(ctx, props.OriginCustomHeaders),
          };
        });
    const conditional = ctx.conditional(resource, 'distribution');
    const webAclId = conditional ?? ctx.v.str(rawAcl, 'WebACLId');
    distributions.push({
      id: ctx.label(resource.key),
      source: ctx.source(resource),
      ...(webAclId !== undefined && webAclId !== '' ? { webAclId } : {}),
      ...(webAcl ? { webAcl } : {}),
      origins,
    });
  }
  return distributions;
}
