import type { DistributionSummary, Origin } from '@aws-sdk/client-cloudfront';
import type { Distribution, DistributionOrigin, Domain } from '../types';
import { unresolved, type Value } from '../value';
import type { AwsSnapshot, Fetched } from './snapshot';

/** `{apiId}.execute-api.{region}.amazonaws.com`, the default endpoint of an API. */
const EXECUTE_API = /^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/;

/** What the origins of the account's distributions can lead to: the audited APIs and custom domains. */
export interface DistributionTargets {
  readonly region: string;
  readonly apiIds: ReadonlySet<string>;
  readonly domains: readonly Domain[];
}

/**
 * Host names API Gateway gives each custom domain (REST regionalDomainName / distributionDomainName, v2
 * ApiGatewayDomainName), by host → domain name: a CloudFront origin may name the domain by either.
 */
function domainHosts(snapshot: AwsSnapshot): Map<string, string> {
  const hosts = new Map<string, string>();
  const add = (host: string | undefined, name: string | undefined): void => {
    if (host && name) hosts.set(host.toLowerCase(), name);
  };
  if (snapshot.restDomains.ok) {
    for (const { domain } of snapshot.restDomains.value) {
      add(domain.regionalDomainName, domain.domainName);
      add(domain.distributionDomainName, domain.domainName);
    }
  }
  if (snapshot.v2Domains.ok) {
    for (const { domain } of snapshot.v2Domains.value) {
      for (const config of domain.DomainNameConfigurations ?? []) add(config.ApiGatewayDomainName, domain.DomainName);
    }
  }
  return hosts;
}

function mapOrigin(origin: Origin, targets: DistributionTargets, hosts: Map<string, string>): DistributionOrigin {
  const host = (origin.DomainName ?? '').toLowerCase();
  const headers: Record<string, Value<string>> = {};
  for (const header of origin.CustomHeaders?.Items ?? []) {
    if (header.HeaderName) headers[header.HeaderName.toLowerCase()] = header.HeaderValue ?? '';
  }
  const endpoint = EXECUTE_API.exec(host);
  const apiId = endpoint && endpoint[2] === targets.region && targets.apiIds.has(endpoint[1]) ? endpoint[1] : undefined;
  const domainName = targets.domains.find((d) => d.name === host)?.id ?? hosts.get(host);
  const domainId = targets.domains.some((d) => d.id === domainName) ? domainName : undefined;
  return {
    id: origin.Id ?? '',
    domainName: origin.DomainName ?? '',
    ...(apiId !== undefined ? { apiId } : {}),
    ...(apiId === undefined && domainId !== undefined ? { domainId } : {}),
    customHeaders: headers,
  };
}

/** A stand-in for distributions that could not be listed: its origin is unknown, so http-api-waf says unknown. */
function unreadableDistributions(because: string): Distribution {
  const why = unresolved(because);
  return {
    id: '(CloudFront distributions not readable)',
    source: { arn: 'arn:aws:cloudfront:::distribution/*', resourceType: 'AWS::CloudFront::Distribution' },
    webAclId: why,
    origins: [{ id: why, domainName: why, customHeaders: {} }],
  };
}

/**
 * ListDistributions → Inventory.distributions: every enabled distribution of the account with its web ACL and
 * origins, each origin linked to the audited API whose execute-api endpoint it is, or to the audited custom
 * domain it names. A failed listing (or a snapshot made before distributions were read) is one unreadable
 * stand-in, so an HTTP API's WAF is unknown rather than failing or passing on data never read.
 */
export function mapDistributions(snapshot: AwsSnapshot, targets: DistributionTargets): Distribution[] {
  const listed: Fetched<DistributionSummary[]> = snapshot.distributions ?? {
    ok: false,
    because: 'CloudFront distributions were not read (the snapshot was made before the audit read them)',
  };
  if (!listed.ok) return [unreadableDistributions(listed.because)];
  const hosts = domainHosts(snapshot);
  return listed.value
    .filter((d) => d.Enabled !== false)
    .map((d) => {
      const id = d.Id ?? '';
      return {
        id,
        source: { arn: d.ARN ?? `distribution/${id}`, resourceType: 'AWS::CloudFront::Distribution' },
        ...(d.WebACLId ? { webAclId: d.WebACLId } : {}),
        origins: (d.Origins?.Items ?? []).map((o) => mapOrigin(o, targets, hosts)),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
