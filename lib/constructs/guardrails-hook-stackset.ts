import type { CfnResource } from 'aws-cdk-lib';
import { App, Aws, BootstraplessSynthesizer, Fn, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { CfnStackSet } from 'aws-cdk-lib/aws-cloudformation';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import {
  GuardrailsHook,
  HookFailureMode,
  hookAssetDirectory,
  hookConfig,
  type GuardrailsHookProps,
} from './guardrails-hook';
import { OrgGuardrailsError } from './guardrails-hook-errors';
import { acknowledgeNag, nagResource } from './guardrails-hook-nag';

/** Key prefix of the hook code in the organisation's asset buckets. */
const KEY_PREFIX = 'api-guardrails/';

export interface GuardrailsHookAssetsProps extends Pick<
  GuardrailsHookProps,
  'standard' | 'failOn' | 'bundleDirectory'
> {
  /** Name of this region's asset bucket: `<bucketNamePrefix>-<region>`. */
  readonly bucketNamePrefix: string;
  /** The organisation (o-...) whose accounts may read the hook code. */
  readonly organizationId: string;
}

/**
 * The hook's code in one region, readable by every account of the organisation: a bucket named
 * `<prefix>-<region>` (Lambda reads code from its own region) and the zip of the bundled handler with the
 * standard, copied there at deploy. Put one in a stack per target region of the management or
 * delegated-administrator account; GuardrailsHookStackSet points member accounts at them.
 */
export class GuardrailsHookAssets extends Construct {
  readonly bucket: s3.Bucket;
  /** Object key of the code zip (the same in every region: it is the content hash). */
  readonly objectKey: string;
  /** Bucket names are `<bucketNamePrefix>-<region>`. */
  readonly bucketNamePrefix: string;

  constructor(scope: Construct, id: string, props: GuardrailsHookAssetsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.bucketNamePrefix = props.bucketNamePrefix;
    if (Token.isUnresolved(stack.region) || Token.isUnresolved(props.bucketNamePrefix)) {
      throw new OrgGuardrailsError(
        'E_STACKSET_TARGETS',
        'GuardrailsHookAssets needs a stack with an explicit region and a plain bucketNamePrefix (member templates name the bucket).',
        Token.isUnresolved(stack.region) ? 'an environment-agnostic stack' : 'a token as bucketNamePrefix',
        "Give the stack env: { account: '111111111111', region: 'eu-west-1' } and a literal prefix such as 'acme-api-guardrails'",
      );
    }
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the server access logs of the hook asset bucket; logging it to itself would loop.',
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: `${props.bucketNamePrefix}-${stack.region}`,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OrganisationReadsHookCode',
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects(`${KEY_PREFIX}*`)],
        conditions: { StringEquals: { 'aws:PrincipalOrgID': props.organizationId } },
      }),
    );
    const code = new s3assets.Asset(this, 'Code', {
      path: hookAssetDirectory(hookConfig(props), props.bundleDirectory),
    });
    this.objectKey = `${KEY_PREFIX}${code.s3ObjectKey}`;
    new s3deploy.BucketDeployment(this, 'Deploy', {
      sources: [s3deploy.Source.bucket(code.bucket, code.s3ObjectKey)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: KEY_PREFIX,
      extract: false,
      prune: false,
      retainOnDelete: true,
    });
    this.acknowledgeCopyFunction(stack, code);
  }

  /** The copy runs in aws-cdk-lib's own BucketDeployment function: its runtime and policy are CDK's. */
  private acknowledgeCopyFunction(stack: Stack, code: s3assets.Asset): void {
    const provider = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!provider) return;
    const bucketLogicalId = stack.resolve((this.bucket.node.defaultChild as CfnResource).logicalId) as string;
    const sourceBucket = nagResource(this, `arn:${stack.partition}:s3:::${code.s3BucketName}/*`);
    acknowledgeNag(
      provider,
      [
        'AwsSolutions-L1',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map(
          (a) => `AwsSolutions-IAM5[Action::${a}]`,
        ),
        `AwsSolutions-IAM5[Resource::${sourceBucket}]`,
        `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`,
      ],
      "aws-cdk-lib's BucketDeployment function copies the hook code from the CDK asset bucket into the organisation's bucket at deploy; its runtime and its read/write grants on those two buckets are set by CDK, not by this construct.",
    );
  }
}

