import { TagManager } from 'aws-cdk-lib';
import type { IAspect, ITaggable } from 'aws-cdk-lib';
import { CfnRestApi, CfnStage as CfnRestStage } from 'aws-cdk-lib/aws-apigateway';
import { CfnApi, CfnStage as CfnV2Stage } from 'aws-cdk-lib/aws-apigatewayv2';
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
 * Tags every REST, HTTP and WebSocket API below the scope, and their stages, with the owner and data
 * classification, from one stack- or app-level setting. Stages are tagged too because a stage does not
 * report the tags of its API (GetTags on the stage ARN). A tag already set is never overwritten.
 */
export class TagApis implements IAspect {
  private readonly tags: [string, string][];

  constructor(props: TagApisProps) {
    for (const [name, value] of [
      ['owner', props.owner],
      ['dataClassification', props.dataClassification],
    ] as const) {
      if (typeof value !== 'string' || value.trim() === '') {
        throw new GuardrailsAspectError(
          'E_TAG_VALUE',
          `TagApis: ${name} must be a non-empty string, received ${JSON.stringify(value)}.`,
          `Pass the ${name} of the APIs, e.g. { ${name}: '...' }.`,
        );
      }
    }
    this.tags = [
      [props.ownerTagKey ?? 'owner', props.owner],
      [props.classificationTagKey ?? 'data-classification', props.dataClassification],
    ];
  }

  visit(node: IConstruct): void {
    const tagged =
      node instanceof CfnRestApi ||
      node instanceof CfnApi ||
      node instanceof CfnRestStage ||
      node instanceof CfnV2Stage;
    if (!tagged || !TagManager.isTaggable(node)) return;
    const tags = (node as ITaggable).tags;
    const existing = tags.tagValues();
    for (const [key, value] of this.tags) {
      if (existing[key] !== undefined) continue;
      tags.setTag(key, value);
      recordRemediation(node, `tag ${key}=${value} added`);
    }
  }
}
