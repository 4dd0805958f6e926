/**
 * The CloudFormation Lambda hook contract, as the CloudFormation Hooks user guide documents it ("Create
 * Lambda functions to evaluate resources for Lambda Hooks"): what CloudFormation sends for a stack, a
 * change set or a resource, and the answer it expects back.
 */

export type InvocationPoint = 'CREATE_PRE_PROVISION' | 'UPDATE_PRE_PROVISION' | 'DELETE_PRE_PROVISION';

/** `requestData` of a request. Stack and change-set requests carry `payload`; resource requests `targetModel`. */
export interface HookRequestData {
  /** 'STACK', 'CHANGE_SET', or the resource type (e.g. 'AWS::ApiGateway::Stage'). */
  readonly targetName?: string;
  /** 'STACK', 'CHANGE_SET', the resource type, or 'RESOURCE' for Cloud Control API operations. */
  readonly targetType?: string;
  /** Stack name, change-set ARN, or the resource's logical id. */
  readonly targetLogicalId?: string;
  /** Presigned S3 URL of a JSON object `{ template, previousTemplate }` (stack) or `{ template, changedResources }`. */
  readonly payload?: string;
  readonly targetModel?: {
    readonly resourceProperties?: Record<string, unknown> | null;
    readonly previousResourceProperties?: Record<string, unknown> | null;
  };
}

export interface HookRequest {
  readonly clientRequestToken?: string;
  readonly awsAccountId?: string;
  readonly stackId?: string;
  readonly changeSetId?: string | null;
  readonly hookTypeName?: string;
  readonly hookTypeVersion?: string;
  readonly hookModel?: { readonly LambdaFunction?: string };
  /** Absent on change-set requests in the guide's example shape; present in its example input. */
  readonly actionInvocationPoint?: InvocationPoint | string;
  readonly requestData?: HookRequestData;
  readonly requestContext?: { readonly invocation?: number; readonly callbackContext?: unknown };
}

/** What a stack or change-set payload URL returns. */
export interface HookPayload {
  readonly template?: string | null;
  readonly previousTemplate?: string | null;
  readonly changedResources?: readonly {
    readonly action?: string;
    readonly logicalResourceId?: string;
    readonly resourceType?: string;
  }[];
}

export type AnnotationSeverity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface HookAnnotation {
  readonly annotationName: string;
  readonly status: 'PASSED' | 'FAILED' | 'SKIPPED';
  readonly statusMessage: string;
  readonly remediationMessage?: string;
  readonly remediationLink?: string;
  readonly severityLevel: AnnotationSeverity;
}

export interface HookResponse {
  readonly hookStatus: 'SUCCESS' | 'FAILED' | 'IN_PROGRESS';
  /** Required when hookStatus is FAILED. */
  readonly errorCode?: 'NonCompliant' | 'InternalFailure';
  readonly message: string;
  readonly clientRequestToken: string;
  readonly annotations?: HookAnnotation[];
}

/** CloudFormation truncates `message` at 4096 characters; Cloud Control API operations at 1024. */
export const MESSAGE_LIMIT = 4096;
export const CLOUD_CONTROL_MESSAGE_LIMIT = 1024;

/** Resource types the hook evaluates: everything the toolkit's rules are about. */
export const GUARDED_TYPE_PATTERNS: readonly string[] = ['AWS::ApiGateway::*', 'AWS::ApiGatewayV2::*', 'AWS::WAFv2::*'];

export type TargetKind = 'stack' | 'change-set' | 'resource';

/** Which of the three documented request shapes this is. */
export function targetKind(request: HookRequest): TargetKind {
  const type = request.requestData?.targetType;
  if (type === 'STACK') return 'stack';
  if (type === 'CHANGE_SET') return 'change-set';
  return 'resource';
}

/** Cloud Control API requests have no stack; their messages are cut at 1024 characters. */
export function messageLimit(request: HookRequest): number {
  return targetKind(request) === 'resource' && !request.stackId ? CLOUD_CONTROL_MESSAGE_LIMIT : MESSAGE_LIMIT;
}
