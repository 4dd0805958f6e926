import type { ResolvedStandard } from '../standard';
import type { Source } from '../model/source';
import type { Api, ApiKind, Domain, Inventory, Stage } from '../model/types';
import { isKnown, isUnresolved, type Value } from '../model/value';

/** Shown wherever the toolkit cannot know a value (never a guess). */
export const UNRESOLVED = '(unresolved)';

/** One stage of an API as the evidence formats show it; every field is display text. */
export interface StageDetail {
  readonly name: string;
  /** Web ACL name, 'none', 'not possible (HTTP API)', or '(unresolved)'. */
  readonly waf: string;
  /** "rate 100/s, burst 200", or 'not set'. */
  readonly throttling: string;
  /** "JSON to <log group>", 'none', or '(unresolved)'. */
  readonly accessLogging: string;
  /** Execution log level (REST and WebSocket), 'OFF', or 'not applicable (HTTP API)'. */
  readonly executionLogging: string;
}

/** One API with what a compliance reader asks about it (owner, classification, protection). */
export interface ApiDetail {
  readonly id: string;
  readonly name: string;
  readonly kind: ApiKind;
  readonly owner?: string;
  /** The classification tag's value as written, '(missing)' or '(unresolved)'. */
  readonly classification: string;
  /** Tier the API is evaluated under (a missing classification selects the strictest). */
  readonly tier: string;
  readonly external: boolean;
  readonly source: Source;
  readonly endpointTypes: string[];
  readonly stages: StageDetail[];
  /** Distinct authorization types of its methods/routes, plus 'API key' when a method requires one. */
  readonly authorizationTypes: string[];
  /** "api.example.com: TLS_1_2" per mapped custom domain. */
  readonly tlsPolicies: string[];
  /** Hosts its HTTP integrations call over the internet outside the organisation's domains. */
  readonly thirdPartyHosts: string[];
}

/** Per-API detail for the html, csv and oscal formats. Pure: reads the inventory, never guesses. */
export function describeApis(inventory: Inventory, standard: ResolvedStandard): ApiDetail[] {
  const domains = new Map(inventory.domains.map((d) => [d.id, d]));
  const ownerKey = standard.standard.ownerTagKey;
  const classKey = standard.standard.classification.tagKey;
  return inventory.apis.map((api) => {
    const tier = standard.tierOf(api);
    const options = standard.setting('third-party-integrations', tier)?.options as
      { organisationDomains?: string[] } | undefined;
    return {
      id: api.id,
      name: isKnown(api.name) ? api.name : api.id,
      kind: api.kind,
      owner: tagText(api.tags[ownerKey]),
      classification: tagText(api.tags[classKey]) ?? '(missing)',
      tier,
      external: api.external,
      source: api.source,
      endpointTypes: list(api.endpointTypes),
      stages: api.stages.map((s) => stageDetail(api, s)),
      authorizationTypes: authorizationTypes(api),
      tlsPolicies: api.domainIds.flatMap((id) => {
        const domain = domains.get(id);
        return domain ? [tlsOf(domain)] : [];
      }),
      thirdPartyHosts: thirdPartyHosts(api, options?.organisationDomains ?? []),
    };
  });
}

function tagText(value: Value<string> | undefined): string | undefined {
  if (value === undefined) return undefined;
  return isUnresolved(value) ? UNRESOLVED : value;
}

function text(value: Value<string | undefined> | undefined, unset: string): string {
  if (value === undefined) return unset;
  if (isUnresolved(value)) return UNRESOLVED;
  return value;
}

function list(value: Value<string[]>): string[] {
  return isUnresolved(value) ? [UNRESOLVED] : [...value];
}

function stageDetail(api: Api, stage: Stage): StageDetail {
  const throttle = stage.settings.throttle;
  const rate = throttle.rateLimit === undefined ? undefined : numberText(throttle.rateLimit);
  const burst = throttle.burstLimit === undefined ? undefined : numberText(throttle.burstLimit);
  const parts = [rate !== undefined && `rate ${rate}/s`, burst !== undefined && `burst ${burst}`].filter(Boolean);
  return {
    name: text(stage.name, '(unnamed)'),
    waf: wafOf(api, stage),
    throttling: parts.length ? parts.join(', ') : 'not set',
    accessLogging: accessLogOf(stage),
    executionLogging: api.kind === 'http' ? 'not applicable (HTTP API)' : text(stage.settings.loggingLevel, 'OFF'),
  };
}

function numberText(value: Value<number>): string {
  return isUnresolved(value) ? UNRESOLVED : String(value);
}

function wafOf(api: Api, stage: Stage): string {
  if (api.kind !== 'rest') return 'not possible (HTTP/WebSocket API)';
  if (!stage.waf) return 'none';
  const acl = stage.waf.webAcl;
  if (isUnresolved(acl)) return UNRESOLVED;
  return text(acl.name, acl.id);
}

function accessLogOf(stage: Stage): string {
  const log = stage.accessLog;
  if (!log) return 'none';
  const format =
    log.format === undefined ? 'no format' : isUnresolved(log.format) ? 'format unresolved' : formatKind(log.format);
  const group = log.logGroup;
  const where =
    group === undefined || isUnresolved(group) ? 'log group outside the source' : text(group.name, 'log group');
  return `${format} to ${where}`;
}

function formatKind(format: string): string {
  return format.trim().startsWith('{') ? 'JSON' : 'text';
}

function authorizationTypes(api: Api): string[] {
  const types = new Set<string>();
  let apiKey = false;
  for (const op of api.operations) {
    types.add(isUnresolved(op.auth.type) ? UNRESOLVED : op.auth.type);
    if (op.auth.apiKeyRequired === true) apiKey = true;
  }
  if (api.operationsUnresolved !== undefined) types.add(UNRESOLVED);
  const sorted = [...types].sort();
  return apiKey ? [...sorted, 'API key'] : sorted;
}

function tlsOf(domain: Domain): string {
  const name = text(domain.name, domain.id);
  const policy = text(
    domain.securityPolicy,
    domain.kind === 'rest' ? 'TLS_1_0 (AWS default)' : 'TLS_1_2 (AWS default)',
  );
  return `${name}: ${policy}${domain.mtlsTruststoreUri !== undefined ? ', mutual TLS' : ''}`;
}

const HTTP_TYPES = new Set(['HTTP', 'HTTP_PROXY']);

function thirdPartyHosts(api: Api, organisationDomains: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const op of api.operations) {
    const integration = op.integration;
    if (!integration || integration.uri === undefined) continue;
    if (isUnresolved(integration.type) || !HTTP_TYPES.has(integration.type.toUpperCase())) continue;
    const connection = integration.connectionType;
    if (isKnown(connection) && connection.toUpperCase() === 'VPC_LINK') continue;
    if (isUnresolved(integration.uri)) {
      hosts.add(UNRESOLVED);
      continue;
    }
    const host = /^https?:\/\/([^/?#:]+)/i.exec(integration.uri)?.[1].toLowerCase();
    // Hosts set by stage variables or other substitutions are never printed (they may hold anything).
    if (!host || host.includes('${')) hosts.add('(set at run time)');
    else if (!organisationDomains.some((p) => hostMatches(host, p))) hosts.add(host);
  }
  return [...hosts].sort();
}

/** `*.example.com` matches subdomains of example.com; a plain pattern matches itself. */
function hostMatches(host: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) return host.endsWith(p.slice(1));
  return host === p;
}
