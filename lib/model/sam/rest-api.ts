import { clone, isIntrinsic, isOpaqueBody, isRecord, logicalIdHash, notModelled, record, type Json } from './common';
import { restDomain, type Generated } from './domains';
import type { ApiEvent } from './events';
import type { SamNotice } from './notices';
import { addResourcePolicy } from './resource-policy';
import { applyRestAuth } from './rest-auth';
import { addCors, addGatewayResponses, addModels, addRestEvent, toOpenApi3 } from './rest-body';
import { SwaggerDoc } from './swagger';
import type { UsagePlans } from './usage-plans';
import { AuthChecks } from './validate';

/** AWS::Serverless::Api properties the builder reads (the others are reported, never silently dropped). */
const KNOWN = new Set([
  'StageName', 'DefinitionBody', 'DefinitionUri', 'Name', 'Description', 'Auth', 'Cors', 'GatewayResponses',
  'Models', 'MethodSettings', 'AccessLogSetting', 'CanarySetting', 'TracingEnabled', 'CacheClusterEnabled',
  'CacheClusterSize', 'Variables', 'EndpointConfiguration', 'DisableExecuteApiEndpoint', 'Tags', 'Domain',
  'OpenApiVersion', 'BinaryMediaTypes', 'MinimumCompressionSize', 'FailOnWarnings', 'Mode', 'ApiKeySourceType',
  'Policy', 'SecurityPolicy', 'EndpointAccessMode', 'AlwaysDeploy', 'PropagateTags', 'MergeDefinitions',
]); // prettier-ignore
const KNOWN_AUTH = new Set([
  'DefaultAuthorizer', 'Authorizers', 'ApiKeyRequired', 'ResourcePolicy', 'UsagePlan', 'InvokeRole',
  'AddDefaultAuthorizerToCorsPreflight', 'AddApiKeyRequiredToCorsPreflight',
]); // prettier-ignore

export interface SamResourceIn {
  readonly logicalId: string;
  readonly resource: Json;
  readonly events: readonly ApiEvent[];
  readonly notices: SamNotice[];
  /** The template's Parameters (SAM resolves some properties' parameter Refs to their defaults). */
  readonly parameters: Json;
}

/** CloudFormation attributes SAM copies from the SAM resource onto what it generates. */
export function passthrough(resource: Json): Json {
  const out: Json = {};
  for (const key of ['Condition', 'DeletionPolicy', 'UpdateReplacePolicy'])
    if (resource[key] !== undefined) out[key] = resource[key];
  return out;
}

export function reportUnknown(input: SamResourceIn, props: Json, known: Set<string>, prefix = ''): void {
  for (const key of Object.keys(props)) {
    if (known.has(key)) continue;
    input.notices.push({
      level: 'error',
      code: 'SAM_PROPERTY_NOT_MODELLED',
      message: `${input.resource.Type as string} ${input.logicalId}: property ${prefix}${key} is not modelled by the SAM builder, so what it changes is not evaluated. Evaluate the transformed template (\`sam validate --debug\` / \`aws cloudformation get-template --template-stage Processed\`) for it.`,
      logicalId: input.logicalId,
    });
  }
}

/** SAM's Stage logical id: <Api><StageName>Stage, hashed when the name is not alphanumeric. */
export function stageLogicalId(apiId: string, stageName: unknown): string {
  const prefix = typeof stageName === 'string' ? stageName : '';
  return /^[A-Za-z0-9]+$/.test(prefix) ? `${apiId}${prefix}Stage` : `${apiId}Stage${logicalIdHash(prefix)}`;
}

function endpointConfiguration(value: unknown): { config: Json; type: unknown } {
  if (isRecord(value) && !isIntrinsic(value)) {
    const ids = value.VPCEndpointIds ?? value.VpcEndpointIds;
    return {
      config: {
        Types: [value.Type],
        ...(ids !== undefined ? { VpcEndpointIds: ids } : {}),
        ...(value.IpAddressType !== undefined ? { IpAddressType: value.IpAddressType } : {}),
      },
      type: value.Type,
    };
  }
  return { config: { Types: [value] }, type: value };
}

