import type { AccessLog, LogGroup } from '../types';
import { isUnresolved, unresolved, type Value } from '../value';
import type { BuildContext, RawResource } from './context';
import { asRecord } from './convert';

/** AWS::Logs::LogGroup → LogGroup, indexed by key and by literal name. */
export function mapLogGroups(ctx: BuildContext): void {
  for (const resource of ctx.ofType('AWS::Logs::LogGroup')) {
    const props = ctx.props(resource);
    const name = ctx.v.str(props.LogGroupName, 'LogGroupName');
    const group: LogGroup = {
      source: ctx.source(resource),
      name,
      retentionDays: ctx.v.num(props.RetentionInDays, 'RetentionInDays'),
      kmsKeyId: ctx.v.str(props.KmsKeyId, 'KmsKeyId'),
    };
    ctx.logGroups.set(resource.key, group);
    if (typeof name === 'string' && !name.includes('${')) ctx.logGroupsByName.set(name, resource.key);
  }
}

function groupAt(ctx: BuildContext, key: string): Value<LogGroup> | undefined {
  const group = ctx.logGroups.get(key);
  const resource = ctx.resources.get(key) as RawResource;
  if (!group) return undefined;
  return ctx.conditional(resource, 'log group') ?? group;
}

/** The log group behind an access-log destination ARN (GetAtt, Sub/Join with a Ref, or a literal ARN). */
export function logGroupFor(ctx: BuildContext, destination: unknown): Value<LogGroup> {
  if (isUnresolved(destination)) return destination;
  if (typeof destination !== 'string') return unresolved('the access log destination is not an ARN');
  const tokens = ctx.tokens;
  const key = tokens.resourceKey(destination);
  if (key !== undefined) {
    const found = groupAt(ctx, key);
    if (found) return found;
    const other = ctx.resources.get(key);
    return unresolved(
      `the access log destination ${other?.logicalId ?? key} is a ${other?.type ?? 'resource'}, not a log group`,
    );
  }
  if (/:firehose:/.test(destination))
    return unresolved('the access log destination is a Kinesis Data Firehose stream, not a log group');
  const match = /:log-group:(.+?)(?::\*)?$/.exec(destination);
  if (match) {
    const part = match[1];
    const refKey = tokens.refKey(part);
    if (refKey !== undefined)
      return groupAt(ctx, refKey) ?? unresolved('the destination log group is not in the template');
    if (!tokens.hasTokens(part)) {
      const byName = ctx.logGroupsByName.get(part);
      if (byName !== undefined) return groupAt(ctx, byName) ?? unresolved(`log group ${part} is not in the template`);
      return unresolved(`log group ${part} is not in the template`);
    }
  }
  return tokens.firstUnresolved(destination) ?? unresolved('the destination log group is not in the template');
}

/** REST AccessLogSetting / v2 AccessLogSettings → AccessLog (undefined when no destination is set). */
export function accessLogFrom(ctx: BuildContext, setting: unknown): AccessLog | undefined {
  if (setting === undefined) return undefined;
  if (isUnresolved(setting)) return { destinationArn: setting, logGroup: setting };
  const props = asRecord(setting);
  if (props.DestinationArn === undefined) return undefined;
  return {
    destinationArn: ctx.v.str(props.DestinationArn, 'DestinationArn') ?? unresolved('DestinationArn is empty'),
    format: ctx.v.str(props.Format, 'Format'),
    logGroup: logGroupFor(ctx, props.DestinationArn),
  };
}
