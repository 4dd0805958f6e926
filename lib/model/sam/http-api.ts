import { clone, isOpaqueBody, isRecord, notModelled, record, resolveParameterRefs, type Json } from './common';
import { httpDomain, type Generated } from './domains';
import type { ApiEvent } from './events';
import { addRouteAuth, applyHttpAuth } from './http-auth';
import { passthrough, reportUnknown, type SamResourceIn } from './rest-api';
import { normalizeMethod, SwaggerDoc } from './swagger';
import { AuthChecks } from './validate';

/** AWS::Serverless::HttpApi properties the builder reads (the others are reported). */
const KNOWN = new Set([
  'StageName', 'DefinitionBody', 'DefinitionUri', 'Name', 'Description', 'Auth', 'CorsConfiguration',
  'AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables', 'Tags', 'Domain',
  'DisableExecuteApiEndpoint', 'FailOnWarnings', 'PropagateTags', 'Ipv6',
]); // prettier-ignore
const KNOWN_AUTH = new Set(['DefaultAuthorizer', 'Authorizers', 'EnableIamAuthorizer']);

function addRoute(doc: SwaggerDoc, event: ApiEvent, auth: Json, routeSettings: Json): void {
  const path = typeof event.path === 'string' ? event.path : '$default';
  const verb = typeof event.method === 'string' ? normalizeMethod(event.method) : 'x-amazon-apigateway-any-method';
  const existing = doc.hasMethod(path, verb) && isRecord(doc.method(path, verb)['x-amazon-apigateway-integration']);
  const method = doc.method(path, verb);
  if (path === '$default') method.isDefaultRoute = true;
  // An integration the DefinitionBody already has is kept (SAM adds events only where there is none).
  if (existing) {
    if (event.props.Auth !== undefined) addRouteAuth(doc, method, record(event.props.Auth), auth);
    return;
  }
  method['x-amazon-apigateway-integration'] = {
    type: 'aws_proxy',
    httpMethod: 'POST',
    payloadFormatVersion: event.props.PayloadFormatVersion ?? '2.0',
    uri: {
      'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${event.functionId}.Arn}/invocations`,
    },
  };
  method.responses ??= {};
  addRouteAuth(doc, method, record(event.props.Auth), auth);
  if (event.props.RouteSettings !== undefined) {
    const key =
      path === '$default'
        ? '$default'
        : `${verb === 'x-amazon-apigateway-any-method' ? 'ANY' : verb.toUpperCase()} ${path}`;
    routeSettings[key] = { ...record(routeSettings[key]), ...record(event.props.RouteSettings) };
  }
}

function corsConfiguration(value: unknown): unknown {
  if (value === true) return { allowOrigins: ['*'] };
  if (!isRecord(value) || 'Fn::If' in value || 'Ref' in value) return value;
  const out: Json = {};
  const keys: [string, string][] = [
    ['AllowOrigins', 'allowOrigins'],
    ['AllowHeaders', 'allowHeaders'],
    ['AllowMethods', 'allowMethods'],
    ['ExposeHeaders', 'exposeHeaders'],
    ['AllowCredentials', 'allowCredentials'],
    ['MaxAge', 'maxAge'],
  ];
  for (const [from, to] of keys) if (value[from] !== undefined) out[to] = value[from];
  return out;
}

