import { emptyState, restApi, type FakeRestApi, type FakeState, type Wire } from './state';

/**
 * A small stand-in for CloudFormation + API Gateway: turns the REST API resources of a synthesized
 * template into what API Gateway would then answer (wire format), including what AWS adds on deploy:
 * the aws:cloudformation:* tags, generated ids, a root resource, and every MethodSetting field filled
 * with its service default once a stage has method settings. Only what the parity test's app uses is
 * supported; anything else throws so the test cannot silently drift from the template.
 */
export interface DeployOptions {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
}

type Resources = Record<string, { Type: string; Properties?: Wire }>;

const METHOD_SETTING_DEFAULTS: Wire = {
  metricsEnabled: false,
  loggingLevel: 'OFF',
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
};

export function deployTemplate(template: { Resources: Resources }, options: DeployOptions): FakeState {
  const state = emptyState();
  const resources = template.Resources;
  const ids = new Map<string, string>();
  let counter = 0;
  const physicalId = (logicalId: string): string => {
    let id = ids.get(logicalId);
    if (!id) {
      id = `id${(++counter).toString(36).padStart(4, '0')}`;
      ids.set(logicalId, id);
    }
    return id;
  };
  const rootIds = new Map<string, string>();
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (!value || typeof value !== 'object') return value;
    const v = value as Wire;
    if ('Ref' in v) {
      const ref = String(v.Ref);
      if (ref === 'AWS::Region') return options.region;
      if (ref === 'AWS::AccountId') return options.accountId;
      if (ref === 'AWS::Partition') return 'aws';
      if (ref === 'AWS::URLSuffix') return 'amazonaws.com';
      if (resources[ref]?.Type === 'AWS::Logs::LogGroup')
        return String((resources[ref].Properties ?? {}).LogGroupName ?? `${options.stackName}-${ref}`);
      return physicalId(ref);
    }
    if ('Fn::GetAtt' in v) {
      const [logicalId, attribute] = v['Fn::GetAtt'] as [string, string];
      if (attribute === 'RootResourceId') return rootIds.get(logicalId) ?? `${physicalId(logicalId)}root`;
      if (attribute === 'Arn' && resources[logicalId]?.Type === 'AWS::IAM::Role')
        return `arn:aws:iam::${options.accountId}:role/${options.stackName}-${logicalId}`;
      if (attribute === 'Arn' && resources[logicalId]?.Type === 'AWS::Logs::LogGroup') {
        return `arn:aws:logs:${options.region}:${options.accountId}:log-group:${String(resolve({ Ref: logicalId }))}:*`;
      }
      throw new Error(`deployTemplate: unsupported Fn::GetAtt ${logicalId}.${attribute}`);
    }
    if ('Fn::Join' in v) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return (resolve(parts) as unknown[]).map(String).join(sep);
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
  };
  const props = (logicalId: string): Wire => resolve(resources[logicalId].Properties ?? {}) as Wire;
  const cfnTags = (logicalId: string, tags: unknown): Record<string, string> => {
    const out: Record<string, string> = {
      'aws:cloudformation:logical-id': logicalId,
      'aws:cloudformation:stack-name': options.stackName,
    };
    for (const t of (tags as { Key: string; Value: string }[] | undefined) ?? []) out[t.Key] = t.Value;
    return out;
  };

  const apis = new Map<string, FakeRestApi>();
  const byType = (type: string): string[] => Object.keys(resources).filter((id) => resources[id].Type === type);
  for (const logicalId of byType('AWS::ApiGateway::RestApi')) {
    const p = props(logicalId);
    const id = physicalId(logicalId);
    rootIds.set(logicalId, `${id}root`);
    const endpoint = p.EndpointConfiguration as { Types?: string[]; IpAddressType?: string } | undefined;
    const api = restApi(
      {
        id,
        name: p.Name,
        endpointConfiguration: {
          types: endpoint?.Types ?? ['EDGE'],
          ...(endpoint?.IpAddressType ? { ipAddressType: endpoint.IpAddressType } : {}),
        },
        disableExecuteApiEndpoint: p.DisableExecuteApiEndpoint ?? false,
        tags: cfnTags(logicalId, p.Tags),
        ...(p.Policy ? { policy: JSON.stringify(p.Policy) } : {}),
      },
      { resources: [{ id: `${id}root`, path: '/', resourceMethods: {} }] },
    );
    apis.set(id, api);
    state.restApis.push(api);
  }
  const resourcePaths = new Map<string, { api: FakeRestApi; resource: Wire }>();
  for (const api of apis.values()) resourcePaths.set(String(api.resources[0].id), { api, resource: api.resources[0] });
  // Resources may be declared before their parents: resolve until no progress.
  let pending = byType('AWS::ApiGateway::Resource');
  while (pending.length) {
    const next = pending.filter((logicalId) => {
      const p = props(logicalId);
      const parent = resourcePaths.get(String(p.ParentId));
      if (!parent) return true;
      const path = `${parent.resource.path === '/' ? '' : String(parent.resource.path)}/${String(p.PathPart)}`;
      const resource = {
        id: physicalId(logicalId),
        parentId: p.ParentId,
        pathPart: p.PathPart,
        path,
        resourceMethods: {},
      };
      parent.api.resources.push(resource);
      resourcePaths.set(resource.id, { api: parent.api, resource });
      return false;
    });
    if (next.length === pending.length)
      throw new Error(`deployTemplate: resources without a parent: ${next.join(', ')}`);
    pending = next;
  }
  for (const logicalId of byType('AWS::ApiGateway::Method')) {
    const p = props(logicalId);
    const target = resourcePaths.get(String(p.ResourceId));
    if (!target) throw new Error(`deployTemplate: method ${logicalId} on an unknown resource`);
    const integration = p.Integration as Wire | undefined;
    (target.resource.resourceMethods as Wire)[String(p.HttpMethod)] = {
      httpMethod: p.HttpMethod,
      authorizationType: p.AuthorizationType ?? 'NONE',
      apiKeyRequired: p.ApiKeyRequired ?? false,
      ...(p.AuthorizerId ? { authorizerId: p.AuthorizerId } : {}),
      ...(p.RequestValidatorId ? { requestValidatorId: p.RequestValidatorId } : {}),
      ...(integration
        ? {
            methodIntegration: {
              type: integration.Type,
              ...(integration.Uri ? { uri: integration.Uri } : {}),
              ...(integration.ResponseTransferMode ? { responseTransferMode: integration.ResponseTransferMode } : {}),
              ...(integration.TimeoutInMillis ? { timeoutInMillis: integration.TimeoutInMillis } : {}),
              integrationResponses: {},
            },
          }
        : {}),
    };
  }
  const stageOf = (apiId: string, name: string, p: Wire, tags: Record<string, string>): Wire => {
    const methodSettings: Wire = {};
    for (const s of (p.MethodSettings as Wire[] | undefined) ?? []) {
      const path = String(s.ResourcePath ?? '/*');
      const key =
        path === '/*' && (s.HttpMethod ?? '*') === '*'
          ? '*/*'
          : `${path.replace(/^\//, '').replace(/\//g, '~1')}/${String(s.HttpMethod)}`;
      methodSettings[key] = {
        ...METHOD_SETTING_DEFAULTS,
        ...(s.LoggingLevel !== undefined ? { loggingLevel: s.LoggingLevel } : {}),
        ...(s.DataTraceEnabled !== undefined ? { dataTraceEnabled: s.DataTraceEnabled } : {}),
        ...(s.MetricsEnabled !== undefined ? { metricsEnabled: s.MetricsEnabled } : {}),
        ...(s.ThrottlingBurstLimit !== undefined ? { throttlingBurstLimit: s.ThrottlingBurstLimit } : {}),
        ...(s.ThrottlingRateLimit !== undefined ? { throttlingRateLimit: s.ThrottlingRateLimit } : {}),
      };
    }
    const accessLog = p.AccessLogSetting as Wire | undefined;
    if (!apis.has(apiId)) throw new Error(`deployTemplate: stage ${name} of an unknown API`);
    return {
      stageName: name,
      deploymentId: String(p.DeploymentId ?? ''),
      ...(p.Description !== undefined ? { description: p.Description } : {}),
      tracingEnabled: p.TracingEnabled ?? false,
      cacheClusterEnabled: p.CacheClusterEnabled ?? false,
      methodSettings,
      ...(accessLog
        ? {
            accessLogSettings: {
              destinationArn: String(accessLog.DestinationArn).replace(/:\*$/, ''),
              ...(accessLog.Format ? { format: accessLog.Format } : {}),
            },
          }
        : {}),
      ...(p.Variables ? { variables: p.Variables } : {}),
      tags,
    };
  };
  for (const logicalId of byType('AWS::ApiGateway::Stage')) {
    const p = props(logicalId);
    const apiId = String(p.RestApiId);
    apis.get(apiId)?.stages.push(stageOf(apiId, String(p.StageName), p, cfnTags(logicalId, p.Tags)));
  }
  for (const logicalId of byType('AWS::ApiGateway::Deployment')) {
    const p = props(logicalId);
    if (p.StageName)
      apis
        .get(String(p.RestApiId))
        ?.stages.push(stageOf(String(p.RestApiId), String(p.StageName), (p.StageDescription as Wire) ?? {}, {}));
  }
  for (const logicalId of byType('AWS::ApiGateway::Account')) {
    const p = props(logicalId);
    state.account = p.CloudWatchRoleArn ? { cloudwatchRoleArn: p.CloudWatchRoleArn } : {};
  }
  for (const logicalId of byType('AWS::Logs::LogGroup')) {
    const p = props(logicalId);
    const name = String(resolve({ Ref: logicalId }));
    state.logGroups.push({
      logGroupName: name,
      arn: `arn:aws:logs:${options.region}:${options.accountId}:log-group:${name}:*`,
      ...(p.RetentionInDays !== undefined ? { retentionInDays: p.RetentionInDays } : {}),
      ...(p.KmsKeyId !== undefined ? { kmsKeyId: p.KmsKeyId } : {}),
    });
  }
  const unsupported = Object.entries(resources)
    .filter(([, r]) => r.Type.startsWith('AWS::ApiGateway') || r.Type.startsWith('AWS::WAFv2'))
    .filter(
      ([, r]) => !['RestApi', 'Resource', 'Method', 'Stage', 'Deployment', 'Account'].includes(r.Type.split('::')[2]),
    );
  if (unsupported.length)
    throw new Error(
      `deployTemplate: unsupported resources ${unsupported.map(([id, r]) => `${id} (${r.Type})`).join(', ')}`,
    );
  return state;
}
