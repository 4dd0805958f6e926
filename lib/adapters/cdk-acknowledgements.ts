import * as path from 'path';
import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Acknowledgement, Finding } from '../engine/finding';

/**
 * Acknowledgements made with `Validations.of(scope).acknowledge({ id: '<Plugin>::<rule-id>', reason })`,
 * matched the way CDK matches them (aws-cdk-lib core/lib/private/synthesis-validation.js): the
 * acknowledgement recorded closest to the resource's construct path wins, walking up to the app
 * (path ''). Resources without a known construct path match only app-level acknowledgements.
 *
 * The plugin applies them itself, so the engine can honour `acknowledgeable: false` and the summary
 * can count them; CDK then never needs to suppress (and re-grade) our violations.
 */
export class CdkAcknowledgements {
  /** Read every acknowledgement for `namespace` (the plugin name) from the construct tree, in one walk. */
  static collect(root: IConstruct | undefined, namespace: string): CdkAcknowledgements {
    const byRule = new Map<string, Map<string, string>>();
    if (!root) return new CdkAcknowledgements(byRule, root);
    const prefix = `${namespace}::`;
    for (const construct of root.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
          if (!id.startsWith(prefix)) continue;
          const ruleId = id.slice(prefix.length);
          const paths = byRule.get(ruleId) ?? new Map<string, string>();
          paths.set(construct.node.path, String(reason));
          byRule.set(ruleId, paths);
        }
      }
    }
    return new CdkAcknowledgements(byRule, root);
  }

  private logicalIdPaths?: Map<string, string>;

  private constructor(
    private readonly byRule: Map<string, Map<string, string>>,
    private readonly root: IConstruct | undefined,
  ) {}

  get isEmpty(): boolean {
    return this.byRule.size === 0;
  }

  /** The acknowledgement covering this finding, if any. */
  find(finding: Finding): Acknowledgement | undefined {
    const paths = this.byRule.get(finding.ruleId);
    if (!paths) return undefined;
    let at = this.constructPathOf(finding) ?? '';
    for (;;) {
      const reason = paths.get(at);
      if (reason !== undefined) return { reason, via: 'cdk' };
      if (at === '') return undefined;
      const slash = at.lastIndexOf('/');
      at = slash === -1 ? '' : at.slice(0, slash);
    }
  }

  private constructPathOf(finding: Finding): string | undefined {
    const source = finding.resource.source;
    if (source.constructPath) return source.constructPath.replace(/^\//, '');
    if (!source.logicalId || !source.templatePath) return undefined;
    this.logicalIdPaths ??= this.indexLogicalIds();
    return this.logicalIdPaths.get(`${path.basename(source.templatePath)}\u0000${source.logicalId}`);
  }

  /** Template file + logical id → construct path, as CDK's ConstructTree builds it. Built only when needed. */
  private indexLogicalIds(): Map<string, string> {
    const index = new Map<string, string>();
    if (!this.root) return index;
    for (const construct of this.root.node.findAll()) {
      if (!CfnResource.isCfnResource(construct)) continue;
      const stack = Stack.of(construct);
      index.set(`${stack.templateFile}\u0000${stack.resolve(construct.logicalId)}`, construct.node.path);
    }
    return index;
  }
}
