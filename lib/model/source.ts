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
  /** 1-based line of the resource in `templatePath` (set when the CLI reads the template text). */
  readonly line?: number;
  /** The line of the CDK app's source that made the construct (from a cloud assembly's stack trace). */
  readonly code?: CodeLocation;
  /** Logical id of the AWS SAM resource (AWS::Serverless::*) the SAM transform generates this resource from. */
  readonly samResource?: string;
}

/** A place in source code: a file (as recorded, usually absolute) and a 1-based line and column. */
export interface CodeLocation {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

/** Where a resource of a template is: its line in the template and the code that made it. */
export interface ResourceLocation {
  readonly line?: number;
  readonly code?: CodeLocation;
}

/** A short human label for a source, used in reports. */
export function sourceLabel(source: Source): string {
  return source.constructPath ?? source.logicalId ?? source.arn ?? source.pointer ?? '(unnamed)';
}