/** The swagger body of the RestApi: the user's (events added when SAM manages it) or one generated from events. */
function restBody(input: SamResourceIn, props: Json, stageName: unknown): SwaggerDoc | undefined {
  if (props.DefinitionUri !== undefined || isOpaqueBody(props.DefinitionBody)) return undefined;
  const managed = props.DefinitionBody === undefined;
  const doc = managed ? SwaggerDoc.skeleton() : new SwaggerDoc(clone(record(props.DefinitionBody)));
  if (managed || props.MergeDefinitions === true)
    for (const event of input.events) addRestEvent(doc, event, props, stageName);
  if (props.Cors !== undefined) addCors(doc, props.Cors);
  const auth = record(props.Auth);
  applyRestAuth(doc, auth);
  if (auth.ResourcePolicy !== undefined)
    for (const path of Object.keys(doc.paths)) addResourcePolicy(doc, auth.ResourcePolicy, path, stageName);
  if (props.GatewayResponses !== undefined) addGatewayResponses(doc, props.GatewayResponses);
  if (props.Models !== undefined) addModels(doc, props.Models);
  if (props.DisableExecuteApiEndpoint !== undefined)
    doc.doc['x-amazon-apigateway-endpoint-configuration'] = {
      ...record(doc.doc['x-amazon-apigateway-endpoint-configuration']),
      disableExecuteApiEndpoint: props.DisableExecuteApiEndpoint,
    };
  if (typeof props.OpenApiVersion === 'string' && /^3(\.\d+){0,2}$/.test(props.OpenApiVersion) && managed)
    toOpenApi3(doc, props.OpenApiVersion);
  return doc;
}

/** AWS::Serverless::Api → RestApi, Deployment, Stage, and its domain and usage plan. */
export function expandRestApi(input: SamResourceIn, plans: UsagePlans): Generated {
  const { logicalId: id, resource } = input;
  const props = record(resource.Properties);
  reportUnknown(input, props, KNOWN);
  const checks = new AuthChecks(input.notices, id);
  if (checks.restAuth(props, KNOWN_AUTH)) for (const event of input.events) checks.event(event, record(props.Auth));
  const attributes = passthrough(resource);
  if (props.StageName === undefined)
    input.notices.push({
      level: 'error',
      code: 'SAM_INVALID',
      message: `Resource ${id} is invalid for the SAM transform (the deployment would fail): Missing required property 'StageName'. Set StageName on the AWS::Serverless::Api.`,
      logicalId: id,
    });
  const stageName = props.StageName ?? notModelled(id, 'StageName', 'is not set (the SAM transform requires it)');
  const api: Json = {};
  const doc = restBody(input, props, stageName);
  if (doc) api.Body = doc.doc;
  // Left as written: the template builder resolves it (an AWS::Include or Fn::If makes the operations unknown).
  else if (isOpaqueBody(props.DefinitionBody)) api.Body = props.DefinitionBody;
  else api.BodyS3Location = isRecord(props.DefinitionUri) ? props.DefinitionUri : { Uri: props.DefinitionUri };
  if (typeof props.DefinitionUri === 'string' && !props.DefinitionUri.startsWith('s3://')) {
    // A local file `sam package` / `sam deploy` uploads: not read by the builder.
    delete api.BodyS3Location;
    api.Body = notModelled(
      id,
      'DefinitionUri',
      `names a local file (${props.DefinitionUri}) the builder does not read`,
    );
  }
  for (const key of ['Name', 'Description', 'BinaryMediaTypes', 'MinimumCompressionSize', 'FailOnWarnings', 'Mode'])
    if (props[key] !== undefined) api[key] = props[key];
  for (const key of ['ApiKeySourceType', 'Policy', 'SecurityPolicy', 'EndpointAccessMode'])
    if (props[key] !== undefined) api[key] = props[key];
  if (props.EndpointConfiguration !== undefined) {
    const { config, type } = endpointConfiguration(props.EndpointConfiguration);
    api.EndpointConfiguration = config;
    api.Parameters = { endpointConfigurationTypes: type };
  }
  const deploymentId = `${id}Deployment${logicalIdHash(api)}`;
  const stageId = stageLogicalId(id, stageName);
  const openApi3 = props.OpenApiVersion !== undefined && props.OpenApiVersion !== null;
  const stage: Json = { RestApiId: { Ref: id }, DeploymentId: { Ref: deploymentId }, StageName: stageName };
  const copied = ['CacheClusterEnabled', 'CacheClusterSize', 'Variables', 'MethodSettings', 'AccessLogSetting'];
  for (const key of [...copied, 'CanarySetting', 'TracingEnabled'])
    if (props[key] !== undefined) stage[key] = props[key];
  if (isRecord(props.Tags)) {
    stage.Tags = Object.entries(props.Tags).map(([Key, Value]) => ({ Key, Value }));
    // PropagateTags: SAM also tags the RestApi (and the other resources it generates).
    if (props.PropagateTags === true) api.Tags = stage.Tags;
  }
  const out: Generated = {
    [id]: { Type: 'AWS::ApiGateway::RestApi', ...attributes, Properties: api },
    [deploymentId]: {
      Type: 'AWS::ApiGateway::Deployment',
      ...attributes,
      Properties: { RestApiId: { Ref: id }, ...(openApi3 ? {} : { StageName: 'Stage' }) },
    },
    [stageId]: { Type: 'AWS::ApiGateway::Stage', ...attributes, Properties: stage },
  };
  if (props.Domain !== undefined) Object.assign(out, restDomain(id, stageId, props.Domain, attributes));
  const auth = record(props.Auth);
  if (auth.UsagePlan !== undefined) plans.add(id, stageId, auth.UsagePlan, attributes, out);
  return out;
}
