import { defineRule } from '../../lib/engine/rule';
import { isKnown, isUnresolved } from '../../lib/model/value';

interface Options {
  /** Endpoint types whose stages must have a WAFv2 web ACL (PRIVATE can be added for strict tiers). */
  readonly endpointTypes: string[];
}

export default defineRule<'stage', Options>({
  id: 'stage-waf',
  title: 'Internet-facing REST stages are protected by an AWS WAF web ACL',
  rationale:
    'A WAFv2 web ACL filters common exploits (injection, bad inputs, known-bad IPs) and rate-limits abusive clients before ' +
    'they reach the integration. Throttling alone does not inspect requests.',
  fix: {
    cdk:
      'SecureRestApi associates a web ACL by default (its own OrgWebAcl or your `webAcl`, or none acknowledged ' +
      'with `relax.noWaf`); on a plain RestApi add `new wafv2.CfnWebACLAssociation(this, "Waf", { resourceArn: ' +
      'api.deploymentStage.stageArn, webAclArn: acl.attrArn })`.',
    cloudFormation:
      'an AWS::WAFv2::WebACLAssociation whose ResourceArn is the stage ARN ' +
      '`arn:aws:apigateway:<region>::/restapis/<api-id>/stages/<stage>` and whose WebACLArn is a REGIONAL ' +
      'web ACL.',
    sam:
      'An AWS::WAFv2::WebACLAssociation whose ResourceArn names the stage SAM creates: `!Sub ' +
      '"arn:aws:apigateway:${AWS::Region}::/restapis/${MyApi}/stages/${MyApi.Stage}"`.',
  },
  severity: 'error',
  owasp: ['API4:2023', 'API8:2023'],
  controls: { nist80053: ['AC-4(21)', 'SC-7', 'SI-4'], pciDss4: ['6.4.2'] },
  references: {
    securityHub: 'APIGateway.4',
    awsConfig: 'api-gw-associated-with-waf',
    cdkNag: 'AwsSolutions-APIG3',
    checkov: 'CKV2_AWS_29',
    kics: 'API Gateway without WAF',
    prowler: 'apigateway_restapi_waf_acl_attached',
  },
  appliesTo: { subject: 'stage', apiKinds: ['rest'] },
  options: {
    schema: {
      type: 'object',
      properties: {
        endpointTypes: { type: 'array', items: { enum: ['EDGE', 'REGIONAL', 'PRIVATE'] }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaults: { endpointTypes: ['EDGE', 'REGIONAL'] },
  },
  check(stage, ctx) {
    // WAFv2 attaches to REST API stages only (appliesTo); HTTP and WebSocket APIs are covered by http-api-waf.
    if (!ctx.api) return ctx.skip();
    const waf = stage.waf;
    if (waf && !isUnresolved(waf.webAcl)) {
      // Protected: the endpoint type does not matter any more (it may even be unknown).
      const acl = waf.webAcl;
      if (!isUnresolved(acl.scope) && acl.scope.toUpperCase() === 'CLOUDFRONT') {
        ctx.fail(
          `The associated web ACL ${isKnown(acl.name) ? acl.name : acl.id} has scope CLOUDFRONT; a REST stage needs a REGIONAL web ACL.`,
          {
            source: waf.source,
          },
        );
      }
      return;
    }
    const types = ctx.need(ctx.api.endpointTypes, 'the API endpoint type').map((t) => t.toUpperCase());
    const inScope = types.filter((t) => ctx.options.endpointTypes.includes(t));
    if (inScope.length === 0) return ctx.skip();
    if (!waf) {
      return ctx.fail(
        `${inScope.join('/')} stage has no AWS WAF web ACL association: requests reach the integration uninspected.`,
      );
    }
    // An association exists but its web ACL (or the association itself, under a Condition) cannot be known.
    const because = isUnresolved(waf.webAcl) ? waf.webAcl.because : 'unknown reason';
    ctx.unknown(`A WAF association targets this stage, but its web ACL is unresolved (${because}).`, {
      source: waf.source,
    });
  },
});
