/**
 * AWS SAM templates → the CloudFormation API Gateway resources the SAM transform makes of them.
 *
 * The template builder reads CloudFormation; a SAM template's APIs only exist after the transform. This
 * expansion does the API part of the transform in TypeScript (no Python translator): AWS::Serverless::Api,
 * HttpApi and WebSocketApi, the Api/HttpApi events of AWS::Serverless::Function (with the implicit
 * ServerlessRestApi / ServerlessHttpApi), and Globals. Logical ids are the transform's (ServerlessRestApi,
 * <Api>ProdStage, <Api>ApiGatewayDefaultStage, ApiGatewayDomainName<hash>, ...); deployment hashes differ.
 * The generated swagger/OpenAPI bodies are read by the same OpenAPI reader as a transformed template's.
 * A SAM property the expansion does not model is an error notice naming it (an unknown finding), never a pass.
 */
import { clone, isRecord, record, SAM_TRANSFORM, type Json } from './common';
import { addImplicitApis, collectEvents } from './events';
import { applyGlobals } from './globals';
import { expandHttpApi } from './http-api';
import type { SamNotice } from './notices';
import { expandRestApi, type SamResourceIn } from './rest-api';
import { UsagePlans } from './usage-plans';
import { expandWebSocketApi } from './websocket-api';

export type { SamNotice } from './notices';

export interface SamExpansion {
  /** The template with its SAM API resources replaced by what the transform generates. */
  readonly template: Record<string, unknown>;
  readonly notices: SamNotice[];
  /** Generated logical id → the logical id of the SAM resource (AWS::Serverless::*) the transform made it from. */
  readonly origins: Record<string, string>;
}

const EXPANDERS: Record<string, (input: SamResourceIn, plans: UsagePlans) => Record<string, Json>> = {
  'AWS::Serverless::Api': expandRestApi,
  'AWS::Serverless::HttpApi': (input) => expandHttpApi(input),
  'AWS::Serverless::WebSocketApi': (input) => expandWebSocketApi(input),
};

function transformsOf(template: Record<string, unknown>): unknown[] {
  const raw = template.Transform;
  return Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
}

function hasServerlessResources(resources: Json): boolean {
  for (const resource of Object.values(resources))
    if (isRecord(resource) && typeof resource.Type === 'string' && resource.Type.startsWith('AWS::Serverless::'))
      return true;
  return false;
}

/**
 * Expand a SAM template. Undefined when the template is not SAM (no SAM transform, no AWS::Serverless::*
 * resource): then nothing is copied. Never throws: what cannot be expanded is a notice.
 */
export function expandSam(template: Record<string, unknown>): SamExpansion | undefined {
  const transforms = transformsOf(template);
  const declared = transforms.includes(SAM_TRANSFORM);
  const original = record(template.Resources);
  if (!declared && !hasServerlessResources(original)) return undefined;
  const notices: SamNotice[] = [];
  if (!declared)
    notices.push({
      level: 'warning',
      code: 'SAM_TRANSFORM_MISSING',
      message: `The template has AWS::Serverless::* resources but no \`Transform: ${SAM_TRANSFORM}\` line: CloudFormation would refuse it. It was evaluated as the SAM transform would expand it; add the Transform line.`,
    });
  const resources: Record<string, Json> = {};
  for (const [id, resource] of Object.entries(original))
    resources[id] =
      isRecord(resource) && String(resource.Type).startsWith('AWS::Serverless::')
        ? clone(resource)
        : (resource as Json);
  const events = collectEvents(resources, notices);
  addImplicitApis(resources, events);
  applyGlobals(resources, template.Globals);
  const plans = new UsagePlans();
  const out: Record<string, unknown> = {};
  const generated: Record<string, Json> = {};
  const origins: Record<string, string> = {};
  for (const [id, resource] of Object.entries(resources)) {
    const expand = EXPANDERS[String(resource.Type)];
    if (!expand) {
      out[id] = resource;
      continue;
    }
    const made = expand(
      { logicalId: id, resource, events: events.get(id) ?? [], notices, parameters: record(template.Parameters) },
      plans,
    );
    Object.assign(generated, made);
    for (const madeId of Object.keys(made)) origins[madeId] = id;
  }
  plans.finish(generated);
  for (const [id, resource] of Object.entries(resources))
    if (resource.Type === 'AWS::Serverless::Application')
      notices.push({
        level: 'warning',
        code: 'SAM_APPLICATION_NOT_EVALUATED',
        message: `AWS::Serverless::Application ${id} is a nested application (a nested stack): the APIs in its template are not evaluated. Check that template on its own.`,
        logicalId: id,
      });
  for (const [id, resource] of Object.entries(generated)) {
    if (id in out)
      notices.push({
        level: 'error',
        code: 'SAM_LOGICAL_ID_CLASH',
        message: `The SAM transform would generate ${resource.Type as string} ${id}, but the template already declares a resource ${id}; the transform fails on it. Rename that resource.`,
        logicalId: id,
      });
    else out[id] = resource;
  }
  // A generated id that clashes with a declared resource is that resource, not the SAM one's.
  for (const id of Object.keys(origins)) if (out[id] !== generated[id]) delete origins[id];
  const rest = transforms.filter((item) => item !== SAM_TRANSFORM);
  const expanded: Record<string, unknown> = { ...template, Resources: out };
  delete expanded.Globals;
  if (rest.length > 0) expanded.Transform = rest.length === 1 ? rest[0] : rest;
  else delete expanded.Transform;
  return { template: expanded, notices, origins };
}
