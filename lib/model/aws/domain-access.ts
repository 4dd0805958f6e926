import type { DomainNameAccessAssociation } from '@aws-sdk/client-api-gateway';
import type { RoutingRule as V2RoutingRule } from '@aws-sdk/client-apigatewayv2';
import type { Source } from '../source';
import type { AccessAssociation, DomainCertificate, RoutingRule } from '../types';
import { unresolved, type Value } from '../value';
import { apigatewayArn } from './arn';
import type { MappingContext } from './shared';
import type { Fetched } from './snapshot';

/** The audit does not call ACM, so who issued a domain's certificate is not known. */
export function auditedCertificate(arn: string | undefined): DomainCertificate | undefined {
  if (!arn) return undefined;
  return {
    arn,
    issuer: unresolved(`the audit does not read ACM, so whether certificate ${arn} is imported is unknown`),
  };
}

/** Access associations of one domain; a failed call becomes one association whose fields are unresolved. */
export function auditedAssociations(
  result: Fetched<DomainNameAccessAssociation[]>,
  domainSource: Source,
): AccessAssociation[] {
  if (!result.ok) {
    const why = unresolved(
      `access associations (GetDomainNameAccessAssociations) could not be read: ${result.because}`,
    );
    return [{ source: domainSource, sourceType: why, sourceId: why }];
  }
  return result.value.map((a) => ({
    source: {
      arn: a.domainNameAccessAssociationArn ?? domainSource.arn ?? '',
      resourceType: 'AWS::ApiGateway::DomainNameAccessAssociation',
    },
    sourceType: a.accessAssociationSourceType ?? unresolved('the association has no source type'),
    sourceId: a.accessAssociationSource ?? unresolved('the association has no source'),
  }));
}

/** Routing rules of one domain (one per InvokeApi action); a failed call becomes one unresolved rule. */
export function auditedRoutingRules(
  result: Fetched<V2RoutingRule[]>,
  name: string,
  apiRef: (id: string | undefined) => Value<string>,
  ctx: MappingContext,
): RoutingRule[] {
  if (!result.ok) {
    const why = unresolved(`routing rules (ListRoutingRules) could not be read: ${result.because}`);
    const source = { arn: apigatewayArn(ctx.region, `/domainnames/${name}/routingrules`) };
    return [
      { source: { ...source, resourceType: 'AWS::ApiGatewayV2::RoutingRule' }, priority: why, apiId: why, stage: why },
    ];
  }
  return result.value.flatMap((rule) =>
    (rule.Actions ?? []).map((action) => ({
      source: {
        arn:
          rule.RoutingRuleArn ?? apigatewayArn(ctx.region, `/domainnames/${name}/routingrules/${rule.RoutingRuleId}`),
        resourceType: 'AWS::ApiGatewayV2::RoutingRule',
      },
      priority: rule.Priority ?? unresolved('the rule has no priority'),
      apiId: apiRef(action.InvokeApi?.ApiId),
      stage: action.InvokeApi?.Stage ?? unresolved('the rule names no stage'),
    })),
  );
}
