import type { CfnResource } from 'aws-cdk-lib';

/**
 * Resource metadata key listing what an aspect or injector changed on a resource. The template builder
 * reads it back, so every report shows what was fixed for the user (an info notice per change).
 */
export const REMEDIATION_METADATA_KEY = 'cdk-api-guardrails:remediations';

export function recordRemediation(resource: CfnResource, change: string): void {
  const existing = (resource.getMetadata(REMEDIATION_METADATA_KEY) as string[] | undefined) ?? [];
  if (!existing.includes(change)) resource.addMetadata(REMEDIATION_METADATA_KEY, [...existing, change]);
}

export function remediationsOf(resource: CfnResource): string[] {
  return [...((resource.getMetadata(REMEDIATION_METADATA_KEY) as string[] | undefined) ?? [])];
}
