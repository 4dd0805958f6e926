import { ALL_API_KINDS, defineRule, type RuleContext } from '../../lib/engine/rule';
import type { Api, Mapping } from '../../lib/model/types';

/** One retired API version, as the standard lists it. */
interface RetiredStage {
  /** API name pattern (`*` matches any run of characters); every API when left out. */
  readonly api?: string;
  /** Stage name that is retired (exact, ignoring case). */
  readonly stage?: string;
  /** Base path (REST) or API mapping key (v2) that is retired, without slashes (exact, ignoring case). */
  readonly basePath?: string;
  /** Why or since when, shown in the finding (e.g. "v1 retired 2026-06-30, use v2"). */
  readonly note?: string;
}

interface Options {
  /** Retired API versions; a mapping that still serves one of them fails. Empty: nothing is retired. */
  readonly retiredStages: RetiredStage[];
}

function namePattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const trimSlashes = (path: string): string => path.replace(/^\/+|\/+$/g, '');

export default defineRule<'domain', Options>({
  id: 'retired-stage-mapping',
  title: 'Custom domains no longer serve API versions the standard lists as retired',
  rationale:
    'A retired API version that a custom domain still maps keeps answering: old clients keep using it, and it keeps ' +
    'the flaws and weaker controls it was retired for, outside anyone’s attention (OWASP API9: deprecated versions ' +
    'still deployed). The standard lists retired versions; a mapping to one of them is removed with the version.',
  fix: {
    cdk:
      'Remove the `BasePathMapping` / `domain.addBasePathMapping(...)` (or `ApiMapping`) that serves the retired stage ' +
      'or base path, then the stage itself.',
    cloudFormation:
      'Delete the AWS::ApiGateway::BasePathMapping(V2) or AWS::ApiGatewayV2::ApiMapping that maps the retired stage or ' +
      'base path.',
    sam: 'Remove the retired `Domain.BasePath` entry (or stage) from the AWS::Serverless::Api / HttpApi.',
  },
  severity: 'warning',
  owasp: ['API9:2023'],
  controls: { nist80053: ['CM-8', 'SA-22', 'CM-7'], pciDss4: ['6.3.2', '12.5.1'] },
  // No peer scanner knows which versions an organisation has retired.
  references: {},
  appliesTo: { subject: 'domain', apiKinds: ALL_API_KINDS },
  options: {
    schema: {
      type: 'object',
      properties: {
        retiredStages: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              api: { type: 'string', minLength: 1 },
              stage: { type: 'string', minLength: 1 },
              basePath: { type: 'string', minLength: 1 },
              note: { type: 'string' },
            },
            // An entry names a stage, a base path, or both.
            if: { not: { required: ['stage'] } },
            then: { required: ['basePath'] },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
    defaults: { retiredStages: [] },
  },
  check(domain, ctx) {
    const retired = ctx.options.retiredStages;
    if (retired.length === 0) return ctx.skip();
    const apis = new Map(ctx.inventory.apis.map((api) => [api.id, api]));
    for (const mapping of domain.mappings) {
      const api = apis.get(ctx.need(mapping.apiId, 'the mapped API'));
      for (const entry of retired) {
        const served = servedStage(mapping, api, entry, ctx.need);
        if (served === undefined) continue;
        const apiName = api && typeof api.name === 'string' ? api.name : (api?.id ?? '?');
        const note = entry.note ? ` (${entry.note})` : '';
        ctx.fail(`Domain still maps ${served} of API ${apiName}, which the standard lists as retired${note}.`, {
          source: mapping.source,
        });
      }
    }
  },
});

type Need = RuleContext<Options>['need'];

/** What of a retired entry the mapping serves ("stage v1", "base path /v1"), or undefined when nothing. */
function servedStage(mapping: Mapping, api: Api | undefined, entry: RetiredStage, need: Need): string | undefined {
  if (entry.api !== undefined) {
    const name = api ? need(api.name, 'the mapped API name') : undefined;
    if (name === undefined || !namePattern(entry.api).test(name)) return undefined;
  }
  if (entry.basePath !== undefined) {
    const path = mapping.basePath === undefined ? '' : trimSlashes(need(mapping.basePath, 'the mapping base path'));
    if (!same(path, trimSlashes(entry.basePath))) return undefined;
    if (entry.stage === undefined) return `base path /${path}`;
  }
  if (entry.stage === undefined) return undefined;
  const stage = entry.stage;
  if (mapping.stage === undefined) {
    // A REST mapping without a stage serves every stage of the API under /{stage}/...
    const names = (api?.stages ?? []).map((s) => need(s.name, 'a stage name of the mapped API'));
    return names.some((name) => same(name, stage)) ? `stage ${stage} (the mapping names no stage)` : undefined;
  }
  const mapped = need(mapping.stage, 'the mapped stage');
  return same(mapped, stage) ? `stage ${mapped}` : undefined;
}