/** AWS::Serverless::HttpApi → ApiGatewayV2 Api (with its OpenAPI body), Stage, and its domain. */
export function expandHttpApi(input: SamResourceIn): Generated {
  const { logicalId: id, resource } = input;
  const props = record(resource.Properties);
  reportUnknown(input, props, KNOWN);
  const checks = new AuthChecks(input.notices, id);
  checks.httpAuth(props, KNOWN_AUTH);
  for (const event of input.events) checks.event(event, record(props.Auth));
  const attributes = passthrough(resource);
  const api: Json = {};
  const routeSettings: Json = clone(record(props.RouteSettings));
  if (props.DefinitionUri !== undefined) {
    api.BodyS3Location = isRecord(props.DefinitionUri) ? props.DefinitionUri : { Uri: props.DefinitionUri };
    if (typeof props.DefinitionUri === 'string' && !props.DefinitionUri.startsWith('s3://')) {
      delete api.BodyS3Location;
      api.Body = notModelled(
        id,
        'DefinitionUri',
        `names a local file (${props.DefinitionUri}) the builder does not read`,
      );
    }
  } else if (isOpaqueBody(props.DefinitionBody)) {
    // Left as written: the template builder resolves it (an AWS::Include or Fn::If makes the routes unknown).
    api.Body = props.DefinitionBody;
  } else {
    const doc = new SwaggerDoc(
      props.DefinitionBody !== undefined
        ? clone(record(props.DefinitionBody))
        : { openapi: '3.0.1', info: { version: '1.0', title: { Ref: 'AWS::StackName' } }, paths: {} },
      'securitySchemes',
    );
    const auth = record(resolveParameterRefs(props.Auth, input.parameters));
    for (const event of input.events) addRoute(doc, event, auth, routeSettings);
    applyHttpAuth(doc, auth);
    // With FailOnWarnings SAM renames the $default path to /$default (API Gateway warns on the former).
    if (props.FailOnWarnings && '$default' in doc.paths) {
      doc.paths['/$default'] = doc.paths.$default;
      delete doc.paths.$default;
    }
    if (props.CorsConfiguration !== undefined && props.CorsConfiguration !== false)
      doc.doc['x-amazon-apigateway-cors'] = corsConfiguration(
        resolveParameterRefs(props.CorsConfiguration, input.parameters),
      );
    if (props.Name !== undefined) doc.doc.info = { ...record(doc.doc.info), title: props.Name };
    // SAM writes the API's tags into the OpenAPI body, where API Gateway reads them on import.
    doc.doc.tags = [
      ...(Array.isArray(doc.doc.tags) ? doc.doc.tags : []),
      { name: 'httpapi:createdBy', 'x-amazon-apigateway-tag-value': 'SAM' },
      ...Object.entries(record(props.Tags)).map(([name, value]) => ({ name, 'x-amazon-apigateway-tag-value': value })),
    ];
    api.Body = doc.doc;
  }
  if (props.PropagateTags === true && isRecord(props.Tags)) api.Tags = { 'httpapi:createdBy': 'SAM', ...props.Tags };
  for (const key of ['FailOnWarnings', 'DisableExecuteApiEndpoint', 'Description'])
    if (props[key] !== undefined) api[key] = props[key];
  const named = props.StageName !== undefined;
  const stageName = props.StageName ?? '$default';
  const stageId = !named
    ? `${id}ApiGatewayDefaultStage`
    : typeof stageName === 'string' && /^[A-Za-z0-9]+$/.test(stageName)
      ? `${id}${stageName}Stage`
      : `${id}Stage`;
  const stage: Json = {
    ApiId: { Ref: id },
    StageName: stageName,
    AutoDeploy: true,
    Tags: { 'httpapi:createdBy': 'SAM', ...record(props.Tags) },
  };
  for (const key of ['AccessLogSettings', 'DefaultRouteSettings', 'StageVariables'])
    if (props[key] !== undefined) stage[key] = props[key];
  if (Object.keys(routeSettings).length > 0 || props.RouteSettings !== undefined) stage.RouteSettings = routeSettings;
  const out: Generated = {
    [id]: { Type: 'AWS::ApiGatewayV2::Api', ...attributes, Properties: api },
    [stageId]: { Type: 'AWS::ApiGatewayV2::Stage', ...attributes, Properties: stage },
  };
  if (props.Domain !== undefined) Object.assign(out, httpDomain(id, stageId, props.Domain, attributes));
  return out;
}
