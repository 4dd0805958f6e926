import * as fs from 'fs';
import * as path from 'path';
import type { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Acknowledgement, ExpiredAcknowledgement, Finding } from '../engine/finding';
import { cdkLib } from '../lazy-modules';
import type { RiskAcceptanceRecord } from './acknowledge-risk';
import { ACKNOWLEDGED_RULES_METADATA_TYPE, RISK_ACCEPTANCE_METADATA_TYPE } from './metadata-types';

/** One construct metadata entry, as the construct tree and a cdk.out `<stack>.metadata.json` both hold them. */
export interface MetadataEntry {
  /** Construct path without a leading slash, e.g. 'Orders/Api/Resource'. */
  readonly path: string;
  readonly type: string;
  readonly data: unknown;
}

interface Ack {
  readonly reason: string;
}

/**
 * The rule id an acknowledgement id names for our rules, in any of the forms users and our own code write:
 * `ApiGuardrails::<rule>` (the plugin's namespace; `relax`, CDK's `Validations.acknowledge`),
 * `ApiGuardrails-<rule>` (cdk-nag style, stored by CDK as `Annotation::ApiGuardrails-<rule>`) and
 * `ApiGuardrailsChecks::ApiGuardrails-<rule>` (the cdk-nag pack's own namespace). Every adapter reads all
 * three, so one acknowledgement gives the same verdict in the plugin, the pack and `check cdk.out`.
 */
export function ruleIdOfAcknowledgement(id: string, namespace: string): string | undefined {
  const separator = id.indexOf('::');
  const scope = separator < 0 ? undefined : id.slice(0, separator);
  const rest = separator < 0 ? id : id.slice(separator + 2);
  if (scope === namespace) return rest;
  if (scope === undefined || /^annotation$/i.test(scope) || scope === `${namespace}Checks`)
    return rest.startsWith(`${namespace}-`) ? rest.slice(namespace.length + 1) : undefined;
  return undefined;
}

/**
 * Acknowledgements and risk acceptances for one plugin namespace, matched the way CDK matches them: the
 * entry recorded closest to the resource's construct path wins, walking up to the app. Built in one pass
 * over metadata, from the construct tree (synth) or from cdk.out metadata files (`check`), so both give
 * the same verdicts.
 */
export class AcknowledgementIndex {
  /**
   * Acknowledgements and risk acceptances in an app's construct tree (the plugin and the cdk-nag pack),
   * collected in one walk. Matching needs each finding's construct path: when every resource carries
   * `aws:cdk:path` metadata (the CDK CLI's default) the findings have it, so the index is built from the
   * collected entries alone; otherwise `fromTree` also maps logical ids to paths, which resolves every
   * resource's logical id and is the costly part, so it is done only then and only when there is
   * something to match.
   */
  static forApp(root: IConstruct | undefined, namespace: string, templates: readonly unknown[]): AcknowledgementIndex {
    if (!root) return AcknowledgementIndex.fromTree(undefined, namespace);
    const metadata: Record<string, { type: string; data?: unknown }[]> = {};
    let found = false;
    for (const construct of root.node.findAll()) {
      for (const entry of construct.node.metadata) {
        const relevant =
          entry.type === RISK_ACCEPTANCE_METADATA_TYPE ||
          (entry.type === ACKNOWLEDGED_RULES_METADATA_TYPE &&
            !!entry.data &&
            typeof entry.data === 'object' &&
            Object.keys(entry.data).some((id) => ruleIdOfAcknowledgement(id, namespace) !== undefined));
        if (!relevant) continue;
        (metadata[construct.node.path] ??= []).push({ type: entry.type, data: entry.data });
        found = true;
      }
    }
    if (!found) return AcknowledgementIndex.fromAssembly([], namespace);
    if (templates.every(everyResourceHasPath))
      return AcknowledgementIndex.fromAssembly([{ templateFile: '', metadata }], namespace);
    return AcknowledgementIndex.fromTree(root, namespace);
  }

  /** From the construct tree (the validation plugin). */
  static fromTree(root: IConstruct | undefined, namespace: string): AcknowledgementIndex {
    const entries: MetadataEntry[] = [];
    const resources: CfnResource[] = [];
    if (root) {
      const { CfnResource } = cdkLib();
      for (const construct of root.node.findAll()) {
        for (const entry of construct.node.metadata)
          entries.push({ path: construct.node.path, type: entry.type, data: entry.data });
        if (CfnResource.isCfnResource(construct)) resources.push(construct);
      }
    }
    // Resolving every logical id costs more than the rest of the walk: do it only if a finding without a
    // construct path has to be matched against an acknowledgement.
    const logicalIds = (): Map<string, string> => {
      const map = new Map<string, string>();
      const { Stack } = cdkLib();
      for (const resource of resources) {
        const stack = Stack.of(resource);
        map.set(`${stack.templateFile}\u0000${stack.resolve(resource.logicalId)}`, resource.node.path);
      }
      return map;
    };
    return new AcknowledgementIndex(entries, logicalIds, namespace);
  }

