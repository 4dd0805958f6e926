/**
 * CDK nested stacks. A `NestedStack` is an AWS::CloudFormation::Stack resource whose template CDK writes
 * next to the parent's template and names in the resource's `aws:asset:path` metadata (the CDK CLI
 * records asset metadata by default). `check` and the synth-time plugin read that file as one more input,
 * nested in its parent: the values the parent passes in `Parameters` resolve in the parent's template.
 */

/** Where a nested stack's template is: a file name in the parent template's directory. */
export interface NestedTemplateRef {
  /** Logical id of the AWS::CloudFormation::Stack resource in the parent. */
  readonly logicalId: string;
  /** The file name CDK recorded (`<Parent><Id>.nested.template.json`). */
  readonly fileName: string;
}

/** Identifies the parent of a nested template input. */
export interface NestedIn {
  /** The parent input's `templatePath`. */
  readonly templatePath: string;
  /** Logical id of the AWS::CloudFormation::Stack resource in the parent. */
  readonly logicalId: string;
}

export const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The nested stack templates a parsed template names. Only a bare JSON file name is taken: the file must
 * sit beside the parent (as CDK writes it), so a template cannot point the reader elsewhere.
 */
export function nestedStackTemplates(template: unknown): NestedTemplateRef[] {
  const out: NestedTemplateRef[] = [];
  const resources = isObject(template) && isObject(template.Resources) ? template.Resources : {};
  for (const logicalId of Object.keys(resources)) {
    const resource = resources[logicalId];
    if (!isObject(resource) || resource.Type !== NESTED_STACK_TYPE || !isObject(resource.Metadata)) continue;
    const fileName = resource.Metadata['aws:asset:path'];
    if (typeof fileName === 'string' && /^[^/\\]+\.json$/.test(fileName)) out.push({ logicalId, fileName });
  }
  return out;
}
