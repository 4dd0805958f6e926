import type { Source } from '../source';
import type { AccessLog, CorsPolicy, LogGroup, Notice, WebAcl } from '../types';
import { unresolved, type Value } from '../value';
import type { Fetched } from './snapshot';

/** What the per-API mappers need from the rest of the snapshot, resolved once by `fromAwsSnapshot`. */
export interface MappingContext {
  readonly region: string;
  notice(level: Notice['level'], code: string, message: string, source: Source): void;
  /** The web ACL behind a stage's webAclArn (Unresolved when it could not be read). */
  webAcl(arn: string): Value<WebAcl>;
  /** The log group behind an access-log destination; undefined when the destination is not a log group. */
  logGroup(destinationArn: string): Value<LogGroup> | undefined;
  /** Usage plan ids that include the stage. */
  usagePlanIds(apiId: string, stage: string): string[];
  /** Inventory domain ids with a mapping to the API. */
  domainIds(apiId: string): string[];
}

export const LOGICAL_ID_TAG = 'aws:cloudformation:logical-id';
export const STACK_NAME_TAG = 'aws:cloudformation:stack-name';

/** A deployed resource's source: its ARN, plus the CloudFormation logical id and stack when tagged. */
export function deployedSource(arn: string, resourceType: string, tags?: Record<string, string>): Source {
  const source: { -readonly [K in keyof Source]: Source[K] } = { arn, resourceType };
  const logicalId = tags?.[LOGICAL_ID_TAG];
  const stackName = tags?.[STACK_NAME_TAG];
  if (logicalId) source.logicalId = logicalId;
  if (stackName) source.stackName = stackName;
  return source;
}

export function tagsOf(tags: Record<string, string> | undefined): Record<string, Value<string>> {
  return { ...(tags ?? {}) };
}

/** The list when the call succeeded, else [] and an error notice naming the call. */
export function listOrNotice<T>(result: Fetched<T[]>, what: string, source: Source, ctx: MappingContext): T[] {
  if (result.ok) return result.value;
  ctx.notice('error', 'AUDIT_CALL_FAILED', `${what} could not be read: ${result.because}`, source);
  return [];
}

export function accessLogOf(
  destinationArn: string | undefined,
  format: string | undefined,
  ctx: MappingContext,
): AccessLog | undefined {
  if (!destinationArn) return undefined;
  const logGroup = ctx.logGroup(destinationArn);
  return {
    destinationArn,
    ...(format !== undefined ? { format } : {}),
    ...(logGroup !== undefined ? { logGroup } : {}),
  };
}

/** Positive throttle numbers as set; AWS reports -1 for "not throttled at this level". */
export function throttleNumber(value: number | undefined): number | undefined {
  return value === undefined || value < 0 ? undefined : value;
}

const STATIC_VALUE = /^'(.*)'$/s;

/** A CORS policy read from static header mappings ("'*'"); a mapped (non-static) origin is unresolved. */
export function corsFromHeaders(
  params: Record<string, string>,
  prefix: string,
  from: CorsPolicy['from'],
  source: Source,
): CorsPolicy | undefined {
  const origin = params[`${prefix}Access-Control-Allow-Origin`];
  if (origin === undefined) return undefined;
  const originMatch = STATIC_VALUE.exec(origin);
  const allowOrigins: Value<string[]> = originMatch
    ? originMatch[1]
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o.length > 0)
    : unresolved(`Access-Control-Allow-Origin is mapped from ${origin}, not a static value`);
  const credentials = params[`${prefix}Access-Control-Allow-Credentials`];
  const credentialsMatch = credentials === undefined ? undefined : STATIC_VALUE.exec(credentials);
  const allowCredentials: Value<boolean> | undefined =
    credentials === undefined
      ? undefined
      : credentialsMatch
        ? credentialsMatch[1].trim().toLowerCase() === 'true'
        : unresolved(`Access-Control-Allow-Credentials is mapped from ${credentials}, not a static value`);
  return { source, from, allowOrigins, ...(allowCredentials !== undefined ? { allowCredentials } : {}) };
}
