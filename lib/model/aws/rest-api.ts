import type {
  Authorizer as RestAuthorizer,
  Integration as RestIntegration,
  Method as RestMethod,
  RequestValidator,
} from '@aws-sdk/client-api-gateway';
import type {
  Api,
  ApiModel,
  Authorizer,
  CorsPolicy,
  GatewayResponse,
  Integration,
  Operation,
  PolicyDocument,
  Validator,
} from '../types';
import { unresolved, type Value } from '../value';
import { apigatewayArn } from './arn';
import { mapRestStage } from './rest-stage';
import { corsFromHeaders, deployedSource, tagsOf, type MappingContext } from './shared';
import type { RestApiSnapshot } from './snapshot';
import { unreadableAuthorizer, unreadableModel, unreadableStage } from './unreadable';

/** One deployed REST API (with its stages, methods, authorizers, ...) as a model Api. */
export function mapRestApi(snapshot: RestApiSnapshot, ctx: MappingContext): Api {
  const { api } = snapshot;
  const id = api.id ?? '';
  const base = `/restapis/${id}`;
  const source = deployedSource(apigatewayArn(ctx.region, base), 'AWS::ApiGateway::RestApi', api.tags);

  const authorizers = snapshot.authorizers.ok
    ? snapshot.authorizers.value.map((a) => mapAuthorizer(a, apigatewayArn(ctx.region, `${base}/authorizers/${a.id}`)))
    : [unreadableAuthorizer(source, snapshot.authorizers.because)];
  // Unreadable validators: each method that names one gets an unresolved validator naming the call (below).
  const validators = (snapshot.validators.ok ? snapshot.validators.value : []).map((v) =>
    mapValidator(v, apigatewayArn(ctx.region, `${base}/requestvalidators/${v.id}`)),
  );
  const authorizerById = lookup(
    snapshot.authorizers.ok ? authorizers : [],
    snapshot.authorizers.ok ? undefined : snapshot.authorizers.because,
  );
  const validatorById = lookup(validators, snapshot.validators.ok ? undefined : snapshot.validators.because);

  const operations: Operation[] = [];
  const cors: CorsPolicy[] = [];
  if (snapshot.resources.ok) {
    for (const resource of snapshot.resources.value) {
      for (const [verb, method] of Object.entries(resource.resourceMethods ?? {})) {
        const opArn = apigatewayArn(ctx.region, `${base}/resources/${resource.id}/methods/${verb}`);
        const op = mapMethod(resource.path ?? '/', verb, method, opArn, authorizerById, validatorById);
        operations.push(op);
        if (op.method === 'OPTIONS' && op.integration) {
          const policy = corsFromHeaders(
            knownStrings(op.integration.responseParameters),
            'method.response.header.',
            'preflight',
            op.source,
          );
          if (policy) cors.push(policy);
        }
      }
    }
  }
  operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));

  // Unreadable gateway responses: one unresolved response is added below (its unknowns name the call).
  const gatewayResponses = (snapshot.gatewayResponses.ok ? snapshot.gatewayResponses.value : [])
    // AWS lists every response type; only the customised ones are configuration (as in a template).
    .filter((r) => r.defaultResponse !== true)
    .map((r): GatewayResponse => {
      const grSource = {
        arn: apigatewayArn(ctx.region, `${base}/gatewayresponses/${r.responseType}`),
        resourceType: 'AWS::ApiGateway::GatewayResponse',
      };
      const policy = corsFromHeaders(
        r.responseParameters ?? {},
        'gatewayresponse.header.',
        'gateway-response',
        grSource,
      );
      if (policy) cors.push(policy);
      return {
        source: grSource,
        type: r.responseType ?? '',
        ...(r.statusCode !== undefined ? { statusCode: r.statusCode } : {}),
        responseParameters: { ...(r.responseParameters ?? {}) },
        responseTemplates: { ...(r.responseTemplates ?? {}) },
      };
    });

  if (!snapshot.gatewayResponses.ok) {
    // Unknown, not "none customised": one response whose type is unresolved lets the rules say unknown.
    const because = snapshot.gatewayResponses.because;
    gatewayResponses.push({
      source: { arn: apigatewayArn(ctx.region, `${base}/gatewayresponses`) },
      type: unresolved(because),
      responseParameters: {},
      responseTemplates: {},
    });
    cors.push({ source, from: 'gateway-response', allowOrigins: unresolved(because) });
  }
  const models = snapshot.models.ok
    ? snapshot.models.value.map((m): ApiModel => ({
        source: { arn: apigatewayArn(ctx.region, `${base}/models/${m.name}`), resourceType: 'AWS::ApiGateway::Model' },
        name: m.name ?? '',
        schema: parseSchema(m.schema),
      }))
    : [unreadableModel(source, snapshot.models.because)];
  const stages = snapshot.stages.ok
    ? snapshot.stages.value.map((s) => mapRestStage(id, s, ctx))
    : [unreadableStage(source, tagsOf(api.tags), snapshot.stages.because)];
  const policy = api.policy === undefined || api.policy === '' ? undefined : parsePolicy(api.policy);

  return {
    id,
    kind: 'rest',
    source,
    external: false,
    name: api.name,
    endpointTypes: api.endpointConfiguration?.types ?? ['EDGE'],
    vpcEndpointIds: api.endpointConfiguration?.vpcEndpointIds ?? [],
    tags: tagsOf(api.tags),
    ...(policy !== undefined ? { policy } : {}),
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint ?? false,
    ...(api.securityPolicy !== undefined ? { securityPolicy: api.securityPolicy } : {}),
    ...(api.endpointAccessMode !== undefined ? { endpointAccessMode: api.endpointAccessMode } : {}),
    ...(api.endpointConfiguration?.ipAddressType !== undefined
      ? { ipAddressType: api.endpointConfiguration.ipAddressType }
      : {}),
    models,
    operations,
    stages,
    authorizers,
    validators,
    gatewayResponses,
    cors,
    domainIds: ctx.domainIds(id),
    definedByOpenApi: false,
    ...(snapshot.resources.ok ? {} : { operationsUnresolved: snapshot.resources.because }),
  };
}

