import type { Api, Stage } from '../types';
import { isUnresolved, unresolved } from '../value';
import type { BuildContext, Mutable, RawResource } from './context';
import { asRecord, objectOrUnresolved } from './convert';
import { accessLogFrom } from './logs';
import { emptySettings, restMethodSettings, settingsFrom } from './stage-settings';

function addStage(ctx: BuildContext, api: Mutable<Api>, resource: RawResource, stage: Mutable<Stage>): void {
  ctx.stages.set(resource.key, stage);
  api.stages.push(stage);
}

/** AWS::ApiGateway::Stage and stages created by a Deployment's StageName. */
export function mapRestStages(ctx: BuildContext): void {
  const declared = new Set<string>();
  for (const resource of ctx.ofType('AWS::ApiGateway::Stage')) {
    const props = ctx.props(resource);
    const api = ctx.apiFor(props.RestApiId, 'rest', resource);
    const { settings, overrides } = restMethodSettings(ctx, props.MethodSettings, emptySettings());
    const name = ctx.v.str(props.StageName, 'StageName') ?? unresolved('StageName is not set');
    if (typeof name === 'string') declared.add(`${api.id}\u0000${name}`);
    addStage(ctx, api, resource, {
      source: ctx.source(resource),
      name,
      description: ctx.v.str(props.Description, 'Description'),
      settings,
      overrides,
      accessLog: accessLogFrom(ctx, props.AccessLogSetting),
      tracing: ctx.v.bool(props.TracingEnabled, 'TracingEnabled'),
      cacheClusterEnabled: ctx.v.bool(props.CacheClusterEnabled, 'CacheClusterEnabled'),
      clientCertificateId: ctx.v.str(props.ClientCertificateId, 'ClientCertificateId'),
      variables: ctx.v.strMap(props.Variables, 'Variables'),
      ...ctx.v.tagFields(props.Tags),
      usagePlanIds: [],
      declaredBy: 'stage',
    });
  }
  for (const resource of ctx.ofType('AWS::ApiGateway::Deployment')) {
    const props = ctx.props(resource);
    // StageDescription without StageName is invalid for CloudFormation, but peers evaluate it: model it with an unknown name.
    if (props.StageName === undefined && props.StageDescription === undefined) continue;
    const api = ctx.apiFor(props.RestApiId, 'rest', resource);
    const name = ctx.v.str(props.StageName, 'StageName') ?? unresolved('StageName is not set');
    // A Stage resource with the same name replaces the deployment's stage.
    if (typeof name === 'string' && declared.has(`${api.id}\u0000${name}`)) continue;
    const described = objectOrUnresolved(props.StageDescription, 'StageDescription');
    // A StageDescription behind Fn::If (or not an object): every stage property is unknown.
    const whole = isUnresolved(described) ? described : undefined;
    const description = asRecord(described);
    const { settings, overrides } = restMethodSettings(
      ctx,
      description.MethodSettings,
      settingsFrom(ctx, described, 'rest'),
    );
    addStage(ctx, api, resource, {
      source: ctx.source(resource),
      name,
      description: ctx.v.str(description.Description, 'StageDescription.Description'),
      settings,
      overrides,
      accessLog: accessLogFrom(ctx, whole ?? description.AccessLogSetting),
      tracing: whole ?? ctx.v.bool(description.TracingEnabled, 'TracingEnabled'),
      cacheClusterEnabled: whole ?? ctx.v.bool(description.CacheClusterEnabled, 'CacheClusterEnabled'),
      clientCertificateId: whole ?? ctx.v.str(description.ClientCertificateId, 'ClientCertificateId'),
      variables: ctx.v.strMap(description.Variables, 'Variables'),
      ...ctx.v.tagFields(description.Tags),
      usagePlanIds: [],
      declaredBy: 'deployment',
    });
  }
}
