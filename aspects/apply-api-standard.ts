import { AspectPriority, Aspects } from 'aws-cdk-lib';
import type { IAspect } from 'aws-cdk-lib';
import { CfnRestApi, CfnStage as CfnRestStage } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage as CfnV2Stage } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IConstruct } from 'constructs';
import { SecureHttpApi } from '../lib/constructs/secure-http-api';
import { SecureRestApi } from '../lib/constructs/secure-rest-api';
import { SecureWebSocketApi } from '../lib/constructs/secure-websocket-api';
import { AspectNotices } from './notices';
import { remediateEndpoint, remediateSecurityPolicy } from './rest-api';
import { remediateRestStage } from './rest-stage';
import type { StageStandardProps } from './settings';
import { resolveStageStandard } from './settings';
import type { TagApisProps } from './tag-apis';
import { TagApis } from './tag-apis';
import { remediateV2Stage } from './v2-stage';

export interface ApplyApiStandardProps extends StageStandardProps {
  /**
   * ARN of the organisation's REGIONAL web ACL (e.g. `OrgWebAcl.webAclArn`), associated with every REST
   * stage that has no association yet.
   * @default - no association is added; the stage-waf rule keeps failing until one exists
   */
  readonly webAclArn?: string;
  /**
   * Owner and data classification written as tags on every API that lacks them.
   * @default - no tags are added; the required-tags rule reports missing ones
   */
  readonly tags?: TagApisProps;
}

/**
 * Brings APIs built with plain aws-cdk-lib L2s (RestApi, HttpApi, WebSocketApi) up to the standard:
 * JSON access logs to a log group with finite retention, stage throttling, X-Ray, execution logging with
 * data trace off, the organisation web ACL and the required tags. It never weakens a stricter setting, is
 * idempotent, and records every change in the resource's metadata so reports show what was fixed.
 *
 * Use `ApplyApiStandard.to(scope, props)`: it registers the aspect with mutating priority, so it runs
 * before read-only validation. Resources inside a SecureRestApi, SecureHttpApi or SecureWebSocketApi are left
 * alone: those constructs already meet their own tier, and their `relax` choices stand.
 */
export class ApplyApiStandard implements IAspect {
  /** Register the aspect on `scope` with `AspectPriority.MUTATING`. */
  static to(scope: IConstruct, props: ApplyApiStandardProps = {}): ApplyApiStandard {
    const aspect = new ApplyApiStandard(props);
    Aspects.of(scope).add(aspect, { priority: AspectPriority.MUTATING });
    return aspect;
  }

  private readonly standard;
  private readonly tagger?: TagApis;
  private readonly notices: AspectNotices;

  constructor(private readonly props: ApplyApiStandardProps = {}) {
    this.standard = resolveStageStandard({
      ...props,
      dataClassification: props.dataClassification ?? props.tags?.dataClassification,
    });
    this.tagger = props.tags ? new TagApis(props.tags) : undefined;
    this.notices = new AspectNotices(props, this.standard.tier);
  }

  visit(node: IConstruct): void {
    if (insideSecureApi(node)) return;
    if (node instanceof CfnRestStage) {
      remediateRestStage(node, this.standard, this.props.webAclArn);
      this.notices.restStage(node);
    } else if (node instanceof CfnV2Stage) {
      remediateV2Stage(node, this.standard);
      this.notices.v2Stage(node);
    } else if (node instanceof CfnRestApi) {
      remediateEndpoint(node, this.standard.tier);
      remediateSecurityPolicy(node, this.standard.tier);
    }
    this.tagger?.visit(node);
  }
}

function insideSecureApi(node: IConstruct): boolean {
  return node.node.scopes.some(
    (scope) => scope instanceof SecureRestApi || scope instanceof SecureHttpApi || scope instanceof SecureWebSocketApi,
  );
}
