import { ArnFormat, Names, Stack, Tags } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { GuardrailsConstructError } from './errors';
import { GUARDRAIL_DEFAULTS, OWNER_TAG_KEY } from './guardrail-defaults';
import { type ManagedRuleGroup, orgWebAclRules, resolveOrgWebAclSettings } from './org-web-acl-defaults';

/** Anything that names a regional web ACL: an `OrgWebAcl`, or `{ webAclArn }` for one defined elsewhere. */
export interface IWebAclRef {
  readonly webAclArn: string;
}

export interface OrgWebAclProps {
  /**
   * Web ACL name (also used in metric names).
   * @default - generated from the construct path
   */
  readonly name?: string;
  /**
   * Managed rule groups, in evaluation order.
   * @default DEFAULT_MANAGED_RULE_GROUPS (IP reputation, common, known bad inputs, SQLi)
   */
  readonly managedRuleGroups?: ManagedRuleGroup[];
  /**
   * Requests one client IP may make per 5-minute window before it is blocked.
   * @default 1000 (GUARDRAIL_DEFAULTS.wafRateLimitPer5Min)
   */
  readonly rateLimitPer5Min?: number;
  /**
   * Headers redacted from WAF logs in addition to `authorization` and `cookie` (always redacted).
   * @default - none
   */
  readonly additionalRedactedHeaders?: string[];
  /**
   * Retention of the `aws-waf-logs-*` log group; must be finite.
   * @default RetentionDays.ONE_YEAR
   */
  readonly logRetention?: RetentionDays;
  /**
   * Customer-managed KMS key for the WAF log group.
   * @default - CloudWatch Logs service key
   */
  readonly logEncryptionKey?: IKey;
  /**
   * Owning team, written as the `owner` tag.
   * @default - no owner tag on the web ACL (an API that creates its own ACL tags it)
   */
  readonly owner?: string;
}

/**
 * An organisation's REGIONAL WAFv2 web ACL for API Gateway: managed rule groups in cost-aware order,
 * a per-IP rate-based rule, and logging to an `aws-waf-logs-*` log group that redacts `authorization`
 * and `cookie`. Create one per stack (or account) and pass it to every `SecureRestApi`.
 */
export class OrgWebAcl extends Construct implements IWebAclRef {
  readonly webAcl: CfnWebACL;
  readonly webAclArn: string;
  readonly logGroup: LogGroup;
  readonly loggingConfiguration: CfnLoggingConfiguration;

  constructor(scope: Construct, id: string, props: OrgWebAclProps = {}) {
    super(scope, id);
    const settings = resolveOrgWebAclSettings(props);
    if (props.logRetention === RetentionDays.INFINITE) {
      throw new GuardrailsConstructError(
        'E_LOG_RETENTION',
        'WAF logs need a finite retention.',
        'RetentionDays.INFINITE',
        'Choose a finite RetentionDays (default ONE_YEAR).',
      );
    }
    const name = props.name ?? Names.uniqueResourceName(this, { maxLength: 100, separator: '-' });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      description: 'Organisation web ACL for API Gateway - cdk-api-guardrails',
      rules: orgWebAclRules(settings),
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        sampledRequestsEnabled: true,
        metricName: name.replace(/[^\w-]/g, ''),
      },
    });
    this.webAclArn = this.webAcl.attrArn;
    this.logGroup = new LogGroup(this, 'Logs', {
      // WAF only delivers to log groups whose name starts with aws-waf-logs-.
      logGroupName: `aws-waf-logs-${Names.uniqueResourceName(this, { maxLength: 400, separator: '-' })}`,
      retention: props.logRetention ?? GUARDRAIL_DEFAULTS.wafLogRetention,
      encryptionKey: props.logEncryptionKey,
      removalPolicy: GUARDRAIL_DEFAULTS.logRemovalPolicy,
    });
    // WAF wants the log group ARN without the trailing ':*' that LogGroup.logGroupArn carries.
    const destination = Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: this.logGroup.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.loggingConfiguration = new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [destination],
      redactedFields: settings.redactedHeaders.map((header) => ({ singleHeader: { Name: header } })),
    });
    if (props.owner) Tags.of(this).add(OWNER_TAG_KEY, props.owner);
  }

  /** Associate this web ACL with a REST API stage (by its stage ARN). */
  associate(scope: Construct, id: string, stageArn: string): CfnWebACLAssociation {
    return new CfnWebACLAssociation(scope, id, { resourceArn: stageArn, webAclArn: this.webAclArn });
  }
}