  /**
   * From a cloud assembly: `metadataFiles` maps each stack's template file name to its metadata file
   * (`<stack>.metadata.json`, or the manifest artifact's `metadata`), as `{ '/S/Api': [{ type, data }] }`.
   */
  static fromAssembly(
    stacks: readonly { templateFile: string; metadata: Record<string, { type: string; data?: unknown }[]> }[],
    namespace: string,
  ): AcknowledgementIndex {
    const entries: MetadataEntry[] = [];
    for (const stack of stacks) {
      for (const [rawPath, list] of Object.entries(stack.metadata)) {
        const p = rawPath.replace(/^\//, '');
        for (const entry of metadataEntries(list)) entries.push({ path: p, type: entry.type, data: entry.data });
      }
    }
    // Built only if a finding without a construct path meets an acknowledgement.
    const logicalIds = (): Map<string, string> => {
      const map = new Map<string, string>();
      for (const stack of stacks) {
        for (const [rawPath, list] of Object.entries(stack.metadata)) {
          for (const entry of metadataEntries(list)) {
            if (entry.type === 'aws:cdk:logicalId' && typeof entry.data === 'string')
              map.set(`${path.basename(stack.templateFile)}\u0000${entry.data}`, rawPath.replace(/^\//, ''));
          }
        }
      }
      return map;
    };
    return new AcknowledgementIndex(entries, logicalIds, namespace);
  }

  /** Read a stack's metadata file next to its template in a cdk.out, if CDK wrote one. */
  static readAssemblyMetadata(templatePath: string): Record<string, { type: string; data?: unknown }[]> | undefined {
    const file = templatePath.replace(/\.template\.json$/, '.metadata.json');
    if (file === templatePath || !fs.existsSync(file)) return undefined;
    const bytes = fs.readFileSync(file);
    // Most apps acknowledge nothing: a metadata file (MBs for large stacks) with no entry we read is searched
    // as bytes, never decoded nor parsed.
    if (bytes.indexOf(ACKNOWLEDGED_RULES_METADATA_TYPE) < 0 && bytes.indexOf(RISK_ACCEPTANCE_METADATA_TYPE) < 0)
      return undefined;
    return JSON.parse(bytes.toString('utf8')) as Record<string, { type: string; data?: unknown }[]>;
  }

  private readonly acks = new Map<string, Map<string, Ack>>();
  private readonly risks = new Map<string, Map<string, RiskAcceptanceRecord>>();

  private logicalIdPaths?: Map<string, string>;

  private constructor(
    entries: readonly MetadataEntry[],
    private readonly computeLogicalIdPaths: () => Map<string, string>,
    namespace: string,
  ) {
    for (const entry of entries) {
      if (entry.type === ACKNOWLEDGED_RULES_METADATA_TYPE && entry.data && typeof entry.data === 'object') {
        for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
          const ruleId = ruleIdOfAcknowledgement(id, namespace);
          if (ruleId !== undefined) at(this.acks, ruleId).set(entry.path, { reason: String(reason) });
        }
      } else if (entry.type === RISK_ACCEPTANCE_METADATA_TYPE && entry.data && typeof entry.data === 'object') {
        const record = entry.data as RiskAcceptanceRecord;
        at(this.risks, record.ruleId).set(entry.path, record);
      }
    }
  }

  get isEmpty(): boolean {
    return this.acks.size === 0 && this.risks.size === 0;
  }

  /** The acknowledgement covering this finding (with ticket and expiry when it is a risk acceptance), or the one that expired. */
  find(finding: Finding): Acknowledgement | ExpiredAcknowledgement | undefined {
    const acks = this.acks.get(finding.ruleId);
    const risks = this.risks.get(finding.ruleId);
    if (!acks && !risks) return undefined;
    for (let at = this.constructPathOf(finding) ?? ''; ; at = parent(at)) {
      const risk = risks?.get(at);
      const ack = acks?.get(at);
      if (risk && !risk.expired) {
        return {
          reason: risk.reason,
          ticket: risk.ticket,
          expires: risk.expires,
          ...(risk.approvedBy ? { approvedBy: risk.approvedBy } : {}),
          via: 'cdk',
        };
      }
      if (ack) return { reason: ack.reason, via: 'cdk' };
      if (risk?.expired) return { expired: true, expires: risk.expires, reason: risk.reason, ticket: risk.ticket };
      if (at === '') return undefined;
    }
  }

  private constructPathOf(finding: Finding): string | undefined {
    const source = finding.resource.source;
    if (source.constructPath) return source.constructPath.replace(/^\//, '');
    if (!source.logicalId || !source.templatePath) return undefined;
    this.logicalIdPaths ??= this.computeLogicalIdPaths();
    return this.logicalIdPaths.get(`${path.basename(source.templatePath)}\u0000${source.logicalId}`);
  }
}

function everyResourceHasPath(template: unknown): boolean {
  const resources =
    (template as { Resources?: Record<string, { Metadata?: Record<string, unknown> } | null> } | null)?.Resources ?? {};
  return Object.values(resources).every((r) => typeof r?.Metadata?.['aws:cdk:path'] === 'string');
}

function at<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function parent(p: string): string {
  const slash = p.lastIndexOf('/');
  return slash === -1 ? '' : p.slice(0, slash);
}

/** The well-formed entries of one construct path in a *.metadata.json (a hand-edited file may hold null or a non-list). */
function metadataEntries(list: unknown): { type: string; data?: unknown }[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (entry): entry is { type: string; data?: unknown } =>
      typeof entry === 'object' && entry !== null && typeof (entry as { type?: unknown }).type === 'string',
  );
}