export interface GuardrailsHookStackSetProps extends Omit<GuardrailsHookProps, 'code' | 'bundleDirectory'> {
  /** The hook code of every target region (one GuardrailsHookAssets per region, same standard). */
  readonly assets: readonly GuardrailsHookAssets[];
  /** Organizational units whose accounts (and accounts added later) get the hook. */
  readonly organizationalUnitIds: readonly string[];
  /** Regions deployed to; each needs a GuardrailsHookAssets. */
  readonly regions: readonly string[];
  /** @default 'api-guardrails-hook' */
  readonly stackSetName?: string;
  /** 'DELEGATED_ADMIN' when deployed from a delegated administrator account. @default 'SELF' */
  readonly callAs?: 'SELF' | 'DELEGATED_ADMIN';
}

/**
 * Deploy the GuardrailsHook to every account and region of organizational units with a service-managed
 * StackSet: automatic deployment to accounts that join the OUs, the member stack kept when an account
 * leaves. Starts in WARN mode unless told otherwise; change `failureMode` to FAIL and redeploy to enforce.
 */
export class GuardrailsHookStackSet extends Construct {
  readonly stackSet: CfnStackSet;
  /** The member-account template the StackSet deploys (for review and tests). */
  readonly memberTemplate: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: GuardrailsHookStackSetProps) {
    super(scope, id);
    if (props.organizationalUnitIds.length === 0 || props.regions.length === 0 || props.assets.length === 0) {
      throw new OrgGuardrailsError(
        'E_STACKSET_TARGETS',
        'GuardrailsHookStackSet needs at least one organizational unit, one region and the assets of each region.',
        JSON.stringify({ ous: props.organizationalUnitIds, regions: props.regions, assets: props.assets.length }),
        "Pass organizationalUnitIds: ['ou-abcd-12345678'], regions: ['eu-west-1'] and a GuardrailsHookAssets per region",
      );
    }
    const assetRegions = new Set(props.assets.map((a) => Stack.of(a).region));
    const missing = props.regions.filter((r) => !assetRegions.has(r));
    const keys = new Set(props.assets.map((a) => a.objectKey));
    const prefixes = new Set(props.assets.map((a) => a.bucketNamePrefix));
    if (missing.length > 0 || keys.size !== 1 || prefixes.size !== 1) {
      throw new OrgGuardrailsError(
        'E_STACKSET_TARGETS',
        'Every target region needs a GuardrailsHookAssets built with the same standard.',
        missing.length > 0
          ? `no assets for ${missing.join(', ')}`
          : `${keys.size} different code objects, ${prefixes.size} bucket name prefixes`,
        'Add a GuardrailsHookAssets in a stack of each missing region, all with the same standard, failOn and bucketNamePrefix',
      );
    }
    this.memberTemplate = memberTemplate(props, [...keys][0], [...prefixes][0]);
    this.stackSet = new CfnStackSet(this, 'StackSet', {
      stackSetName: props.stackSetName ?? 'api-guardrails-hook',
      description: `api-guardrails CloudFormation hook (${props.failureMode ?? HookFailureMode.WARN} mode)`,
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      callAs: props.callAs ?? 'SELF',
      capabilities: ['CAPABILITY_IAM'],
      managedExecution: { Active: true },
      operationPreferences: {
        failureTolerancePercentage: 10,
        maxConcurrentPercentage: 25,
        regionConcurrencyType: 'PARALLEL',
      },
      stackInstancesGroup: [
        {
          deploymentTargets: { organizationalUnitIds: [...props.organizationalUnitIds] },
          regions: [...props.regions],
        },
      ],
      templateBody: JSON.stringify(this.memberTemplate),
    });
    for (const asset of props.assets)
      if (Stack.of(asset) !== Stack.of(this)) Stack.of(this).addDependency(Stack.of(asset));
  }
}

/**
 * The template each member account gets: the GuardrailsHook with its code read from the organisation's
 * bucket of the account's region. Synthesized in an app of its own, without bootstrap requirements.
 */
function memberTemplate(
  props: GuardrailsHookStackSetProps,
  objectKey: string,
  bucketNamePrefix: string,
): Record<string, unknown> {
  const app = new App();
  const stack = new Stack(app, 'GuardrailsHookMember', { synthesizer: new BootstraplessSynthesizer() });
  const bucket = s3.Bucket.fromBucketName(stack, 'Code', Fn.join('-', [bucketNamePrefix, Aws.REGION]));
  new GuardrailsHook(stack, 'GuardrailsHook', {
    ...props,
    failureMode: props.failureMode ?? HookFailureMode.WARN,
    code: lambda.Code.fromBucket(bucket, objectKey),
  });
  return app.synth().getStackByName(stack.stackName).template as Record<string, unknown>;
}
