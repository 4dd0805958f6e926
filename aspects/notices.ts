import { Annotations, Stack, Token } from 'aws-cdk-lib';
import type { CfnStage as CfnRestStage } from 'aws-cdk-lib/aws-apigateway';
import type { CfnStage as CfnV2Stage } from 'aws-cdk-lib/aws-apigatewayv2';
import { standardOptions } from '../lib/constructs/standard-bounds';
import type { ApplyApiStandardProps } from './apply-api-standard';
import { refTarget, stackIndex } from './stack-index';

/** Warning ids of what the aspect cannot fix, each added once per aspect and stack. */
export const ASPECT_NOTICE = {
  noWebAcl: 'cdk-api-guardrails:aspect-no-web-acl',
  externalWebAcl: 'cdk-api-guardrails:aspect-external-web-acl',
  httpApiWaf: 'cdk-api-guardrails:aspect-http-api-waf',
  noTags: 'cdk-api-guardrails:aspect-no-tags',
} as const;

/**
 * What ApplyApiStandard cannot fix, said once per stack as a CDK warning naming the prop to set (the
 * rules still report the findings; the warning tells where the way out is).
 */
export class AspectNotices {
  private readonly said = new Set<string>();

  constructor(
    private readonly props: ApplyApiStandardProps,
    private readonly tier: string,
  ) {}

  restStage(stage: CfnRestStage): void {
    const arn = this.props.webAclArn;
    if (!arn) {
      this.once(
        stage,
        ASPECT_NOTICE.noWebAcl,
        'ApplyApiStandard was given no webAclArn: REST stages without a web ACL keep failing stage-waf. Pass webAclArn: orgWebAcl.webAclArn (an OrgWebAcl in this app).',
      );
    } else if (!Token.isUnresolved(arn)) {
      this.once(
        stage,
        ASPECT_NOTICE.externalWebAcl,
        `ApplyApiStandard associates the external web ACL ${arn}, whose rules and logging are not in this app: waf-rules and waf-logging are reported unknown (blocking). Pass webAclArn of an OrgWebAcl or CfnWebACL defined in the app so they can be checked, or acknowledge both with acknowledgeRisk naming who manages the web ACL.`,
      );
    }
    this.noTags(stage);
  }

  v2Stage(stage: CfnV2Stage): void {
    const apiId = refTarget(Stack.of(stage), stage.apiId);
    const protocol = apiId ? stackIndex(stage).v2Protocols.get(apiId) : undefined;
    if (protocol === 'HTTP' && standardOptions<{ requireWaf: boolean }>('http-api-waf', this.tier).requireWaf) {
      this.once(
        stage,
        ASPECT_NOTICE.httpApiWaf,
        `Tier ${this.tier} requires a WAF and an HTTP API cannot attach one: http-api-waf keeps failing. Front the API with CloudFront + the org web ACL and acknowledge http-api-waf with the reason (ApiGuardrails::http-api-waf for the plugin, ApiGuardrails-http-api-waf for the cdk-nag pack), or move it to a REST API (SecureRestApi).`,
      );
    }
    this.noTags(stage);
  }

  private noTags(stage: CfnRestStage | CfnV2Stage): void {
    if (this.props.tags) return;
    this.once(
      stage,
      ASPECT_NOTICE.noTags,
      "ApplyApiStandard was given no tags: APIs without owner and data-classification tags fail required-tags and are judged as restricted. Pass tags: { owner: 'team', dataClassification: 'internal' }.",
    );
  }

  private once(stage: CfnRestStage | CfnV2Stage, id: string, message: string): void {
    const stack = Stack.of(stage);
    const key = `${stack.node.path}\u0000${id}`;
    if (this.said.has(key)) return;
    this.said.add(key);
    Annotations.of(stack).addWarningV2(id, message);
  }
}
