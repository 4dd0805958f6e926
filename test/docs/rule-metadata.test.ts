import { renderRulePage } from '../../policies/docs/rule-page';
import { renderRuleTable } from '../../policies/docs/rule-table';
import type { AnyRule, RuleReferences } from '../../lib/engine/rule';
import { allRules } from '../../policies/rules';

/** The shape of one id in each peer's own catalogue: one id per field, nothing appended. */
const ID_FORMAT: Record<keyof RuleReferences, RegExp> = {
  securityHub: /^(APIGateway|Cognito|CloudFront|WAF)\.\d+$/,
  awsConfig: /^[a-z0-9]+(-[a-z0-9]+)+$/,
  controlTower: /^CT\.APIGATEWAY\.PR\.\d+$/,
  cdkNag: /^(AwsSolutions|NIST\.800\.53\.R5|PCI\.DSS\.321|HIPAA\.Security|Serverless)-[A-Za-z0-9]+$/,
  checkov: /^CKV2?_AWS_\d+$/,
  cfnNag: /^[WF]\d+$/,
  kics: /^[A-Z][A-Za-z0-9 -]+$/,
  prowler: /^apigateway(v2)?_[a-z0-9_]+$/,
};

/** Fields of a references block that are not one id in their peer's format (comma lists, notes, typos). */
function referenceProblems(references: RuleReferences): string[] {
  return Object.entries(references)
    .filter(([peer, id]) => {
      const format = ID_FORMAT[peer as keyof RuleReferences] as RegExp | undefined;
      return format === undefined || typeof id !== 'string' || !format.test(id);
    })
    .map(([peer, id]) => `${peer}: ${String(id)}`);
}

