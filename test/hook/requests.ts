import type { HookRequest, InvocationPoint } from '../../lib/hook/contract';

/** Requests shaped as the CloudFormation Hooks user guide documents them (Lambda hook input). */
const ACCOUNT = '123456789012';
const STACK_ID = `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:stack/orders/1a2345b6-0000-00a0-a123-00abc0abc000`;
const COMMON = {
  awsAccountId: ACCOUNT,
  hookTypeName: 'Private::ApiGuardrails::Hook',
  hookTypeVersion: '00000001',
  hookModel: { LambdaFunction: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:guardrails-hook` },
  requestContext: { invocation: 1, callbackContext: null },
};

export function stackRequest(payload: string, point: InvocationPoint = 'CREATE_PRE_PROVISION'): HookRequest {
  return {
    ...COMMON,
    clientRequestToken: 'f8da6d11-b23f-48f4-814c-0fb6a667f50e',
    stackId: STACK_ID,
    changeSetId: null,
    actionInvocationPoint: point,
    requestData: { targetName: 'STACK', targetType: 'STACK', targetLogicalId: 'orders', payload },
  };
}

export function changeSetRequest(payload: string): HookRequest {
  const changeSetId = `arn:aws:cloudformation:eu-west-1:${ACCOUNT}:changeSet/cs-1/1a2345b6-0000-00a0-a123-00abc0abc000`;
  return {
    ...COMMON,
    clientRequestToken: 'c0ffee11-b23f-48f4-814c-0fb6a667f50e',
    stackId: STACK_ID,
    changeSetId,
    actionInvocationPoint: 'CREATE_PRE_PROVISION',
    requestData: { targetName: 'CHANGE_SET', targetType: 'CHANGE_SET', targetLogicalId: changeSetId, payload },
  };
}

export function resourceRequest(
  type: string,
  logicalId: string,
  properties: Record<string, unknown> | null,
  point: InvocationPoint = 'CREATE_PRE_PROVISION',
  previous: Record<string, unknown> | null = null,
): HookRequest {
  return {
    ...COMMON,
    clientRequestToken: 'aaaa1111-b23f-48f4-814c-0fb6a667f50e',
    stackId: STACK_ID,
    actionInvocationPoint: point,
    requestData: {
      targetName: type,
      targetType: type,
      targetLogicalId: logicalId,
      targetModel: { resourceProperties: properties, previousResourceProperties: previous },
    },
  };
}

/** A stack payload as CloudFormation writes it: the templates as strings (JSON or YAML). */
export function stackPayload(template: object | string, previousTemplate: object | string | null = null): string {
  const text = (t: object | string | null): string | null =>
    t === null ? null : typeof t === 'string' ? t : JSON.stringify(t);
  return JSON.stringify({ template: text(template), previousTemplate: text(previousTemplate) });
}

/** A template failing rest-method-authorization (and much else): a REST API with an open GET method. */
export function failingTemplate(): { Resources: Record<string, unknown> } {
  return {
    Resources: {
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'orders' } },
      Method: {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: 'Api' },
          ResourceId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
          HttpMethod: 'GET',
          AuthorizationType: 'NONE',
          Integration: { Type: 'MOCK' },
        },
      },
    },
  };
}
