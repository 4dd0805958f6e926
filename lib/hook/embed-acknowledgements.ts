import { CfnResource, Lazy, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { ACKNOWLEDGED_RULES_METADATA_TYPE, RISK_ACCEPTANCE_METADATA_TYPE } from '../adapters/metadata-types';
import { ACKNOWLEDGEMENT_NAMESPACE, TEMPLATE_ACKNOWLEDGEMENTS_KEY } from './acknowledgements';

/**
 * Copy the acknowledgements made in a CDK stack (`Validations.of(x).acknowledge({ id: 'ApiGuardrails::<rule>' })`,
 * `acknowledgeRisk`) into the stack template's `Metadata`, so the GuardrailsHook honours them at deploy
 * time as the plugin and `check` do at synth. CDK records them in the cloud assembly, which CloudFormation
 * never sees. Collected when the template is synthesized, so acknowledgements added later count too.
 * Acknowledgements on the stack's parents (stage, app) are included; other plugins' ids are not. Each
 * resource's logical id is recorded with its construct path, so matching does not depend on CDK's path
 * metadata (`aws:cdk:path`) being on.
 */
export function embedAcknowledgements(scope: IConstruct): void {
  const stack = Stack.of(scope);
  const metadata = (stack.templateOptions.metadata ??= {});
  metadata[TEMPLATE_ACKNOWLEDGEMENTS_KEY] = Lazy.any({ produce: () => collect(stack) });
}

function collect(stack: Stack): Record<string, { type: string; data: unknown }[]> | undefined {
  const out: Record<string, { type: string; data: unknown }[]> = {};
  const prefix = `${ACKNOWLEDGEMENT_NAMESPACE}::`;
  const constructs = [...stack.node.scopes.slice(0, -1), ...stack.node.findAll()];
  for (const construct of constructs) {
    for (const entry of construct.node.metadata) {
      let data: unknown;
      if (entry.type === ACKNOWLEDGED_RULES_METADATA_TYPE && typeof entry.data === 'object' && entry.data !== null) {
        const ours = Object.entries(entry.data as Record<string, unknown>).filter(([id]) => id.startsWith(prefix));
        if (ours.length === 0) continue;
        data = Object.fromEntries(ours);
      } else if (entry.type === RISK_ACCEPTANCE_METADATA_TYPE) {
        data = entry.data;
      } else continue;
      const path = `/${construct.node.path}`;
      (out[path] ??= []).push({ type: entry.type, data });
    }
  }
  if (Object.keys(out).length === 0) return undefined;
  for (const construct of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(construct) || Stack.of(construct) !== stack) continue;
    (out[`/${construct.node.path}`] ??= []).push({
      type: 'aws:cdk:logicalId',
      data: stack.resolve(construct.logicalId),
    });
  }
  return out;
}