/** Rules a construct prop or `relax` key satisfies or acknowledges, with the text their CDK fix must name. */
const CONSTRUCT_WAY: Record<string, RegExp> = {
  'access-log-format': /SecureRestApi/,
  'access-log-retention': /accessLogs: \{ retention/,
  'account-logging-role': /accountCloudWatchRole/,
  'api-key-not-sole-auth': /SecureRestApi/,
  'authorizer-quality': /`authorization` factories/,
  'cors-origins': /cors: \{ allowOrigins/,
  'data-trace': /relax\.dataTraceOn/,
  'default-endpoint': /SecureApiDomain\.mapRestApi/,
  'detailed-metrics': /SecureRestApi/,
  'domain-mtls': /mutualTls/,
  'domain-tls': /SecureApiDomain/,
  'endpoint-type': /endpointType: EndpointType\.PRIVATE` with `vpcEndpoints/,
  'execution-logging': /relax\.executionLoggingOff/,
  'gateway-responses': /SecureRestApi/,
  'http-api-waf': /relax: \{ noWaf/,
  'request-validation': /SecureRestApi/,
  'required-tags': /`owner` and `dataClassification`/,
  'resource-policy': /vpcEndpoints/,
  'rest-method-authorization': /SecureRestApi applies its `authorization`/,
  'stage-access-logging': /relax\.accessLoggingOff/,
  'stage-description': /stageDescription/,
  'stage-throttling': /relax\.throttlingOff/,
  'stage-waf': /relax\.noWaf/,
  tracing: /relax\.tracingOff/,
  'v2-route-authorization': /SecureHttpApi and SecureWebSocketApi apply their `authorization`/,
  'waf-logging': /OrgWebAcl/,
  'waf-rules': /OrgWebAcl/,
};

/** Whether a CDK fix names the construct's way (`way`) before the plain aws-cdk-lib one (after the first ';'). */
function namesConstructWayFirst(cdk: string, way: RegExp): boolean {
  return way.test(cdk.split(';')[0]);
}

const rule = (id: string): AnyRule => allRules.find((r) => r.id === id) as AnyRule;
const emptyTable = { valid: [], invalid: [] };

describe('peer references in rule metadata', () => {
  it.each(allRules.map((r) => [r.id, r] as const))('rule %s lists one id per field, in its peer’s format', (_id, r) => {
    expect(referenceProblems(r.references)).toEqual([]);
  });

  it('fails a comma list, an appended note and an id in the wrong catalogue', () => {
    expect(
      referenceProblems({
        checkov: 'CKV_AWS_76, CKV_AWS_95',
        cfnNag: 'W69',
        awsConfig: 'API_GW_XRAY_ENABLED',
        prowler: 'apigateway_restapi_tracing_enabled',
      }),
    ).toEqual(['checkov: CKV_AWS_76, CKV_AWS_95', 'awsConfig: API_GW_XRAY_ENABLED']);
    expect(referenceProblems({ checkov: 'CKV2_AWS_77 (Terraform, Log4j rule group only)' })).toHaveLength(1);
  });

  it('gives the AWS Config managed rule where one checks the same control', () => {
    const config = Object.fromEntries(
      allRules.filter((r) => r.references.awsConfig).map((r) => [r.id, r.references.awsConfig]),
    );
    expect(config).toMatchObject({
      'execution-logging': 'api-gw-execution-logging-enabled',
      'stage-waf': 'api-gw-associated-with-waf',
      'cache-encryption': 'api-gw-cache-enabled-and-encrypted',
      'endpoint-type': 'api-gw-endpoint-type-check',
      'backend-certificate': 'api-gw-ssl-enabled',
      tracing: 'api-gw-xray-enabled',
      'stage-access-logging': 'api-gwv2-access-logs-enabled',
      'v2-route-authorization': 'api-gwv2-authorization-type-configured',
    });
    // A Config rule id is not a Security Hub control id.
    expect(rule('endpoint-type').references.securityHub).toBeUndefined();
  });
});

describe('fix texts name the construct’s way out first', () => {
  it.each(Object.entries(CONSTRUCT_WAY))(
    'rule %s starts its CDK fix with the construct prop or relax key',
    (id, way) => {
      expect(namesConstructWayFirst(rule(id).fix.cdk, way)).toBe(true);
    },
  );

  it('fails a fix that names only the plain aws-cdk-lib way, or names the construct after it', () => {
    expect(namesConstructWayFirst('`deployOptions: { tracingEnabled: true }`.', /relax\.tracingOff/)).toBe(false);
    expect(
      namesConstructWayFirst(
        '`deployOptions: { tracingEnabled: true }`; or SecureRestApi (`relax.tracingOff`).',
        /relax/,
      ),
    ).toBe(false);
  });
});

describe('rule docs pages and the README table show the control mappings and AWS Config', () => {
  it('shows NIST SP 800-53 r5 and PCI DSS v4.0 controls and the AWS Config rule on the page', () => {
    const page = renderRulePage(rule('stage-waf'), emptyTable);
    expect(page).toContain('- AWS Config: api-gw-associated-with-waf');
    expect(page).toContain('- NIST SP 800-53 rev. 5: AC-4(21), SC-7, SI-4');
    expect(page).toContain('- PCI DSS v4.0: 6.4.2');
  });

  it('says "none" for a framework without controls, and for a custom rule without mappings', () => {
    expect(renderRulePage(rule('tracing'), emptyTable)).toContain('- PCI DSS v4.0: none');
    const custom = { ...rule('tracing'), controls: undefined, references: {} } as AnyRule;
    const page = renderRulePage(custom, emptyTable);
    expect(page).toContain('- NIST SP 800-53 rev. 5: none');
    expect(page).toContain('No peer scanner has this control.');
    expect(page).not.toContain('AWS Config:');
  });

  it('leaves peer ids to the rule page: the README row links the page and names no peer', () => {
    const row = renderRuleTable([rule('tracing')])
      .split('\n')
      .find((l) => l.includes('[`tracing`]'));
    expect(row).toContain('(docs/rules/tracing.md)');
    expect(row).not.toContain('APIGateway.3');
    expect(renderRulePage(rule('tracing'), emptyTable)).toContain('APIGateway.3');
  });
});
