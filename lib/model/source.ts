/** Where a model element came from, so every finding can name it in the user's terms. */
export interface Source {
  /** CloudFormation logical id. */
  readonly logicalId?: string;
  /** CloudFormation resource type, e.g. AWS::ApiGateway::Stage. */
  readonly resourceType?: string;
  /** Template file the resource was read from. */
  readonly templatePath?: string;
  /** Stack (or template) name. */
  readonly stackName?: string;
  /** CDK construct path (from aws:cdk:path metadata or the CDK tree). */
  readonly constructPath?: string;
  /** ARN or service id of a deployed resource (audit). */
  readonly arn?: string;
  /** Location inside an OpenAPI Body, e.g. paths./orders.get. */
  readonly pointer?: string;
}

/** A short human label for a source, used in reports. */
export function sourceLabel(source: Source): string {
  return source.constructPath ?? source.logicalId ?? source.arn ?? source.pointer ?? '(unnamed)';
}
