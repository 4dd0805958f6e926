import { Duration, Stack } from 'aws-cdk-lib';
import { CfnLambdaHook } from 'aws-cdk-lib/aws-cloudformation';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FailOn } from '../engine/finding';
import type { Standard } from '../standard';
import { GUARDED_TYPE_PATTERNS } from '../hook/contract';
import { HOOK_CONFIG_FILE, type HookConfig } from '../hook/lambda';
import { defaultStandard, loadStandard } from '../standard';
import { assetWithConfig } from './guardrails-hook-bundle';
import { OrgGuardrailsError } from './guardrails-hook-errors';

/** What CloudFormation does with a FAILED answer: block the operation, or warn and carry on. */
export enum HookFailureMode {
  /** Warn and let the operation proceed: for rolling a standard out. */
  WARN = 'WARN',
  /** Stop the stack operation. */
  FAIL = 'FAIL',
}

export interface GuardrailsHookProps {
  /**
   * The organisation's standard: a .json/.yaml/.yml file path or a Standard object, validated and
   * bundled with the function at synth.
   * @default - the shipped standard
   */
  readonly standard?: string | Standard;
  /** @default HookFailureMode.WARN (roll out first, then switch to FAIL) */
  readonly failureMode?: HookFailureMode;
  /** Lowest severity that makes the hook answer FAILED, as `check --fail-on`. @default 'error' */
  readonly failOn?: Exclude<FailOn, 'never'>;
  /** Hook type alias, unique per account and region, three parts, not starting with AWS. @default 'Private::ApiGuardrails::Hook' */
  readonly alias?: string;
  /**
   * Also evaluate single API Gateway / WAF resources (RESOURCE target) and Cloud Control API operations.
   * A lone resource cannot show its links (stage → web ACL, access log → log group), so most rules answer
   * unknown there; stack and change-set targets see the whole template.
   * @default false
   */
  readonly resourceTargets?: boolean;
  /** Stacks the hook runs for (by name or role). @default - every stack */
  readonly stackFilters?: CfnLambdaHook.StackFiltersProperty;
  /** @default true */
  readonly enabled?: boolean;
  /** @default logs.RetentionDays.ONE_YEAR */
  readonly logRetention?: logs.RetentionDays;
  /** Directory holding a bundled handler's index.js instead of the one this package ships (tests). @default - the shipped bundle */
  readonly bundleDirectory?: string;
  /**
   * The function's code, already holding the bundled handler and its hook-config.json (GuardrailsHookStackSet
   * points member accounts at the organisation's asset bucket this way).
   * @default - an asset of the shipped bundle with `standard` and `failOn`
   */
  readonly code?: lambda.Code;
}

/** The configuration the hook function reads: the standard validated now, at synth. */
export function hookConfig(props: Pick<GuardrailsHookProps, 'standard' | 'failOn'>): HookConfig {
  const standard = props.standard === undefined ? defaultStandard() : loadStandard(props.standard);
  return { standard, failOn: props.failOn ?? 'error' };
}

/** A directory with the bundled hook handler and its configuration, ready to be a Lambda asset. */
export function hookAssetDirectory(config: HookConfig, bundleDirectory?: string): string {
  return assetWithConfig('guardrails-hook', HOOK_CONFIG_FILE, config, bundleDirectory);
}

const ALIAS = /^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$/;

/**
 * A CloudFormation Lambda hook that evaluates every stack and change set deployed in the account and
 * region against the organisation's standard, with the same rules and verdicts as `api-guardrails check`,
 * whatever made the template (CDK in any language, SAM, plain CloudFormation).
 */
export class GuardrailsHook extends Construct {
  readonly function: lambda.Function;
  readonly hook: CfnLambdaHook;
  /** The role CloudFormation assumes to invoke the function (and nothing else). */
  readonly executionRole: iam.Role;

  constructor(scope: Construct, id: string, props: GuardrailsHookProps = {}) {
    super(scope, id);
    const alias = props.alias ?? 'Private::ApiGuardrails::Hook';
    const aliasIsLiteral = !alias.includes('${Token');
    if (aliasIsLiteral && (!ALIAS.test(alias) || /^aws/i.test(alias))) {
      throw new OrgGuardrailsError(
        'E_HOOK_ALIAS',
        'The hook alias must have three parts of 2-64 letters or digits and must not begin with AWS.',
        JSON.stringify(alias),
        "Use an alias like 'Private::ApiGuardrails::Hook' or 'Acme::Api::Guardrails'",
      );
    }
    const failureMode = props.failureMode ?? HookFailureMode.WARN;
    if (!Object.values(HookFailureMode).includes(failureMode)) {
      throw new OrgGuardrailsError(
        'E_HOOK_FAILURE_MODE',
        'The failure mode must be WARN or FAIL.',
        JSON.stringify(failureMode),
        'Pass HookFailureMode.WARN (rollout) or HookFailureMode.FAIL (enforce)',
      );
    }
    const config = hookConfig(props);
    const standard = config.standard as Standard;
    const stack = Stack.of(this);

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention ?? logs.RetentionDays.ONE_YEAR });
    const functionRole = new iam.Role(this, 'FunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'api-guardrails hook function: writes its own logs, nothing else',
    });
    logGroup.grantWrite(functionRole);
    this.function = new lambda.Function(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: props.code ?? lambda.Code.fromAsset(hookAssetDirectory(config, props.bundleDirectory)),
      memorySize: 512,
      // CloudFormation waits 30 s for a hook's answer.
      timeout: Duration.seconds(25),
      role: functionRole,
      logGroup,
      description: `api-guardrails CloudFormation hook (standard ${standard.name}${standard.version ? ` ${standard.version}` : ''})`,
    });

    this.executionRole = new iam.Role(this, 'ExecutionRole', {
      assumedBy: new iam.ServicePrincipal('hooks.cloudformation.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': `arn:${stack.partition}:cloudformation:${stack.region}:${stack.account}:type/hook/*`,
          },
        },
      }),
      description: 'CloudFormation invokes the api-guardrails hook function with this role, and may do nothing else',
    });
    this.executionRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.function.functionArn] }),
    );

    const actions = ['CREATE', 'UPDATE'];
    const targetOperations = ['STACK', 'CHANGE_SET', ...(props.resourceTargets ? ['RESOURCE', 'CLOUD_CONTROL'] : [])];
    this.hook = new CfnLambdaHook(this, 'Hook', {
      alias,
      lambdaFunction: this.function.functionArn,
      executionRole: this.executionRole.roleArn,
      failureMode,
      hookStatus: props.enabled === false ? 'DISABLED' : 'ENABLED',
      targetOperations,
      targetFilters: {
        targets: GUARDED_TYPE_PATTERNS.flatMap((targetName) =>
          actions.map((action) => ({ targetName, action, invocationPoint: 'PRE_PROVISION' })),
        ),
      },
      ...(props.stackFilters ? { stackFilters: props.stackFilters } : {}),
    });
    this.hook.node.addDependency(this.executionRole);
  }
}
