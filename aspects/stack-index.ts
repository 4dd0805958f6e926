import { Stack, Token } from 'aws-cdk-lib';
import { CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { CfnAccount } from 'aws-cdk-lib/aws-apigateway';
import { CfnApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IConstruct } from 'constructs';

/**
 * What the aspects need to know about a stack, computed once per stack on first use: which stages
 * already have a WAF association, and the protocol of each v2 API. Never rescanned per stage.
 */
export interface StackIndex {
  /** Logical ids referenced (via Ref) by the ResourceArn of some WebACLAssociation. */
  readonly associatedRefs: Set<string>;
  /** v2 API logical id → protocol type (HTTP / WEBSOCKET). */
  readonly v2Protocols: Map<string, string>;
  /** Whether the stack sets the account CloudWatch role (an AWS::ApiGateway::Account). */
  readonly hasAccount: boolean;
}

const cache = new WeakMap<Stack, StackIndex>();

export function stackIndex(scope: IConstruct): StackIndex {
  const stack = Stack.of(scope);
  let index = cache.get(stack);
  if (!index) {
    index = build(stack);
    cache.set(stack, index);
  }
  return index;
}

function build(stack: Stack): StackIndex {
  const associatedRefs = new Set<string>();
  const v2Protocols = new Map<string, string>();
  let hasAccount = false;
  for (const node of stack.node.findAll()) {
    if (node instanceof CfnAccount) {
      hasAccount = true;
    } else if (node instanceof CfnWebACLAssociation) {
      collectRefs(stack.resolve(node.resourceArn), associatedRefs);
    } else if (node instanceof CfnApi && !Token.isUnresolved(node.protocolType)) {
      v2Protocols.set(logicalIdOf(node), String(node.protocolType ?? ''));
    }
  }
  return { associatedRefs, v2Protocols, hasAccount };
}

/** The resolved logical id of an L1 resource. */
export function logicalIdOf(resource: { logicalId: string; stack: Stack }): string {
  return resource.stack.resolve(resource.logicalId) as string;
}

/** The logical id an L1 property points at through `Ref`, if that is what it resolves to. */
export function refTarget(stack: Stack, value: unknown): string | undefined {
  const resolved = stack.resolve(value) as { Ref?: unknown } | undefined;
  return resolved && typeof resolved === 'object' && typeof resolved.Ref === 'string' ? resolved.Ref : undefined;
}

function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') into.add(inner);
      else collectRefs(inner, into);
    }
  }
}
