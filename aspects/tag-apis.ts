import { TagManager } from 'aws-cdk-lib';
import type { IAspect, ITaggable } from 'aws-cdk-lib';
import { CfnRestApi } from 'aws-cdk-lib/aws-apigateway';
import { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IConstruct } from 'constructs';
import { GuardrailsAspectError } from './errors';
import { recordRemediation } from './remediation';

export interface TagApisProps {
  /** Team that owns the APIs (value of the owner tag). */
  readonly owner: string;
  /** Data classification tier, e.g. 'internal' (value of the classification tag). */
  readonly dataClassification: string;
  /** @default 'owner' */
  readonly ownerTagKey?: string;
  /** @default 'data-classification' */
  readonly classificationTagKey?: string;
}

/**
 * Tags every REST, HTTP and WebSocket API below the scope with its owner and data classification, from
 * one stack- or app-level setting. A tag an API already has is never overwritten.
 */
export class TagApis implements IAspect {
  private readonly tags: [string, string][];

  constructor(props: TagApisProps) {
    for (const [name, value] of [
      ['owner', props.owner],
      ['dataClassification', props.dataClassification],
    ] as const) {
      if (typeof value !== 'string' || value.trim() === '') {
        throw new GuardrailsAspectError('E_TAG_VALUE', `TagApis: ${name} must be a non-empty string, received ${JSON.stringify(value)}.`, `Pass the ${name} of the APIs, e.g. { ${name}: '...' }.`);
      }
    }
    this.tags = [
      [props.ownerTagKey ?? 'owner', props.owner],
      [props.classificationTagKey ?? 'data-classification', props.dataClassification],
    ];
  }

  visit(node: IConstruct): void {
    if (!(node instanceof CfnRestApi || node instanceof CfnApi) || !TagManager.isTaggable(node)) return;
    const tags = (node as ITaggable).tags;
    const existing = tags.tagValues();
    for (const [key, value] of this.tags) {
      if (existing[key] !== undefined) continue;
      tags.setTag(key, value);
      recordRemediation(node, `tag ${key}=${value} added`);
    }
  }
}
