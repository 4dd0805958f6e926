import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { CfnAccount } from 'aws-cdk-lib/aws-apigateway';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct, type IConstruct } from 'constructs';

const SINGLETON_ID = 'ApiGuardrailsAccountLogging';
const PUSH_TO_LOGS_POLICY = 'AmazonAPIGatewayPushToCloudWatchLogs';

/**
 * The account-level CloudWatch role API Gateway uses for execution (and REST/WebSocket access) logs.
 * One per stack, shared by every secure API in it, retained on stack deletion (other stacks and
 * APIs in the account rely on the setting). Stages depend on it so logging is set before they deploy.
 *
 * Use `ApiGatewayAccountLogging.of(scope)`; constructing it directly is not supported.
 */
export class ApiGatewayAccountLogging extends Construct {
  /** The singleton for the stack that contains `scope`, created on first use. */
  static of(scope: IConstruct): ApiGatewayAccountLogging {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(SINGLETON_ID);
    if (existing instanceof ApiGatewayAccountLogging) return existing;
    return new ApiGatewayAccountLogging(stack, SINGLETON_ID);
  }

  readonly role: Role;
  readonly account: CfnAccount;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.role = new Role(this, 'CloudWatchRole', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
      description: 'API Gateway account role: pushes execution and access logs to CloudWatch Logs (cdk-api-guardrails)',
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName(`service-role/${PUSH_TO_LOGS_POLICY}`)],
    });
    this.role.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.account = new CfnAccount(this, 'Account', { cloudWatchRoleArn: this.role.roleArn });
    this.account.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.account.node.addDependency(this.role);
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${PUSH_TO_LOGS_POLICY}]`,
      reason:
        'AmazonAPIGatewayPushToCloudWatchLogs is the AWS-documented policy for the API Gateway account role; ' +
        'API Gateway names the log groups itself, so a scoped inline policy would break logging.',
    });
  }

  /** Make `stage` deploy after the account logging setting. */
  bindStage(stage: IConstruct): void {
    stage.node.addDependency(this.account);
  }
}
