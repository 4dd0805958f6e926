/** ARN helpers for the AWS mapping: building API Gateway ARNs and reading log group / web ACL ARNs. */

export function apigatewayArn(region: string, path: string): string {
  return `arn:aws:apigateway:${region}::${path}`;
}

export interface LogGroupRef {
  readonly region: string;
  readonly accountId: string;
  readonly name: string;
}

/**
 * The log group named by an access-log destination ARN
 * (`arn:aws:logs:eu-west-1:123456789012:log-group:name[:*]`), or undefined for other destinations
 * (Kinesis Data Firehose).
 */
export function parseLogGroupArn(arn: string): LogGroupRef | undefined {
  const match = /^arn:aws[a-z-]*:logs:([^:]*):([^:]*):log-group:(.+?)(?::\*)?$/.exec(arn);
  if (!match) return undefined;
  return { region: match[1], accountId: match[2], name: match[3] };
}

export interface WebAclRef {
  /** REGIONAL or CLOUDFRONT. */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  readonly region: string;
  readonly name: string;
  readonly id: string;
}

/** A WAFv2 web ACL ARN (`arn:aws:wafv2:eu-west-1:123:regional/webacl/name/id`), or undefined (e.g. WAF Classic). */
export function parseWebAclArn(arn: string): WebAclRef | undefined {
  const match = /^arn:aws[a-z-]*:wafv2:([^:]*):[^:]*:(regional|global)\/webacl\/([^/]+)\/([^/]+)$/.exec(arn);
  if (!match) return undefined;
  return { region: match[1], scope: match[2] === 'global' ? 'CLOUDFRONT' : 'REGIONAL', name: match[3], id: match[4] };
}

/** The account id inside an ARN, if any. */
export function accountOfArn(arn: string | undefined): string | undefined {
  const parts = arn?.split(':');
  return parts && parts.length > 5 && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}