function mapMethod(
  path: string,
  verb: string,
  method: RestMethod,
  arn: string,
  authorizerById: (id: string) => Value<Authorizer>,
  validatorById: (id: string) => Value<Validator>,
): Operation {
  const integration = method.methodIntegration ? mapIntegration(method.methodIntegration, arn) : undefined;
  return {
    source: { arn, resourceType: 'AWS::ApiGateway::Method' },
    method: (method.httpMethod ?? verb).toUpperCase(),
    path,
    auth: {
      type: method.authorizationType ?? 'NONE',
      ...(method.authorizerId ? { authorizer: authorizerById(method.authorizerId) } : {}),
      scopes: method.authorizationScopes ?? [],
      apiKeyRequired: method.apiKeyRequired ?? false,
    },
    ...(integration ? { integration } : {}),
    ...(method.requestValidatorId ? { validator: validatorById(method.requestValidatorId) } : {}),
    requestParameters: { ...(method.requestParameters ?? {}) },
    requestModels: { ...(method.requestModels ?? {}) },
  };
}

function mapIntegration(integration: RestIntegration, methodArn: string): Integration {
  const responseParameters: Record<string, string> = {};
  for (const response of Object.values(integration.integrationResponses ?? {}))
    Object.assign(responseParameters, response.responseParameters ?? {});
  return {
    source: { arn: `${methodArn}/integration`, resourceType: 'AWS::ApiGateway::Method' },
    type: integration.type ?? '',
    ...(integration.uri !== undefined ? { uri: integration.uri } : {}),
    ...(integration.connectionType !== undefined ? { connectionType: integration.connectionType } : {}),
    requestParameters: { ...(integration.requestParameters ?? {}) },
    responseParameters,
    ...(integration.responseTransferMode !== undefined
      ? { responseTransferMode: integration.responseTransferMode }
      : {}),
    ...(integration.timeoutInMillis !== undefined ? { timeoutMillis: integration.timeoutInMillis } : {}),
  };
}

function mapAuthorizer(a: RestAuthorizer, arn: string): Authorizer {
  return {
    id: a.id ?? '',
    source: { arn, resourceType: 'AWS::ApiGateway::Authorizer' },
    name: a.name,
    type: a.type ?? '',
    identitySource: a.identitySource
      ? a.identitySource
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    ...(a.authorizerResultTtlInSeconds !== undefined ? { resultTtlSeconds: a.authorizerResultTtlInSeconds } : {}),
    providerArns: a.providerARNs ?? [],
  };
}

function mapValidator(v: RequestValidator, arn: string): Validator {
  return {
    id: v.id ?? '',
    source: { arn, resourceType: 'AWS::ApiGateway::RequestValidator' },
    name: v.name,
    validateBody: v.validateRequestBody ?? false,
    validateParameters: v.validateRequestParameters ?? false,
  };
}

function lookup<T extends { id: string }>(items: T[], failure: string | undefined): (id: string) => Value<T> {
  const byId = new Map(items.map((i) => [i.id, i]));
  return (id) => byId.get(id) ?? unresolved(failure ?? `id ${id} is referenced but does not exist in the API`);
}

function knownStrings(record: Record<string, Value<string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** REST API policies come back as JSON text, sometimes with escaped quotes (\"). */
export function parsePolicy(text: string): Value<PolicyDocument> {
  for (const candidate of [text, text.replace(/\\"/g, '"').replace(/\\\\/g, '\\')]) {
    try {
      const doc = JSON.parse(candidate) as unknown;
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
        const statement = (doc as { Statement?: unknown }).Statement;
        const list = Array.isArray(statement)
          ? statement
          : statement && typeof statement === 'object'
            ? [statement]
            : [];
        return { ...(doc as object), Statement: list } as PolicyDocument;
      }
    } catch {
      // try the next form
    }
  }
  return unresolved(`the API's resource policy is not valid JSON (${text.slice(0, 40)}...)`);
}

function parseSchema(schema: string | undefined): Value<unknown> {
  if (schema === undefined) return {};
  try {
    return JSON.parse(schema) as unknown;
  } catch {
    return unresolved('the model schema is not valid JSON');
  }
}
