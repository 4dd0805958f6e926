/**
 * What reaches a custom domain besides its mappings: the certificate it serves (who issued it), domain name
 * access associations (VPC endpoints of a private domain) and routing rules (AWS::ApiGatewayV2::RoutingRule).
 */
import type { Domain, DomainCertificate, RoutingRule } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import type { BuildContext, Mutable } from './context';
import { asArray, field } from './convert';

/** The domain a mapping, association or rule points at: Ref/GetAtt of a domain resource, or its literal name. */
export function domainFor(ctx: BuildContext, value: unknown, byName: Map<string, string>): Mutable<Domain> | undefined {
  const key = ctx.tokens.resourceKey(value);
  if (key !== undefined) return ctx.domains.get(key);
  if (typeof value === 'string' && !ctx.tokens.hasTokens(value)) {
    const named = byName.get(value);
    return named !== undefined ? ctx.domains.get(named) : undefined;
  }
  return undefined;
}

/**
 * The certificate behind an ARN value: an AWS::CertificateManager::Certificate of the template is public ACM
 * ('amazon') unless it names a CertificateAuthorityArn ('private-ca'); any other ARN may be imported.
 */
export function certificateOf(ctx: BuildContext, value: unknown): DomainCertificate | undefined {
  if (value === undefined) return undefined;
  const arn = ctx.v.str(value, 'CertificateArn') ?? unresolved('CertificateArn is not set');
  const key = ctx.tokens.resourceKey(value);
  const resource = key !== undefined ? ctx.resources.get(key) : undefined;
  if (resource?.type === 'AWS::CertificateManager::Certificate') {
    const authority = ctx.props(resource).CertificateAuthorityArn;
    return { arn, issuer: authority === undefined ? 'amazon' : 'private-ca' };
  }
  const shown = isUnresolved(arn) ? arn.because : arn;
  return {
    arn,
    issuer: unresolved(
      `certificate ${shown} is not in the template, so whether it is imported or from a private CA is unknown`,
    ),
  };
}

/** AWS::ApiGateway::DomainNameAccessAssociation → Domain.accessAssociations. */
export function mapAccessAssociations(ctx: BuildContext, byName: Map<string, string>): void {
  for (const resource of ctx.ofType('AWS::ApiGateway::DomainNameAccessAssociation')) {
    const props = ctx.props(resource);
    const domain = domainFor(ctx, props.DomainNameArn, byName);
    if (!domain) continue;
    const conditional = ctx.conditional(resource, 'access association');
    domain.accessAssociations.push({
      source: ctx.source(resource),
      sourceType:
        conditional ??
        ctx.v.str(props.AccessAssociationSourceType, 'AccessAssociationSourceType') ??
        unresolved('AccessAssociationSourceType is not set'),
      sourceId:
        conditional ??
        ctx.v.str(props.AccessAssociationSource, 'AccessAssociationSource') ??
        unresolved('AccessAssociationSource is not set'),
    });
  }
}

/** AWS::ApiGatewayV2::RoutingRule → Domain.routingRules (one per InvokeApi action), Api.domainIds. */
export function mapRoutingRules(ctx: BuildContext, byName: Map<string, string>): void {
  for (const resource of ctx.ofType('AWS::ApiGatewayV2::RoutingRule')) {
    const props = ctx.props(resource);
    const domain = domainFor(ctx, props.DomainNameArn, byName);
    if (!domain) continue;
    const source = ctx.source(resource);
    const priority = ctx.v.num(props.Priority, 'Priority') ?? unresolved('Priority is not set');
    if (isUnresolved(props.Actions)) {
      domain.routingRules.push({ source, priority, apiId: props.Actions, stage: props.Actions });
      continue;
    }
    for (const action of asArray(props.Actions)) {
      const invoke = field(action, 'InvokeApi');
      const apiValue = field(invoke, 'ApiId');
      const apiKey = ctx.tokens.resourceKey(apiValue);
      const api = apiKey !== undefined ? ctx.apis.get(apiKey) : undefined;
      if (api && !api.domainIds.includes(domain.id)) api.domainIds.push(domain.id);
      const stageValue = field(invoke, 'Stage');
      const stageKey = ctx.tokens.refKey(stageValue);
      const stageModel = stageKey !== undefined ? ctx.stages.get(stageKey) : undefined;
      const stage: Value<string> =
        stageModel?.name ?? ctx.v.str(stageValue, 'InvokeApi.Stage') ?? unresolved('InvokeApi.Stage is not set');
      const rule: RoutingRule = {
        source,
        priority,
        apiId: api ? api.id : unresolved(`the routed API ${ctx.v.describe(apiValue)} is not in the template`),
        stage,
      };
      domain.routingRules.push(rule);
    }
  }
}
