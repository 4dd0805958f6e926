import type { BuildContext } from './context';

/**
 * Resource metadata where the toolkit's aspects and property injectors list what they changed
 * (aspects/remediation.ts REMEDIATION_METADATA_KEY; kept equal by a test, so lib/model needs no CDK import).
 */
export const REMEDIATIONS_METADATA = 'cdk-api-guardrails:remediations';

/** One info notice REMEDIATED per recorded change, so every report shows what was fixed and where. */
export function remediationNotices(ctx: BuildContext): void {
  for (const resource of ctx.resources.values()) {
    const metadata = resource.raw.Metadata;
    if (typeof metadata !== 'object' || metadata === null) continue;
    const recorded = (metadata as Record<string, unknown>)[REMEDIATIONS_METADATA];
    if (recorded === undefined) continue;
    const changes = Array.isArray(recorded) ? recorded : [recorded];
    for (const change of changes) {
      if (typeof change !== 'string' || change.trim() === '') continue;
      ctx.notice('info', 'REMEDIATED', `${resource.logicalId}: ${change}`, ctx.source(resource));
    }
  }
}
