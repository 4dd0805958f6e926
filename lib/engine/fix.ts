import type { Source } from '../model/source';
import type { RuleFix } from './rule';

/** Whether a source is an AWS SAM resource, or generated from one by the SAM transform. */
export function isSamSource(source: Source | undefined): boolean {
  return source?.resourceType?.startsWith('AWS::Serverless::') === true || source?.samResource !== undefined;
}

/**
 * A rule's fix as one line of text, as findings and reports carry it: CDK first, then CloudFormation; for a
 * finding on a SAM resource, the SAM way first when the rule has one.
 */
export function renderFix(fix: RuleFix, source?: Source): string {
  if (fix.sam !== undefined && isSamSource(source)) return `SAM: ${fix.sam} CloudFormation: ${fix.cloudFormation}`;
  return `CDK: ${fix.cdk} CloudFormation: ${fix.cloudFormation}`;
}
