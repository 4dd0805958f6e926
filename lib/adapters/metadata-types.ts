/**
 * Construct metadata types the toolkit reads back from a cdk.out, as plain strings. `api-guardrails check`
 * reads them without loading aws-cdk-lib: the CLI must run where it is not installed (plain CloudFormation
 * repositories) and, where it is, loading it delays the first template.
 * test/adapters/metadata-types.test.ts keeps the first equal to aws-cdk-lib's own constant.
 */

/** `Validations.ACKNOWLEDGED_RULES_METADATA_KEY`: where `Validations.of(scope).acknowledge` records its ids. */
export const ACKNOWLEDGED_RULES_METADATA_TYPE = 'aws:cdk:acknowledged-rules';

/** Construct metadata type recording a risk acceptance (read back by the plugin and by `check` on cdk.out). */
export const RISK_ACCEPTANCE_METADATA_TYPE = 'cdk-api-guardrails:risk-acceptance';
