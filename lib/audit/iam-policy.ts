/**
 * The least-privilege, read-only IAM policy the audit needs, generated from the one table of calls the
 * collector makes. A test records every request the audit sends and checks it against this policy.
 */

export type AuditService = 'apigateway' | 'apigatewayv2' | 'wafv2' | 'logs' | 'cognito' | 'cloudfront';

export interface AuditCall {
  readonly service: AuditService;
  /** SDK operation name. */
  readonly operation: string;
  /** IAM action it is authorized by. */
  readonly action: string;
  /** IAM resource pattern (placeholders ${Region}, ${Account}). For API Gateway, the v1/v2 path without /v2. */
  readonly resource: string;
}

const apigw = (service: 'apigateway' | 'apigatewayv2', operation: string, path: string): AuditCall => ({
  service,
  operation,
  action: 'apigateway:GET',
  resource: `arn:\${Partition}:apigateway:\${Region}::${path}`,
});

/** Every call the audit sends. API keys (/apikeys), exports and SDK generation are deliberately absent. */
export const AUDIT_CALLS: readonly AuditCall[] = [
  apigw('apigateway', 'GetRestApis', '/restapis'),
  apigw('apigateway', 'GetStages', '/restapis/*/stages'),
  apigw('apigateway', 'GetResources', '/restapis/*/resources'),
  apigw('apigateway', 'GetAuthorizers', '/restapis/*/authorizers'),
  apigw('apigateway', 'GetRequestValidators', '/restapis/*/requestvalidators'),
  apigw('apigateway', 'GetModels', '/restapis/*/models'),
  apigw('apigateway', 'GetGatewayResponses', '/restapis/*/gatewayresponses'),
  apigw('apigateway', 'GetUsagePlans', '/usageplans'),
  apigw('apigateway', 'GetDomainNames', '/domainnames'),
  apigw('apigateway', 'GetBasePathMappings', '/domainnames/*/basepathmappings'),
  apigw('apigateway', 'GetDomainNameAccessAssociations', '/domainnameaccessassociations'),
  apigw('apigateway', 'GetAccount', '/account'),
  apigw('apigatewayv2', 'GetApis', '/apis'),
  apigw('apigatewayv2', 'GetStages', '/apis/*/stages'),
  apigw('apigatewayv2', 'GetRoutes', '/apis/*/routes'),
  apigw('apigatewayv2', 'GetAuthorizers', '/apis/*/authorizers'),
  apigw('apigatewayv2', 'GetIntegrations', '/apis/*/integrations'),
  apigw('apigatewayv2', 'GetDomainNames', '/domainnames'),
  apigw('apigatewayv2', 'GetApiMappings', '/domainnames/*/apimappings'),
  apigw('apigatewayv2', 'ListRoutingRules', '/domainnames/*/routingrules'),
  apigw('apigatewayv2', 'ListPortals', '/portals'),
  apigw('apigatewayv2', 'ListPortalProducts', '/portalproducts'),
  apigw('apigatewayv2', 'ListProductRestEndpointPages', '/portalproducts/*/productrestendpointpages'),
  {
    service: 'wafv2',
    operation: 'GetWebACL',
    action: 'wafv2:GetWebACL',
    resource: 'arn:${Partition}:wafv2:${Region}:${Account}:regional/webacl/*/*',
  },
  {
    service: 'wafv2',
    operation: 'GetLoggingConfiguration',
    action: 'wafv2:GetLoggingConfiguration',
    resource: 'arn:${Partition}:wafv2:${Region}:${Account}:regional/webacl/*/*',
  },
  {
    service: 'wafv2',
    operation: 'GetIPSet',
    action: 'wafv2:GetIPSet',
    resource: 'arn:${Partition}:wafv2:${Region}:${Account}:regional/ipset/*/*',
  },
  {
    service: 'logs',
    operation: 'DescribeLogGroups',
    action: 'logs:DescribeLogGroups',
    resource: 'arn:${Partition}:logs:${Region}:${Account}:log-group:*',
  },
  {
    service: 'cognito',
    operation: 'DescribeUserPool',
    action: 'cognito-idp:DescribeUserPool',
    resource: 'arn:${Partition}:cognito-idp:${Region}:${Account}:userpool/*',
  },
  {
    service: 'cognito',
    operation: 'GetUserPoolMfaConfig',
    action: 'cognito-idp:GetUserPoolMfaConfig',
    resource: 'arn:${Partition}:cognito-idp:${Region}:${Account}:userpool/*',
  },
  // ListDistributions has no resource-level permission: IAM only accepts "*" for it.
  { service: 'cloudfront', operation: 'ListDistributions', action: 'cloudfront:ListDistributions', resource: '*' },
];

export interface IamPolicyOptions {
  /** Region the policy is limited to. @default '*' */
  readonly region?: string;
  /** Account the policy is limited to (WAF, Logs and Cognito ARNs). @default '*' */
  readonly accountId?: string;
  /** @default 'aws' */
  readonly partition?: string;
}

export interface IamStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string[];
  readonly Resource: string[];
}

export interface IamPolicy {
  readonly Version: '2012-10-17';
  readonly Statement: IamStatement[];
}

export class IamPolicyOptionError extends Error {
  readonly code = 'E_IAM_POLICY_OPTION';
  readonly what: string;
  constructor(
    option: string,
    received: string,
    readonly fix: string,
  ) {
    super(`E_IAM_POLICY_OPTION: ${option} "${received}" is not valid. ${fix}`);
    this.what = `${option} "${received}" is not valid`;
  }
}

/** One statement per service, actions and resources sorted, placeholders filled in. */
export function auditIamPolicy(options: IamPolicyOptions = {}): IamPolicy {
  const region = options.region ?? '*';
  const account = options.accountId ?? '*';
  const partition = options.partition ?? 'aws';
  if (!/^(\*|[a-z]{2}(-[a-z]+)+-\d)$/.test(region))
    throw new IamPolicyOptionError('region', region, 'Pass a region such as eu-west-1, or omit it for all regions');
  if (!/^(\*|\d{12})$/.test(account))
    throw new IamPolicyOptionError('account id', account, 'Pass the 12-digit account id, or omit it');
  const fill = (text: string): string =>
    text
      .replace(/\$\{Region\}/g, region)
      .replace(/\$\{Account\}/g, account)
      .replace(/\$\{Partition\}/g, partition);
  const groups: { sid: string; prefix: string }[] = [
    { sid: 'ReadApiGatewayConfiguration', prefix: 'apigateway:' },
    { sid: 'ReadWebAclsOfStages', prefix: 'wafv2:' },
    { sid: 'ReadAccessLogGroups', prefix: 'logs:' },
    { sid: 'ReadUserPoolsOfAuthorizers', prefix: 'cognito-idp:' },
    { sid: 'ListCloudFrontDistributions', prefix: 'cloudfront:' },
  ];
  return {
    Version: '2012-10-17',
    Statement: groups.map(({ sid, prefix }) => {
      const calls = AUDIT_CALLS.filter((c) => c.action.startsWith(prefix));
      return {
        Sid: sid,
        Effect: 'Allow',
        Action: [...new Set(calls.map((c) => c.action))].sort(),
        Resource: [...new Set(calls.map((c) => fill(c.resource)))].sort(),
      };
    }),
  };
}
