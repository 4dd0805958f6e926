import { Token } from 'aws-cdk-lib';
import { GuardrailsConstructError } from './errors';
import { standardOptions } from './standard-bounds';

interface NonProductionOptions {
  readonly nonProductionNames: string[];
  readonly allowNonProduction: boolean;
}

/**
 * Refuse a stage name the standard's non-production-stage rule would fail in this tier (e.g. `dev` on a
 * confidential API): the construct would otherwise synthesize an API that fails its own tier.
 */
export function checkStageName(stageName: string, dataClassification: string): void {
  if (Token.isUnresolved(stageName)) return;
  const options = standardOptions<NonProductionOptions>('non-production-stage', dataClassification);
  if (options.allowNonProduction !== false) return;
  const listed = new Set((options.nonProductionNames ?? []).map((word) => word.toLowerCase()));
  const words = stageName
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .map((word) => word.toLowerCase());
  const hit = words.find((word) => listed.has(word));
  if (hit === undefined) return;
  throw new GuardrailsConstructError(
    'E_NON_PRODUCTION_STAGE',
    `Stage name "${stageName}" marks a non-production environment ("${hit}"), which tier ${dataClassification} does not allow (rule non-production-stage).`,
    stageName,
    'Keep the production stage name (the default), and deploy dev/test environments as their own stack with a lower dataClassification.',
  );
}
