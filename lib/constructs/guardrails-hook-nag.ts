import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * A policy resource as cdk-nag names it in a finding id (`AwsSolutions-IAM5[Resource::<this>]`): literals
 * as they are, `Ref` as `<Name>`, `Fn::GetAtt` as `<LogicalId.Attr>`, `Fn::Join` parts joined.
 */
export function nagResource(scope: IConstruct, value: string): string {
  const render = (part: unknown): string => {
    if (typeof part === 'string') return part;
    const p = part as Record<string, unknown>;
    if (typeof p.Ref === 'string') return `<${p.Ref}>`;
    if (Array.isArray(p['Fn::GetAtt'])) return `<${(p['Fn::GetAtt'] as string[]).join('.')}>`;
    if (Array.isArray(p['Fn::Join'])) {
      const [sep, parts] = p['Fn::Join'] as [string, unknown[]];
      return parts.map(render).join(sep);
    }
    return JSON.stringify(part);
  };
  return render(Stack.of(scope).resolve(value));
}

/** Acknowledge cdk-nag findings one by one (cdk-nag v3 has no prefix matching), all with one reason. */
export function acknowledgeNag(scope: IConstruct, ids: readonly string[], reason: string): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}
