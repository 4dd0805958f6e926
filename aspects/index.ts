export { ApplyApiStandard } from './apply-api-standard';
export type { ApplyApiStandardProps } from './apply-api-standard';
export { GuardrailsAspectError } from './errors';
export { RestApiDefaults, StageDefaults } from './injectors';
export { REMEDIATION_METADATA_KEY, remediationsOf } from './remediation';
export type { StageStandardProps } from './settings';
export { TagApis } from './tag-apis';
export type { TagApisProps } from './tag-apis';
