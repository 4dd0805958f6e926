import type { Domain, Mapping } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import { policyFrom } from './api-base';
import type { BuildContext, Mutable, RawResource } from './context';
import { asArray, field } from './convert';
import { certificateOf, domainFor, mapAccessAssociations, mapRoutingRules } from './domain-access';

function register(
  ctx: BuildContext,
  resource: RawResource,
  domain: Mutable<Domain>,
  byName: Map<string, string>,
): void {
  ctx.domains.set(resource.key, domain);
  if (typeof domain.name === 'string') byName.set(domain.name, resource.key);
}

function mapDomains(ctx: BuildContext, byName: Map<string, string>): void {
  for (const type of ['AWS::ApiGateway::DomainName', 'AWS::ApiGateway::DomainNameV2']) {
    for (const resource of ctx.ofType(type)) {
      const props = ctx.props(resource);
      const endpoint = props.EndpointConfiguration;
      const mtls = props.MutualTlsAuthentication;
      register(
        ctx,
        resource,
        {
          id: ctx.label(resource.key),
          kind: 'rest',
          source: ctx.source(resource),
          name: ctx.v.str(props.DomainName, 'DomainName'),
          securityPolicy: ctx.v.str(props.SecurityPolicy, 'SecurityPolicy'),
          endpointTypes:
            ctx.v.strList(field(endpoint, 'Types', 'EndpointConfiguration'), 'EndpointConfiguration.Types') ??
            (type.endsWith('V2') ? ['PRIVATE'] : ['EDGE']),
          mtlsTruststoreUri: ctx.v.str(field(mtls, 'TruststoreUri'), 'TruststoreUri'),
          mtlsTruststoreVersion: ctx.v.str(field(mtls, 'TruststoreVersion'), 'TruststoreVersion'),
          ownershipVerificationCertificateArn: ctx.v.str(
            props.OwnershipVerificationCertificateArn,
            'OwnershipVerificationCertificateArn',
          ),
          certificate: certificateOf(ctx, props.RegionalCertificateArn ?? props.CertificateArn),
          endpointAccessMode: ctx.v.str(props.EndpointAccessMode, 'EndpointAccessMode'),
          ipAddressType: ctx.v.str(field(endpoint, 'IpAddressType', 'EndpointConfiguration'), 'IpAddressType'),
          mappings: [],
          tags: ctx.v.tags(props.Tags),
          policy: type.endsWith('V2') ? policyFrom(ctx, props.Policy) : undefined,
          accessAssociations: [],
          routingMode: ctx.v.str(props.RoutingMode, 'RoutingMode'),
          routingRules: [],
        },
        byName,
      );
    }
  }
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::DomainName')) {
    const props = ctx.props(resource);
    const configs = props.DomainNameConfigurations;
    const first = asArray(configs)[0];
    const unknown = isUnresolved(configs) ? configs : undefined;
    const types = asArray(configs)
      .map((config) => ctx.v.str(field(config, 'EndpointType'), 'EndpointType'))
      .filter((t) => t !== undefined);
    const unknownType = types.find(isUnresolved);
    register(
      ctx,
      resource,
      {
        id: ctx.label(resource.key),
        kind: 'v2',
        source: ctx.source(resource),
        name: ctx.v.str(props.DomainName, 'DomainName'),
        securityPolicy: unknown ?? ctx.v.str(field(first, 'SecurityPolicy'), 'SecurityPolicy'),
        endpointTypes: unknown ?? unknownType ?? (types.length ? (types as string[]) : ['REGIONAL']),
        mtlsTruststoreUri: ctx.v.str(field(props.MutualTlsAuthentication, 'TruststoreUri'), 'TruststoreUri'),
        mtlsTruststoreVersion: ctx.v.str(
          field(props.MutualTlsAuthentication, 'TruststoreVersion'),
          'TruststoreVersion',
        ),
        ownershipVerificationCertificateArn:
          unknown ??
          ctx.v.str(field(first, 'OwnershipVerificationCertificateArn'), 'OwnershipVerificationCertificateArn'),
        certificate: unknown ? { arn: unknown, issuer: unknown } : certificateOf(ctx, field(first, 'CertificateArn')),
        ipAddressType: unknown ?? ctx.v.str(field(first, 'IpAddressType'), 'IpAddressType'),
        mappings: [],
        tags: ctx.v.tags(props.Tags),
        accessAssociations: [],
        routingMode: ctx.v.str(props.RoutingMode, 'RoutingMode'),
        routingRules: [],
      },
      byName,
    );
  }
}

function addMapping(
  ctx: BuildContext,
  resource: RawResource,
  domainValue: unknown,
  apiValue: unknown,
  stage: unknown,
  basePath: unknown,
  byName: Map<string, string>,
): void {
  const domain = domainFor(ctx, domainValue, byName);
  if (!domain) return;
  const apiKey = ctx.tokens.resourceKey(apiValue);
  const api = apiKey !== undefined ? ctx.apis.get(apiKey) : undefined;
  const apiId: Value<string> = api
    ? api.id
    : unresolved(`the mapped API ${ctx.v.describe(apiValue)} is not in the template`);
  if (api && !api.domainIds.includes(domain.id)) api.domainIds.push(domain.id);
  const stageKey = ctx.tokens.refKey(stage);
  const stageModel = stageKey !== undefined ? ctx.stages.get(stageKey) : undefined;
  const mapping: Mapping = {
    source: ctx.source(resource),
    apiId,
    ...(stage !== undefined ? { stage: stageModel ? stageModel.name : ctx.v.str(stage, 'Stage') } : {}),
    ...(basePath !== undefined ? { basePath: ctx.v.str(basePath, 'BasePath') } : {}),
  };
  domain.mappings.push(mapping);
}

/** Custom domains and their mappings (REST BasePathMapping(V2), v2 ApiMapping) → Domain, Api.domainIds. */
export function mapDomainsAndMappings(ctx: BuildContext): void {
  const byName = new Map<string, string>();
  mapDomains(ctx, byName);
  for (const resource of ctx.ofType('AWS::ApiGateway::BasePathMapping')) {
    const props = ctx.props(resource);
    addMapping(ctx, resource, props.DomainName, props.RestApiId, props.Stage, props.BasePath, byName);
  }
  for (const resource of ctx.ofType('AWS::ApiGateway::BasePathMappingV2')) {
    const props = ctx.props(resource);
    addMapping(ctx, resource, props.DomainNameArn, props.RestApiId, props.Stage, props.BasePath, byName);
  }
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::ApiMapping')) {
    const props = ctx.props(resource);
    addMapping(ctx, resource, props.DomainName, props.ApiId, props.Stage, props.ApiMappingKey, byName);
  }
  mapAccessAssociations(ctx, byName);
  mapRoutingRules(ctx, byName);
}
