import { logicalIdHash, record, type Json } from './common';

/** Resources generated for one SAM API, by logical id. */
export type Generated = Record<string, Json>;

function basePaths(domain: Json): string[] | undefined {
  const raw = domain.BasePath;
  if (typeof raw === 'string' && raw !== '') return [raw];
  if (Array.isArray(raw) && raw.length > 0) return raw.filter((item): item is string => typeof item === 'string');
  return undefined;
}

function optional(domain: Json, out: Json): Json {
  for (const key of ['SecurityPolicy', 'EndpointAccessMode', 'Policy']) if (domain[key]) out[key] = domain[key];
  return out;
}

/** A REST API's Domain: AWS::ApiGateway::DomainName (DomainNameV2 when PRIVATE) and its base path mappings. */
export function restDomain(apiId: string, stageId: string, raw: unknown, attributes: Json): Generated {
  const domain = record(raw);
  const endpoint = domain.EndpointConfiguration ?? 'REGIONAL';
  const out: Generated = {};
  const paths = basePaths(domain);
  const normalize = domain.NormalizeBasePath !== false;
  const mappingId = (path: string | undefined): string =>
    `${apiId}${path === undefined ? '' : [...path].filter((c) => /[A-Za-z0-9]/.test(c)).join('')}BasePathMapping`;
  const mappingPath = (path: string): string =>
    normalize ? [...path].filter((c) => /[A-Za-z0-9]/.test(c)).join('') : path;
  if (endpoint === 'PRIVATE') {
    const domainId = `ApiGatewayDomainNameV2${logicalIdHash(domain.DomainName)}`;
    out[domainId] = {
      Type: 'AWS::ApiGateway::DomainNameV2',
      ...attributes,
      Properties: optional(domain, {
        DomainName: domain.DomainName,
        CertificateArn: domain.CertificateArn,
        EndpointConfiguration: { Types: ['PRIVATE'] },
      }),
    };
    for (const path of paths ?? [undefined])
      out[mappingId(path)] = {
        Type: 'AWS::ApiGateway::BasePathMappingV2',
        ...attributes,
        Properties: {
          DomainNameArn: { Ref: domainId },
          RestApiId: { Ref: apiId },
          Stage: { Ref: stageId },
          ...(path !== undefined ? { BasePath: mappingPath(path) } : {}),
        },
      };
    return out;
  }
  const domainId = `ApiGatewayDomainName${logicalIdHash(domain.DomainName)}`;
  const props: Json = {
    DomainName: domain.DomainName,
    [endpoint === 'REGIONAL' ? 'RegionalCertificateArn' : 'CertificateArn']: domain.CertificateArn,
    EndpointConfiguration: { Types: [endpoint] },
  };
  const mtls = record(domain.MutualTlsAuthentication);
  if (domain.MutualTlsAuthentication !== undefined) {
    props.MutualTlsAuthentication = {};
    for (const key of ['TruststoreUri', 'TruststoreVersion'])
      if (mtls[key]) (props.MutualTlsAuthentication as Json)[key] = mtls[key];
  }
  if (domain.OwnershipVerificationCertificateArn)
    props.OwnershipVerificationCertificateArn = domain.OwnershipVerificationCertificateArn;
  out[domainId] = { Type: 'AWS::ApiGateway::DomainName', ...attributes, Properties: optional(domain, props) };
  for (const path of paths ?? [undefined])
    out[mappingId(path)] = {
      Type: 'AWS::ApiGateway::BasePathMapping',
      ...attributes,
      Properties: {
        DomainName: { Ref: domainId },
        RestApiId: { Ref: apiId },
        Stage: { Ref: stageId },
        ...(path !== undefined ? { BasePath: mappingPath(path) } : {}),
      },
    };
  return out;
}

/** An HTTP API's Domain: AWS::ApiGatewayV2::DomainName and its API mappings. */
export function httpDomain(apiId: string, stageId: string, raw: unknown, attributes: Json): Generated {
  const domain = record(raw);
  const domainId = `ApiGatewayDomainNameV2${logicalIdHash(domain.DomainName)}`;
  const config: Json = {
    CertificateArn: domain.CertificateArn,
    EndpointType: domain.EndpointConfiguration ?? 'REGIONAL',
  };
  if (domain.SecurityPolicy) config.SecurityPolicy = domain.SecurityPolicy;
  if (domain.OwnershipVerificationCertificateArn)
    config.OwnershipVerificationCertificateArn = domain.OwnershipVerificationCertificateArn;
  const props: Json = { DomainName: domain.DomainName, DomainNameConfigurations: [config] };
  const mtls = record(domain.MutualTlsAuthentication);
  if (domain.MutualTlsAuthentication !== undefined) {
    props.MutualTlsAuthentication = {};
    for (const key of ['TruststoreUri', 'TruststoreVersion'])
      if (mtls[key]) (props.MutualTlsAuthentication as Json)[key] = mtls[key];
  }
  const out: Generated = { [domainId]: { Type: 'AWS::ApiGatewayV2::DomainName', ...attributes, Properties: props } };
  const paths = basePaths(domain);
  for (const path of paths ?? [undefined]) {
    const key = path === undefined ? undefined : [...path].filter((c) => /[A-Za-z0-9]/.test(c)).join('');
    out[`${apiId}${key ?? ''}ApiMapping`] = {
      Type: 'AWS::ApiGatewayV2::ApiMapping',
      ...attributes,
      Properties: {
        DomainName: { Ref: domainId },
        ApiId: { Ref: apiId },
        Stage: { Ref: stageId },
        ...(key !== undefined ? { ApiMappingKey: key } : {}),
      },
    };
  }
  return out;
}
